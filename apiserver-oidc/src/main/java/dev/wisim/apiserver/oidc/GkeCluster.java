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
        cluster.put("endpoint", config.externalUrl().replaceFirst("^https?://", "").replaceFirst(":\\d+/?$", ""));
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
}
