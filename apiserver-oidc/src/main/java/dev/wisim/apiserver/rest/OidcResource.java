package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.oidc.GkeCluster;
import dev.wisim.apiserver.oidc.IssuerDocuments;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The cluster's issuer as kube-apiserver serves it, and as Google serves it publicly for GKE
 * clusters (together with the cluster resource of the GKE API).
 */
@Path("/")
public class OidcResource {

    private static final String CACHE_CONTROL = "public, max-age=3600";

    private final IssuerDocuments documents;
    private final GkeCluster cluster;
    private final Access access;

    public OidcResource(IssuerDocuments documents, GkeCluster cluster, Access access) {
        this.documents = documents;
        this.cluster = cluster;
        this.access = access;
    }

    /** For authenticated callers, as kube-apiserver's default RBAC has it (Google's GKE paths below are public). */
    @GET
    @Path(".well-known/openid-configuration")
    public Response kubeDiscovery() {
        access.requireAuthenticated("/.well-known/openid-configuration");
        return json(documents.kubeDiscovery(), MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("openid/v1/jwks")
    public Response kubeJwks() {
        access.requireAuthenticated("/openid/v1/jwks");
        return json(documents.jwks(), "application/jwk-set+json");
    }

    @GET
    @Path("v1/projects/{project}/locations/{location}/clusters/{cluster}")
    public Map<String, Object> gkeCluster(@PathParam("project") String project, @PathParam("location") String location,
                                          @PathParam("cluster") String name) {
        requireThisCluster(project, location, name);
        return cluster.describe();
    }

    @GET
    @Path("v1/projects/{project}/locations/{location}/clusters/{cluster}/.well-known/openid-configuration")
    public Response gkeDiscovery(@PathParam("project") String project, @PathParam("location") String location,
                                 @PathParam("cluster") String name) {
        requireThisCluster(project, location, name);
        return json(documents.gkeDiscovery(), MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("v1/projects/{project}/locations/{location}/clusters/{cluster}/jwks")
    public Response gkeJwks(@PathParam("project") String project, @PathParam("location") String location,
                            @PathParam("cluster") String name) {
        requireThisCluster(project, location, name);
        return json(documents.jwks(), MediaType.APPLICATION_JSON);
    }

    private void requireThisCluster(String project, String location, String name) {
        if (!documents.isThisCluster(project, location, name)) {
            throw GkeApiException.clusterNotFound(project, location, name);
        }
    }

    private static Response json(Map<String, Object> body, String type) {
        return Response.ok(body).type(type).header("Cache-Control", CACHE_CONTROL).build();
    }
}
