package dev.wisim.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wisim.stack.scenario.Scenario.ClusterSpec;
import dev.wisim.stack.scenario.Scenario.KsaSpec;
import dev.wisim.stack.scenario.Scenario.NamespaceSpec;
import dev.wisim.stack.scenario.Scenario.PodSpec;
import dev.wisim.stack.scenario.Scenario.TokenVolumeSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code external_account} credential files for the scenario's default pod, as
 * {@code gcloud iam workload-identity-pools create-cred-config} writes them: the subject token is the
 * pod's projected token for its workload pool (a token volume of the pod), exchanged at STS over
 * HTTPS; {@code external-account.json} then impersonates the KSA's GSA through IAM, while
 * {@code external-account-federated.json} uses the federated token itself.
 */
final class ExternalAccountFiles {

    static final String IMPERSONATED = "external-account.json";
    static final String FEDERATED = "external-account-federated.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExternalAccountFiles() {
    }

    /** The files to write, by name: none when the default pod has no token volume for its pool. */
    static Map<String, String> of(Stack stack) {
        ClusterSpec cluster = stack.scenario().cluster();
        String pool = cluster.project() + ".svc.id.goog";
        Map<String, String> files = new LinkedHashMap<>();
        if (cluster.defaultPod() == null || !cluster.defaultPod().contains("/")) {
            return files;
        }
        String namespace = cluster.defaultPod().substring(0, cluster.defaultPod().indexOf('/'));
        String podName = cluster.defaultPod().substring(namespace.length() + 1);
        Optional<NamespaceSpec> ns = cluster.namespacesOrEmpty().stream().filter(n -> n.name().equals(namespace)).findFirst();
        Optional<PodSpec> pod = ns.flatMap(n -> n.pods() == null ? Optional.empty()
                : n.pods().stream().filter(p -> p.name().equals(podName)).findFirst());
        Optional<TokenVolumeSpec> volume = pod.flatMap(p -> p.tokenVolumesOrEmpty().stream().filter(v -> pool.equals(v.audience())).findFirst());
        if (volume.isEmpty()) {
            return files;
        }
        Path token = stack.stateDir().resolve("pods").resolve(namespace).resolve(podName).resolve(volume.get().name()).resolve("token");
        String sts = stack.httpsUrl(Service.STS);
        Map<String, Object> federated = new LinkedHashMap<>();
        federated.put("universe_domain", "googleapis.com");
        federated.put("type", "external_account");
        federated.put("audience", "identitynamespace:" + pool + ":" + cluster.issuer());
        federated.put("subject_token_type", "urn:ietf:params:oauth:token-type:jwt");
        federated.put("token_url", sts + "/v1/token");
        federated.put("token_info_url", sts + "/v1/introspect");
        federated.put("credential_source", Map.of("file", token.toString(), "format", Map.of("type", "text")));
        files.put(FEDERATED, json(federated));

        String ksaName = pod.get().serviceAccount() == null ? "default" : pod.get().serviceAccount();
        Optional<String> gsa = ns.get().serviceAccounts() == null ? Optional.empty() : ns.get().serviceAccounts().stream()
                .filter(k -> k.name().equals(ksaName)).map(KsaSpec::gcpServiceAccount).filter(g -> g != null).findFirst();
        gsa.ifPresent(email -> {
            Map<String, Object> impersonated = new LinkedHashMap<>(federated);
            impersonated.remove("token_info_url");
            impersonated.put("service_account_impersonation_url", stack.httpsUrl(Service.IAM)
                    + "/v1/projects/-/serviceAccounts/" + email + ":generateAccessToken");
            files.put(IMPERSONATED, json(impersonated));
        });
        return files;
    }

    private static String json(Map<String, Object> file) {
        try {
            return JSON.writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
