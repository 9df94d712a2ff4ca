package dev.wisim.iam.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.wisim.iam.pools.GkeClusters;
import dev.wisim.iam.pools.WorkloadIdentityPool;
import dev.wisim.iam.pools.WorkloadIdentityPoolProvider;
import dev.wisim.iam.pools.WorkloadIdentityPools;
import dev.wisim.iam.project.Projects;
import dev.wisim.jose.Jwks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Google's internal view of workload identity, for STS (the simulator's stand-in for its backplane):
 * a provider with its pool, and the clusters registered in each GKE workload pool. A stack registers
 * each cluster it starts, as enabling Workload Identity on a cluster does.
 */
@Path("/_sim/workload-identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class WorkloadIdentitySimResource {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClusterRegistration(String issuer, String jwksUri, String jwksJson) {
    }

    private static final String GKE_POOL_SUFFIX = ".svc.id.goog";

    private final WorkloadIdentityPools pools;
    private final GkeClusters clusters;
    private final Projects projects;
    private final JsonBodies bodies;

    public WorkloadIdentitySimResource(WorkloadIdentityPools pools, GkeClusters clusters, Projects projects, JsonBodies bodies) {
        this.pools = pools;
        this.clusters = clusters;
        this.projects = projects;
        this.bodies = bodies;
    }

    /** {@code {"pool":{…},"provider":{…}}}, whatever their state (STS decides what a deleted or disabled one means). */
    @GET
    @Path("projects/{number}/pools/{pool}/providers/{provider}")
    public Map<String, Object> provider(@PathParam("number") String projectNumber, @PathParam("pool") String poolId,
                                        @PathParam("provider") String providerId) {
        String poolName = WorkloadIdentityPools.poolName(projectNumber, poolId);
        WorkloadIdentityPool pool = pools.pool(poolName).orElseThrow(() -> IamException.notFound("no pool " + poolName));
        WorkloadIdentityPoolProvider provider = pools.provider(poolName + "/providers/" + providerId)
                .orElseThrow(() -> IamException.notFound("no provider " + providerId + " in " + poolName));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pool", pool);
        view.put("provider", provider);
        return view;
    }

    /** Registers (or re-registers) a cluster as a provider of the GKE workload pool {@code PROJECT.svc.id.goog}. */
    @PUT
    @Path("gke-pools/{pool}/clusters")
    public GkeClusters.Cluster register(@PathParam("pool") String pool, byte[] body) {
        ClusterRegistration registration = bodies.read(body, ClusterRegistration.class);
        if (!pool.endsWith(GKE_POOL_SUFFIX) || registration.issuer() == null || !registration.issuer().startsWith("https://")) {
            throw IamException.invalidArgument("register a cluster as {\"issuer\":\"https://container.googleapis.com/v1/projects/P/"
                    + "locations/L/clusters/C\",\"jwksUri\":…} in a pool PROJECT.svc.id.goog");
        }
        if (registration.jwksJson() != null) {
            try {
                Jwks.parse(registration.jwksJson());
            } catch (IllegalArgumentException e) {
                throw IamException.invalidArgument("jwksJson is not a JWKS: " + e.getMessage());
            }
        }
        return clusters.register(new GkeClusters.Cluster(pool, registration.issuer(), registration.jwksUri(), registration.jwksJson()));
    }

    /**
     * The pool's clusters (with {@code issuer}: the one with that issuer, or none), and the number of
     * the pool's project when it exists: STS needs both for every GKE exchange, in one call.
     */
    @GET
    @Path("gke-pools/{pool}/clusters")
    public Map<String, Object> clusters(@PathParam("pool") String pool, @QueryParam("issuer") String issuer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("clusters", issuer != null ? clusters.find(pool, issuer).stream().toList() : clusters.clusters(pool));
        String project = pool.endsWith(GKE_POOL_SUFFIX) ? pool.substring(0, pool.length() - GKE_POOL_SUFFIX.length()) : null;
        Optional.ofNullable(project).flatMap(projects::find).ifPresent(found -> view.put("projectNumber", found.projectNumber()));
        return view;
    }

    @DELETE
    @Path("gke-pools/{pool}/clusters")
    public Map<String, Object> unregister(@PathParam("pool") String pool, @QueryParam("issuer") String issuer) {
        if (!clusters.remove(pool, issuer)) {
            throw IamException.notFound("no cluster " + issuer + " in " + pool);
        }
        return Map.of();
    }
}
