package dev.wisim.iam.pools;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GKE workload pools ({@code PROJECT.svc.id.goog}) with the clusters registered in them: each
 * cluster is that pool's provider for its own issuer. Google manages these pools itself (they are not
 * in the workload identity pools API); a cluster joins its project's pool when it starts with
 * Workload Identity, and every cluster of the project shares the pool, so equal namespace and KSA
 * names are one principal.
 */
@ApplicationScoped
public class GkeClusters {

    /**
     * @param issuer   the cluster's issuer, {@code https://container.googleapis.com/v1/projects/P/locations/L/clusters/C}
     *                 (or a real cluster's own, when wisim runs inside one)
     * @param jwksUri  where the cluster's current keys are read (Google's backends know them internally)
     * @param jwksJson the keys themselves, for a cluster whose JWKS STS cannot read (it needs credentials)
     */
    public record Cluster(String pool, String issuer, String jwksUri, String jwksJson) {
    }

    private final Map<String, List<Cluster>> byPool = new LinkedHashMap<>();

    public synchronized Cluster register(Cluster cluster) {
        List<Cluster> clusters = byPool.computeIfAbsent(cluster.pool(), p -> new ArrayList<>());
        clusters.removeIf(c -> c.issuer().equals(cluster.issuer()));
        clusters.add(cluster);
        return cluster;
    }

    public synchronized Optional<Cluster> find(String pool, String issuer) {
        return byPool.getOrDefault(pool, List.of()).stream().filter(c -> c.issuer().equals(issuer)).findFirst();
    }

    public synchronized List<Cluster> clusters(String pool) {
        return List.copyOf(byPool.getOrDefault(pool, List.of()));
    }

    public synchronized boolean remove(String pool, String issuer) {
        return byPool.getOrDefault(pool, new ArrayList<>()).removeIf(c -> c.issuer().equals(issuer));
    }
}
