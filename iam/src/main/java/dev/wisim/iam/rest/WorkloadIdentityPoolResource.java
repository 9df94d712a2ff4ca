package dev.wisim.iam.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.iam.pools.PoolAdmin;
import dev.wisim.iam.pools.PoolAdmin.Parent;
import dev.wisim.iam.pools.WorkloadIdentityPool;
import dev.wisim.iam.pools.WorkloadIdentityPoolProvider;
import dev.wisim.iam.token.Callers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * {@code /v1/projects/P/locations/global/workloadIdentityPools…}: pools and their OIDC providers.
 * Changes answer with a finished long-running operation, whose {@code GET} shows the resource.
 */
@Path("/v1/projects/{project}/locations/{location}/workloadIdentityPools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class WorkloadIdentityPoolResource {

    static final String POOL_TYPE = "type.googleapis.com/google.iam.v1.WorkloadIdentityPool";
    static final String PROVIDER_TYPE = "type.googleapis.com/google.iam.v1.WorkloadIdentityPoolProvider";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListPoolsResponse(List<WorkloadIdentityPool> workloadIdentityPools, String nextPageToken) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListProvidersResponse(List<WorkloadIdentityPoolProvider> workloadIdentityPoolProviders, String nextPageToken) {
    }

    private final Callers callers;
    private final PoolAdmin admin;
    private final JsonBodies bodies;
    private final ObjectMapper mapper;

    public WorkloadIdentityPoolResource(Callers callers, PoolAdmin admin, JsonBodies bodies, ObjectMapper mapper) {
        this.callers = callers;
        this.admin = admin;
        this.bodies = bodies;
        this.mapper = mapper;
    }

    private Parent parent(String authorization, String project, String location, String permission) {
        return admin.project(callers.authenticate(authorization), project, location, permission);
    }

    @GET
    public ListPoolsResponse listPools(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                                       @PathParam("location") String location, @QueryParam("showDeleted") boolean showDeleted,
                                       @QueryParam("pageSize") Integer pageSize, @QueryParam("pageToken") String pageToken) {
        Parent parent = parent(authorization, project, location, "iam.workloadIdentityPools.list");
        Page<WorkloadIdentityPool> page = Page.of(admin.listPools(parent, showDeleted), pageSize, pageToken);
        return new ListPoolsResponse(page.items(), page.next());
    }

    @POST
    public Map<String, Object> createPool(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("project") String project, @PathParam("location") String location,
                                          @QueryParam("workloadIdentityPoolId") String poolId, byte[] body) {
        Parent parent = parent(authorization, project, location, "iam.workloadIdentityPools.create");
        WorkloadIdentityPool created = admin.createPool(parent, poolId, bodies.read(body, WorkloadIdentityPool.class));
        return operation(created.name(), POOL_TYPE, created);
    }

    @GET
    @Path("{pool}")
    public WorkloadIdentityPool getPool(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                                        @PathParam("location") String location, @PathParam("pool") String pool) {
        return admin.pool(parent(authorization, project, location, "iam.workloadIdentityPools.get").pool(pool));
    }

    @PATCH
    @Path("{pool}")
    public Map<String, Object> updatePool(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("project") String project, @PathParam("location") String location,
                                          @PathParam("pool") String pool, @QueryParam("updateMask") String updateMask, byte[] body) {
        Parent parent = parent(authorization, project, location, "iam.workloadIdentityPools.update").pool(pool);
        WorkloadIdentityPool updated = admin.updatePool(parent, bodies.read(body, WorkloadIdentityPool.class), mask(updateMask));
        return operation(updated.name(), POOL_TYPE, updated);
    }

    @DELETE
    @Path("{pool}")
    public Map<String, Object> deletePool(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("project") String project, @PathParam("location") String location,
                                          @PathParam("pool") String pool) {
        WorkloadIdentityPool deleted = admin.deletePool(parent(authorization, project, location, "iam.workloadIdentityPools.delete").pool(pool));
        return operation(deleted.name(), POOL_TYPE, deleted);
    }

    /** {@code POST …/POOL:undelete}. */
    @POST
    @Path("{pool}")
    public Map<String, Object> undeletePool(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                            @PathParam("project") String project, @PathParam("location") String location,
                                            @PathParam("pool") String poolAndVerb) {
        String pool = verb(poolAndVerb, "undelete");
        WorkloadIdentityPool restored = admin.undeletePool(parent(authorization, project, location, "iam.workloadIdentityPools.undelete").pool(pool));
        return operation(restored.name(), POOL_TYPE, restored);
    }

    @GET
    @Path("{pool}/operations/{operation}")
    public Map<String, Object> poolOperation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                             @PathParam("project") String project, @PathParam("location") String location,
                                             @PathParam("pool") String pool, @PathParam("operation") String operation) {
        WorkloadIdentityPool current = admin.pool(parent(authorization, project, location, "iam.workloadIdentityPools.get").pool(pool));
        return operation(current.name(), POOL_TYPE, current, operation);
    }

    @GET
    @Path("{pool}/providers")
    public ListProvidersResponse listProviders(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                               @PathParam("project") String project, @PathParam("location") String location,
                                               @PathParam("pool") String pool, @QueryParam("showDeleted") boolean showDeleted,
                                               @QueryParam("pageSize") Integer pageSize, @QueryParam("pageToken") String pageToken) {
        Parent parent = parent(authorization, project, location, "iam.workloadIdentityPoolProviders.list").pool(pool);
        Page<WorkloadIdentityPoolProvider> page = Page.of(admin.listProviders(parent, showDeleted), pageSize, pageToken);
        return new ListProvidersResponse(page.items(), page.next());
    }

    @POST
    @Path("{pool}/providers")
    public Map<String, Object> createProvider(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                              @PathParam("project") String project, @PathParam("location") String location,
                                              @PathParam("pool") String pool, @QueryParam("workloadIdentityPoolProviderId") String providerId,
                                              byte[] body) {
        Parent parent = parent(authorization, project, location, "iam.workloadIdentityPoolProviders.create").pool(pool);
        WorkloadIdentityPoolProvider created = admin.createProvider(parent, providerId, bodies.read(body, WorkloadIdentityPoolProvider.class));
        return operation(created.name(), PROVIDER_TYPE, created);
    }

    @GET
    @Path("{pool}/providers/{provider}")
    public WorkloadIdentityPoolProvider getProvider(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                    @PathParam("project") String project, @PathParam("location") String location,
                                                    @PathParam("pool") String pool, @PathParam("provider") String provider) {
        return admin.provider(parent(authorization, project, location, "iam.workloadIdentityPoolProviders.get").pool(pool), provider);
    }

    @PATCH
    @Path("{pool}/providers/{provider}")
    public Map<String, Object> updateProvider(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                              @PathParam("project") String project, @PathParam("location") String location,
                                              @PathParam("pool") String pool, @PathParam("provider") String provider,
                                              @QueryParam("updateMask") String updateMask, byte[] body) {
        Parent parent = parent(authorization, project, location, "iam.workloadIdentityPoolProviders.update").pool(pool);
        WorkloadIdentityPoolProvider updated = admin.updateProvider(parent, provider,
                bodies.read(body, WorkloadIdentityPoolProvider.class), mask(updateMask));
        return operation(updated.name(), PROVIDER_TYPE, updated);
    }

    @DELETE
    @Path("{pool}/providers/{provider}")
    public Map<String, Object> deleteProvider(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                              @PathParam("project") String project, @PathParam("location") String location,
                                              @PathParam("pool") String pool, @PathParam("provider") String provider) {
        Parent parent = parent(authorization, project, location, "iam.workloadIdentityPoolProviders.delete").pool(pool);
        WorkloadIdentityPoolProvider deleted = admin.deleteProvider(parent, provider);
        return operation(deleted.name(), PROVIDER_TYPE, deleted);
    }

    /** {@code POST …/providers/PROVIDER:undelete}. */
    @POST
    @Path("{pool}/providers/{provider}")
    public Map<String, Object> undeleteProvider(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                @PathParam("project") String project, @PathParam("location") String location,
                                                @PathParam("pool") String pool, @PathParam("provider") String providerAndVerb) {
        Parent parent = parent(authorization, project, location, "iam.workloadIdentityPoolProviders.undelete").pool(pool);
        WorkloadIdentityPoolProvider restored = admin.undeleteProvider(parent, verb(providerAndVerb, "undelete"));
        return operation(restored.name(), PROVIDER_TYPE, restored);
    }

    @GET
    @Path("{pool}/providers/{provider}/operations/{operation}")
    public Map<String, Object> providerOperation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                 @PathParam("project") String project, @PathParam("location") String location,
                                                 @PathParam("pool") String pool, @PathParam("provider") String provider,
                                                 @PathParam("operation") String operation) {
        Parent parent = parent(authorization, project, location, "iam.workloadIdentityPoolProviders.get").pool(pool);
        WorkloadIdentityPoolProvider current = admin.provider(parent, provider);
        return operation(current.name(), PROVIDER_TYPE, current, operation);
    }

    private Map<String, Object> operation(String resource, String type, Object value) {
        return operation(resource, type, value, Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    }

    /** A finished {@code google.longrunning.Operation} carrying the resource as its response. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> operation(String resource, String type, Object value, String id) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("@type", type);
        response.putAll(mapper.convertValue(value, Map.class));
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("name", resource + "/operations/" + id);
        operation.put("done", true);
        operation.put("response", response);
        return operation;
    }

    private static String verb(String idAndVerb, String expected) {
        int colon = idAndVerb.lastIndexOf(':');
        if (colon < 0) {
            throw IamException.methodNotAllowed();
        }
        if (!idAndVerb.substring(colon + 1).equals(expected)) {
            throw IamException.methodNotFound();
        }
        return idAndVerb.substring(0, colon);
    }

    private static Set<String> mask(String updateMask) {
        if (updateMask == null || updateMask.isBlank()) {
            throw IamException.invalidArgument("updateMask is required.");
        }
        return Arrays.stream(updateMask.split(",")).map(String::strip).collect(Collectors.toSet());
    }
}
