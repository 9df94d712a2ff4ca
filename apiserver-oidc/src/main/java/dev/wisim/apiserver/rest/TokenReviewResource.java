package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.token.TokenAuthenticator;
import dev.wisim.apiserver.token.TokenAuthenticator.Outcome;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code TokenReview}: runs a token through the service-account authenticator. */
@Path("/apis/authentication.k8s.io/v1/tokenreviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class TokenReviewResource {

    private final TokenAuthenticator authenticator;
    private final Bodies bodies;

    public TokenReviewResource(TokenAuthenticator authenticator, Bodies bodies) {
        this.authenticator = authenticator;
        this.bodies = bodies;
    }

    @POST
    public Response review(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        TokenReview review = bodies.read(contentType, body, TokenReview.class);
        String token = review.getSpec() == null ? null : review.getSpec().getToken();
        if (token == null || token.isEmpty()) {
            throw KubernetesException.badRequest("token is required for TokenReview in authentication");
        }
        List<String> audiences = review.getSpec().getAudiences();
        Outcome outcome = authenticator.authenticate(token, audiences);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("token", token);
        if (audiences != null && !audiences.isEmpty()) {
            spec.put("audiences", audiences);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        if (outcome.authenticated()) {
            status.put("authenticated", true);
            status.put("user", outcome.user());
            status.put("audiences", outcome.audiences());
        } else {
            status.put("user", Map.of());
            if (outcome.error() != null) {
                status.put("error", outcome.error());
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("kind", "TokenReview");
        response.put("apiVersion", "authentication.k8s.io/v1");
        response.put("metadata", java.util.Collections.singletonMap("creationTimestamp", null));
        response.put("spec", spec);
        response.put("status", status);
        return Response.status(201).entity(response).build();
    }
}
