package dev.wisim.apiserver.oidc;

import dev.wisim.apiserver.config.ApiserverConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The GKE control plane's view of this cluster ({@code projects.locations.clusters.get}). */
@ApplicationScoped
public class GkeCluster {

    private final ApiserverConfig config;
    private final Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    public GkeCluster(ApiserverConfig config) {
        this.config = config;
    }

    public Map<String, Object> describe() {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("name", config.clusterName());
        cluster.put("location", config.location());
        cluster.put("locations", List.of(config.location() + "-a"));
        cluster.put("status", "RUNNING");
        String endpoint = endpoint();
        cluster.put("zone", config.location());
        cluster.put("endpoint", endpoint);
        ca().ifPresent(ca -> cluster.put("masterAuth", Map.of("clusterCaCertificate", ca)));
        cluster.put("controlPlaneEndpointsConfig", Map.of(
                "dnsEndpointConfig", Map.of("endpoint", dnsEndpoint(), "allowExternalTraffic", false),
                "ipEndpointsConfig", Map.of("enabled", true, "enablePublicEndpoint", true, "globalAccess", false,
                        "publicEndpoint", endpoint.replaceFirst(":\\d+$", ""))));
        cluster.put("network", "default");
        cluster.put("subnetwork", "default");
        cluster.put("clusterIpv4Cidr", config.podCidr());
        cluster.put("currentMasterVersion", "1." + config.versionMinor() + ".4-gke.1106006");
        cluster.put("currentNodeVersion", "1." + config.versionMinor() + ".4-gke.1106006");
        cluster.put("createTime", created.toString());
        cluster.put("selfLink", config.gkeIssuer());
        cluster.put("workloadIdentityConfig", Map.of("workloadPool", config.workloadPool()));
        cluster.put("nodePools", List.of(Map.of(
                "name", "default-pool",
                "status", "RUNNING",
                "config", Map.of("workloadMetadataConfig", Map.of("mode", "GKE_METADATA")))));
        return cluster;
    }

    /**
     * The API server's address as gcloud writes it after {@code https://}: host, and port unless 443.
     * gcloud does not parse it, so a port here reaches the local API server.
     */
    String endpoint() {
        return config.externalUrl().replaceFirst("^https?://", "").replaceFirst("/$", "").replaceFirst(":443$", "");
    }

    /** {@code gke-<hash>.<location>.gke.goog}, GKE's DNS-based endpoint: it resolves only inside Google, so external traffic is off. */
    String dnsEndpoint() {
        String hash = Integer.toHexString(config.gkeIssuer().hashCode() & 0x7fffffff);
        return "gke-" + hash + "." + config.location() + ".gke.goog";
    }

    /** {@code masterAuth.clusterCaCertificate}: base64 of the CA's PEM, as kubeconfig's {@code certificate-authority-data}. */
    private java.util.Optional<String> ca() {
        return config.caFile().map(path -> {
            try {
                return java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(path));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the cluster CA " + path, e);
            }
        });
    }
}
