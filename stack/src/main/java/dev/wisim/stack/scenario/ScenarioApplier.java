package dev.wisim.stack.scenario;

import dev.wisim.stack.process.Concurrently;
import dev.wisim.stack.scenario.Scenario.BindingSpec;
import dev.wisim.stack.scenario.Scenario.BucketSpec;
import dev.wisim.stack.scenario.Scenario.ClusterSpec;
import dev.wisim.stack.scenario.Scenario.KsaSpec;
import dev.wisim.stack.scenario.Scenario.NamespaceSpec;
import dev.wisim.stack.scenario.Scenario.ObjectSpec;
import dev.wisim.stack.scenario.Scenario.PodSpec;
import dev.wisim.stack.scenario.Scenario.ProjectSpec;
import dev.wisim.stack.scenario.Scenario.ServiceAccountSpec;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Applies a scenario through the services' own public APIs, as a user would: the admin signs in
 * (the simulator's stand-in for {@code gcloud auth login}), creates the projects, the service
 * accounts and their policies, then the cluster's objects and the buckets.
 *
 * <p>Applying again to services that already hold the scenario succeeds (docker compose starts its
 * one-shot again with every {@code run}): what exists is taken as it is, bindings are added where
 * missing, objects are written again, and the admin service account keeps the key of the key file
 * handed back (the one the earlier apply wrote, while IAM still holds its key) or gets a new one.
 */
public final class ScenarioApplier {

    private static final Set<Integer> OK = Set.of(200);
    private static final Set<Integer> CREATED_OR_EXISTS = Set.of(200, 201, 409);
    private static final int EXISTS = 409;

    private final Api api = new Api();
    private final String iam;
    private final Map<String, String> clusterApis;
    private final String storage;
    private final Map<String, String> keysAt;

    /** @param clusterApis each cluster's API server (plain HTTP), by cluster name */
    public ScenarioApplier(String iamUrl, Map<String, String> clusterApis, String storageUrl) {
        this(iamUrl, clusterApis, storageUrl, clusterApis);
    }

    /**
     * @param keysAt where STS reaches each cluster's API server for its keys, when that differs from
     *               where this applier reaches it (containers on a network of their own)
     */
    public ScenarioApplier(String iamUrl, Map<String, String> clusterApis, String storageUrl, Map<String, String> keysAt) {
        this.iam = iamUrl;
        this.clusterApis = Map.copyOf(clusterApis);
        this.storage = storageUrl;
        this.keysAt = Map.copyOf(keysAt);
    }

    /**
     * What applying produced: the admin's access token, each project's number, and the admin service
     * account's JSON key file (null when the scenario has none).
     */
    public record Applied(String adminToken, Map<String, String> projectNumbers, byte[] adminKeyFile) {
    }

    public Applied apply(Scenario scenario) {
        return apply(scenario, null);
    }

    /**
     * @param keptKeyFile the admin service account's key file an earlier apply wrote (null if none):
     *                    kept, with its key, while IAM still holds that key, instead of a new key made
     */
    public Applied apply(Scenario scenario, byte[] keptKeyFile) {
        // the clusters need neither the admin's token nor the projects (their pools are named after the
        // project, not looked up): they start at once, beside Google's side
        CompletableFuture<Void> clusters = Concurrently.run(() -> scenario.clusters().forEach(this::applyCluster));
        CompletableFuture<Applied> google = Concurrently.supply(() -> applyGoogle(scenario, keptKeyFile));
        Concurrently.joinAll(clusters, google);
        return google.join();
    }

    private Applied applyGoogle(Scenario scenario, byte[] keptKeyFile) {
        String admin = (String) api.call("POST", iam + "/_sim/tokens", null, Map.of("principal", "user:" + scenario.admin()), OK)
                .get("access_token");
        Map<String, String> numbers = new LinkedHashMap<>();
        for (ProjectSpec project : scenario.projects()) {
            Api.Answer operation = api.exchange("POST", iam + "/v1/projects", admin, Api.json(Map.of("projectId", project.id())),
                    "application/json", Set.of(200, EXISTS));
            @SuppressWarnings("unchecked")
            Map<String, Object> created = operation.status() == EXISTS
                    ? api.call("GET", iam + "/v1/projects/" + project.id(), admin, null, OK)
                    : (Map<String, Object>) operation.body().get("response");
            numbers.put(project.id(), (String) created.get("projectNumber"));
        }
        // IAM's accounts and storage's buckets are independent once the projects exist: side by side
        CompletableFuture<byte[]> adminKey = Concurrently.supply(() -> adminServiceAccount(admin, scenario, keptKeyFile));
        Concurrently.joinAll(adminKey,
                Concurrently.run(() -> scenario.serviceAccountsOrEmpty().forEach(a -> createServiceAccount(admin, a))),
                Concurrently.run(() -> scenario.bucketsOrEmpty().forEach(b -> createBucket(admin, b))));
        List<String> extended = scenario.serviceAccountsOrEmpty().stream()
                .filter(a -> Boolean.TRUE.equals(a.allowCredentialLifetimeExtension())).map(ServiceAccountSpec::email).toList();
        if (!extended.isEmpty()) {
            api.call("PUT", iam + "/_sim/org-policy/iam.allowServiceAccountCredentialLifetimeExtension", null,
                    Map.of("allowedValues", extended), OK);
        }
        return new Applied(admin, numbers, adminKey.join());
    }

    /**
     * The scenario's admin service account, in the first project and owner of every project, with a
     * key: the non-interactive admin identity ({@code gcloud auth activate-service-account --key-file}).
     */
    private byte[] adminServiceAccount(String admin, Scenario scenario, byte[] keptKeyFile) {
        if (scenario.adminServiceAccount() == null) {
            return null;
        }
        String project = scenario.projects().get(0).id();
        String email = createServiceAccount(admin, project, scenario.adminServiceAccount(), Map.of("displayName", "wisim admin"));
        String member = "serviceAccount:" + email;
        // its ownership of the projects and its key, side by side
        CompletableFuture<Void> owner = Concurrently.run(() -> {
            for (ProjectSpec each : scenario.projects()) {
                String resource = iam + "/v1/projects/" + each.id();
                Map<String, Object> policy = api.call("POST", resource + ":getIamPolicy", admin, null, OK);
                api.call("POST", resource + ":setIamPolicy", admin,
                        Map.of("policy", withBindings(policy, List.of(new BindingSpec("roles/owner", List.of(member))))), OK);
            }
        });
        CompletableFuture<byte[]> key = Concurrently.supply(() -> adminKey(admin, email, keptKeyFile));
        Concurrently.joinAll(owner, key);
        return key.join();
    }

    /** The admin service account's key file: the kept one while IAM holds its key, else a new key's. */
    private byte[] adminKey(String admin, String email, byte[] keptKeyFile) {
        String keys = iam + "/v1/projects/-/serviceAccounts/" + email + "/keys";
        // IAM keeps its state across restarts: the key file still kept keeps its key, the keys of key files
        // no longer kept are deleted (an account holds at most ten)
        String keptId = keyId(keptKeyFile, email);
        boolean kept = false;
        Object earlier = api.call("GET", keys + "?keyTypes=USER_MANAGED", admin, null, OK).get("keys");
        if (earlier instanceof List<?> list) {
            for (Object each : list) {
                if (each instanceof Map<?, ?> old && old.get("name") instanceof String name) {
                    if (keptId != null && name.endsWith("/keys/" + keptId)) {
                        kept = true;
                    } else {
                        api.call("DELETE", iam + "/v1/" + name, admin, null, OK);
                    }
                }
            }
        }
        if (kept) {
            return keptKeyFile;
        }
        Map<String, Object> key = api.call("POST", keys, admin, Map.of("privateKeyType", "TYPE_GOOGLE_CREDENTIALS_FILE"), OK);
        return Base64.getDecoder().decode((String) key.get("privateKeyData"));
    }

    /** The {@code private_key_id} of a key file of {@code email}'s; null for none, another account's, or not a key file. */
    static String keyId(byte[] keyFile, String email) {
        if (keyFile == null) {
            return null;
        }
        try {
            Map<?, ?> fields = Api.object(keyFile);
            return email.equals(fields.get("client_email")) && fields.get("private_key_id") instanceof String id && !id.isBlank() ? id : null;
        } catch (IOException notAKeyFile) {
            return null;
        }
    }

    private void createServiceAccount(String admin, ServiceAccountSpec account) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("displayName", account.displayName());
        fields.put("description", account.description());
        String email = createServiceAccount(admin, account.project(), account.id(), fields);
        if (account.bindings() == null || account.bindings().isEmpty()) {
            return;
        }
        String resource = iam + "/v1/projects/-/serviceAccounts/" + email;
        Map<String, Object> policy = api.call("POST", resource + ":getIamPolicy", admin, null, OK);
        Map<String, Object> updated = withBindings(policy, account.bindings());
        updated.put("version", 3);
        api.call("POST", resource + ":setIamPolicy", admin, Map.of("policy", updated), OK);
    }

    /** Creates the account unless it exists; its email either way. */
    private String createServiceAccount(String admin, String project, String accountId, Map<String, Object> fields) {
        Api.Answer created = api.exchange("POST", iam + "/v1/projects/" + project + "/serviceAccounts", admin,
                Api.json(Map.of("accountId", accountId, "serviceAccount", fields)), "application/json", Set.of(200, EXISTS));
        return created.status() == EXISTS ? accountId + "@" + project + ".iam.gserviceaccount.com" : (String) created.body().get("email");
    }

    /**
     * The cluster joins its project's workload pool (as enabling Workload Identity does: IAM then knows
     * its issuer and where its keys are), then gets its namespaces, KSAs and pods.
     */
    private void applyCluster(ClusterSpec cluster) {
        String apiserver = clusterApis.get(cluster.name());
        api.call("PUT", iam + "/_sim/workload-identity/gke-pools/" + cluster.project() + ".svc.id.goog/clusters", null,
                Map.of("issuer", cluster.issuer(), "jwksUri", keysAt.get(cluster.name()) + "/openid/v1/jwks"), OK);
        for (NamespaceSpec namespace : cluster.namespacesOrEmpty()) {
            api.call("POST", apiserver + "/api/v1/namespaces", null,
                    Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", namespace.name())), CREATED_OR_EXISTS);
            for (KsaSpec ksa : namespace.serviceAccounts() == null ? List.<KsaSpec>of() : namespace.serviceAccounts()) {
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("name", ksa.name());
                if (ksa.gcpServiceAccount() != null) {
                    metadata.put("annotations", Map.of("iam.gke.io/gcp-service-account", ksa.gcpServiceAccount()));
                }
                api.call("POST", apiserver + "/api/v1/namespaces/" + namespace.name() + "/serviceaccounts", null,
                        Map.of("apiVersion", "v1", "kind", "ServiceAccount", "metadata", metadata), CREATED_OR_EXISTS);
            }
            for (PodSpec pod : namespace.pods() == null ? List.<PodSpec>of() : namespace.pods()) {
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("serviceAccountName", pod.serviceAccount() == null ? "default" : pod.serviceAccount());
                spec.put("containers", List.of(Map.of("name", "workload", "image", "google/cloud-sdk:slim")));
                List<Map<String, Object>> volumes = pod.tokenVolumesOrEmpty().stream().map(v -> Map.<String, Object>of("name", v.name(),
                        "projected", Map.of("sources", List.of(Map.of("serviceAccountToken", Map.of("audience", v.audience(),
                                "expirationSeconds", 3600, "path", "token")))))).toList();
                if (!volumes.isEmpty()) {
                    spec.put("volumes", volumes);
                }
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("name", pod.name());
                if (pod.address() != null) {
                    metadata.put("annotations", Map.of("cni.projectcalico.org/ipAddrs", "[\"" + pod.address() + "\"]"));
                }
                api.call("POST", apiserver + "/api/v1/namespaces/" + namespace.name() + "/pods", null,
                        Map.of("apiVersion", "v1", "kind", "Pod", "metadata", metadata, "spec", spec), CREATED_OR_EXISTS);
            }
        }
    }

    /** A bucket that exists (kept on disk from an earlier start) is taken as it is; its bindings and objects are applied again. */
    private void createBucket(String admin, BucketSpec bucket) {
        api.call("POST", storage + "/storage/v1/b?project=" + bucket.project(), admin, Map.of("name", bucket.name()), Set.of(200, EXISTS));
        String base = storage + "/storage/v1/b/" + bucket.name();
        // the bucket's policy and its objects (the admin owns the bucket either way), side by side
        List<Runnable> parts = new ArrayList<>();
        if (bucket.bindings() != null && !bucket.bindings().isEmpty()) {
            parts.add(() -> {
                Map<String, Object> policy = api.call("GET", base + "/iam", admin, null, OK);
                api.call("PUT", base + "/iam", admin, withBindings(policy, bucket.bindings()), OK);
            });
        }
        for (ObjectSpec object : bucket.objects() == null ? List.<ObjectSpec>of() : bucket.objects()) {
            String url = storage + "/upload/storage/v1/b/" + bucket.name() + "/o?uploadType=media&name="
                    + URLEncoder.encode(object.name(), StandardCharsets.UTF_8);
            parts.add(() -> api.exchange("POST", url, admin, (object.content() == null ? "" : object.content()).getBytes(StandardCharsets.UTF_8),
                    object.contentType() == null ? "application/octet-stream" : object.contentType(), OK));
        }
        Concurrently.runAll(parts);
    }

    /** The policy with the scenario's members added to (or bound under) each role. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withBindings(Map<String, Object> policy, List<BindingSpec> additions) {
        Map<String, Object> updated = new LinkedHashMap<>(policy);
        List<Map<String, Object>> bindings = new ArrayList<>();
        for (Map<String, Object> binding : (List<Map<String, Object>>) policy.getOrDefault("bindings", List.of())) {
            bindings.add(new LinkedHashMap<>(binding));
        }
        for (BindingSpec addition : additions) {
            Map<String, Object> target = bindings.stream().filter(b -> addition.role().equals(b.get("role")) && b.get("condition") == null)
                    .findFirst().orElseGet(() -> {
                        Map<String, Object> fresh = new LinkedHashMap<>();
                        fresh.put("role", addition.role());
                        fresh.put("members", List.of());
                        bindings.add(fresh);
                        return fresh;
                    });
            List<String> members = new ArrayList<>((List<String>) target.get("members"));
            addition.members().stream().filter(m -> !members.contains(m)).forEach(members::add);
            target.put("members", members);
        }
        updated.put("bindings", bindings);
        return updated;
    }
}
