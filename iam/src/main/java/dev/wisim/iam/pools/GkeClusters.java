package dev.wisim.iam.pools;

import dev.wisim.durable.StateDb;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** By pool and issuer, in the order they were registered. */
    private final Map<String, Cluster> clusters;

    public GkeClusters(StateDb db) {
        this.clusters = db.map("gkeClusters", Cluster.class, new LinkedHashMap<>());
    }

    private static String key(String pool, String issuer) {
        return pool + " " + issuer;
    }

    public synchronized Cluster register(Cluster cluster) {
        clusters.put(key(cluster.pool(), cluster.issuer()), cluster);
        return cluster;
    }

    public synchronized Optional<Cluster> find(String pool, String issuer) {
        return Optional.ofNullable(clusters.get(key(pool, issuer)));
    }

    public synchronized List<Cluster> clusters(String pool) {
        return clusters.values().stream().filter(c -> c.pool().equals(pool)).toList();
    }

    public synchronized boolean remove(String pool, String issuer) {
        return clusters.remove(key(pool, issuer)) != null;
    }
}
