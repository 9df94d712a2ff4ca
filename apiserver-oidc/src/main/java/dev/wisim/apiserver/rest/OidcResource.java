package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.oidc.IssuerDocuments;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The cluster's issuer as kube-apiserver serves it (Google's public copies at the GKE API's paths,
 * and the cluster resource, are {@link GkeApiResource}'s).
 */
@Path("/")
public class OidcResource {

    private static final String CACHE_CONTROL = "public, max-age=3600";

    private final IssuerDocuments documents;
    private final Access access;

    public OidcResource(IssuerDocuments documents, Access access) {
        this.documents = documents;
        this.access = access;
    }

    /** For service accounts, as kube-apiserver's default RBAC has it ({@code system:service-account-issuer-discovery}). */
    @GET
    @Path(".well-known/openid-configuration")
    public Response kubeDiscovery() {
        access.requirePath("/.well-known/openid-configuration");
        return json(documents.kubeDiscovery(), MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("openid/v1/jwks")
    public Response kubeJwks() {
        access.requirePath("/openid/v1/jwks");
        return json(documents.jwks(), "application/jwk-set+json");
    }

    private static Response json(Map<String, Object> body, String type) {
        return Response.ok(body).type(type).header("Cache-Control", CACHE_CONTROL).build();
    }
}
