package dev.wisim.stack.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A world to start the stack with: who administers it (a user, and optionally a service account with
 * a key file, owner of every project), the projects, the cluster with its
 * namespaces, KSAs and pods, the Google service accounts with their IAM bindings, and the buckets
 * with their objects. Read from YAML; unknown keys are errors.
 */
public record Scenario(String admin, String adminServiceAccount, List<ProjectSpec> projects, List<ClusterSpec> clusters,
                       List<ServiceAccountSpec> serviceAccounts, List<BucketSpec> buckets) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record ProjectSpec(String id) {
    }

    /** One GKE cluster with Workload Identity; its workload pool is {@code PROJECT.svc.id.goog}. */
    public record ClusterSpec(String project, String location, String name, String defaultPod, List<NamespaceSpec> namespaces) {

        public List<NamespaceSpec> namespacesOrEmpty() {
            return namespaces == null ? List.of() : namespaces;
        }

        /** The cluster's OIDC issuer (and GKE resource URL). */
        public String issuer() {
            return "https://container.googleapis.com/v1/projects/" + project + "/locations/" + location + "/clusters/" + name;
        }
    }

    public record NamespaceSpec(String name, List<KsaSpec> serviceAccounts, List<PodSpec> pods) {
    }

    /** @param gcpServiceAccount the GSA for the {@code iam.gke.io/gcp-service-account} annotation, if any */
    public record KsaSpec(String name, String gcpServiceAccount) {
    }

    /**
     * @param tokenVolumes projected KSA tokens for other audiences, as a pod spec's projected volumes (the kubelet writes them)
     * @param address      a fixed pod IP (asked of the CNI, as Calico's {@code ipAddrs} annotation does): how a container
     *                     of docker-compose becomes this pod for the metadata server
     */
    public record PodSpec(String name, String serviceAccount, List<TokenVolumeSpec> tokenVolumes, String address) {

        public List<TokenVolumeSpec> tokenVolumesOrEmpty() {
            return tokenVolumes == null ? List.of() : tokenVolumes;
        }
    }

    /** A projected {@code serviceAccountToken} volume: file {@code token}, for {@code audience}. */
    public record TokenVolumeSpec(String name, String audience) {
    }

    /**
     * @param allowCredentialLifetimeExtension listed in the organisation policy that lets its generated
     *                                         access tokens live up to 12 hours
     */
    public record ServiceAccountSpec(String project, String id, String displayName, String description, List<BindingSpec> bindings,
                                     Boolean allowCredentialLifetimeExtension) {

        public String email() {
            return id + "@" + project + ".iam.gserviceaccount.com";
        }
    }

    public record BindingSpec(String role, List<String> members) {
    }

    public record BucketSpec(String project, String name, List<BindingSpec> bindings, List<ObjectSpec> objects) {
    }

    public record ObjectSpec(String name, String contentType, String content) {
    }

    public static Scenario load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /** The article's world: see {@code scenarios/default.yaml}. */
    public static Scenario defaultScenario() {
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/default.yaml")) {
            return read(in, "the default scenario");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scenario read(InputStream in, String source) throws IOException {
        Scenario scenario;
        try {
            scenario = YAML.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid scenario " + source + ": " + e.getMessage(), e);
        }
        scenario.validate(source);
        return scenario;
    }

    private void validate(String source) {
        if (admin == null || !admin.contains("@")) {
            throw new IllegalArgumentException("invalid scenario " + source + ": 'admin' must be an email address");
        }
        if (projects == null || projects.isEmpty()) {
            throw new IllegalArgumentException("invalid scenario " + source + ": it needs at least one project");
        }
        if (clusters == null || clusters.isEmpty()) {
            throw new IllegalArgumentException("invalid scenario " + source + ": it needs at least one cluster");
        }
        if (clusters.stream().map(ClusterSpec::name).distinct().count() != clusters.size()) {
            throw new IllegalArgumentException("invalid scenario " + source + ": cluster names must differ");
        }
    }

    /** The node's cluster (the first): the metadata server, the kubeconfig and the exported credentials are its. */
    public ClusterSpec cluster() {
        return clusters.get(0);
    }

    public List<ServiceAccountSpec> serviceAccountsOrEmpty() {
        return serviceAccounts == null ? List.of() : serviceAccounts;
    }

    public List<BucketSpec> bucketsOrEmpty() {
        return buckets == null ? List.of() : buckets;
    }
}
