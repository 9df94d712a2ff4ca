package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.auth.Authenticator;
import dev.wisim.apiserver.auth.GoogleTokens;
import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.authz.Iam;
import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.apiserver.oidc.GkeCluster;
import dev.wisim.apiserver.oidc.IssuerDocuments;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The GKE API's cluster resource ({@code projects.locations.clusters.get} and {@code list}), what
 * {@code gcloud container clusters get-credentials}, {@code describe} and {@code list} read: the
 * caller is a Google identity with {@code container.clusters.get} (or {@code list}) on the project,
 * checked with IAM; without an IAM the resource is open. Also Google's public issuer documents of the
 * cluster, which STS reads as {@code https://container.googleapis.com/…}.
 */
@Path("/v1/projects/{project}/locations/{location}/clusters")
@Produces(MediaType.APPLICATION_JSON)
public class GkeApiResource {

    private static final String CACHE_CONTROL = "public, max-age=3600";

    private final GkeCluster cluster;
    private final IssuerDocuments documents;
    private final GoogleTokens tokens;
    private final Iam iam;
    private final ApiserverConfig config;

    public GkeApiResource(GkeCluster cluster, IssuerDocuments documents, GoogleTokens tokens, Iam iam, ApiserverConfig config) {
        this.cluster = cluster;
        this.documents = documents;
        this.tokens = tokens;
        this.iam = iam;
        this.config = config;
    }

    @GET
    @Path("{cluster}")
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                                   @PathParam("location") String location, @PathParam("cluster") String name) {
        String resource = "projects/" + project + "/locations/" + location + "/clusters/" + name;
        require(authorization, "container.clusters.get", resource);
        requireThisCluster(project, location, name);
        return cluster.describe();
    }

    /** {@code locations/-} lists every location's clusters, as gcloud asks when a cluster is not where it looked. */
    @GET
    public Map<String, Object> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                                    @PathParam("location") String location) {
        require(authorization, "container.clusters.list", "projects/" + project + "/locations/" + location);
        boolean here = config.projectId().equals(project) && (location.equals("-") || location.equals(config.location()));
        return here ? Map.of("clusters", List.of(cluster.describe())) : Map.of();
    }

    @GET
    @Path("{cluster}/.well-known/openid-configuration")
    public Response gkeDiscovery(@PathParam("project") String project, @PathParam("location") String location,
                                 @PathParam("cluster") String name) {
        requireThisCluster(project, location, name);
        return Response.ok(documents.gkeDiscovery()).header("Cache-Control", CACHE_CONTROL).build();
    }

    @GET
    @Path("{cluster}/jwks")
    public Response gkeJwks(@PathParam("project") String project, @PathParam("location") String location,
                            @PathParam("cluster") String name) {
        requireThisCluster(project, location, name);
        return Response.ok(documents.jwks()).header("Cache-Control", CACHE_CONTROL).build();
    }

    private void requireThisCluster(String project, String location, String name) {
        if (!documents.isThisCluster(project, location, name)) {
            throw GkeApiException.clusterNotFound(project, location, name);
        }
    }

    private void require(String authorization, String permission, String resource) {
        if (config.iamUrl().isEmpty()) {
            return;
        }
        String token = Authenticator.bearerToken(authorization);
        if (token == null || token.isEmpty()) {
            throw GkeApiException.unauthenticated();
        }
        User user = tokens.authenticate(token).orElseThrow(GkeApiException::unauthenticated);
        if (!iam.holds(user, permission, true)) {
            throw GkeApiException.permissionDenied(permission, resource);
        }
    }
}
