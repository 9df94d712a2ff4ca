package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.codec.FieldValidation;
import dev.wisim.apiserver.codec.RequestBodies;
import dev.wisim.apiserver.token.TokenAuthenticator;
import dev.wisim.apiserver.token.TokenAuthenticator.Outcome;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code authentication.k8s.io/v1}: TokenReview (a token through the authenticator) and SelfSubjectReview ({@code kubectl auth whoami}). */
@Path("/apis/authentication.k8s.io/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AuthenticationResource {

    private final TokenAuthenticator authenticator;
    private final RequestBodies bodies;
    private final Access access;

    public AuthenticationResource(TokenAuthenticator authenticator, RequestBodies bodies, Access access) {
        this.authenticator = authenticator;
        this.bodies = bodies;
        this.access = access;
    }

    /** Discovery of {@code authentication.k8s.io/v1} (here because this class owns the path). */
    @GET
    public Map<String, Object> authenticationV1() {
        access.requirePath("/apis/authentication.k8s.io/v1");
        return Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", "authentication.k8s.io/v1",
                "resources", List.of(
                        Map.of("name", "selfsubjectreviews", "singularName", "selfsubjectreview", "namespaced", false,
                                "kind", "SelfSubjectReview", "verbs", List.of("create")),
                        Map.of("name", "tokenreviews", "singularName", "tokenreview", "namespaced", false,
                                "kind", "TokenReview", "verbs", List.of("create"))));
    }

    @POST
    @Path("tokenreviews")
    public Response tokenReview(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        access.require("create", "tokenreviews", "authentication.k8s.io", null);
        TokenReview review = bodies.read(contentType, body, TokenReview.class, FieldValidation.WARN, w -> { });
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
        return Response.status(201).entity(review("TokenReview", spec, status)).build();
    }

    @POST
    @Path("selfsubjectreviews")
    public Response selfSubjectReview(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        bodies.tree(contentType, body);
        access.require("create", "selfsubjectreviews", "authentication.k8s.io", null);
        User user = access.user();
        Map<String, Object> userInfo = new LinkedHashMap<>();
        userInfo.put("username", user.username());
        if (user.uid() != null) {
            userInfo.put("uid", user.uid());
        }
        userInfo.put("groups", user.groups());
        if (!user.extra().isEmpty()) {
            userInfo.put("extra", user.extra());
        }
        return Response.status(201).entity(review("SelfSubjectReview", null, Map.of("userInfo", userInfo))).build();
    }

    private static Map<String, Object> review(String kind, Map<String, Object> spec, Map<String, Object> status) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("kind", kind);
        review.put("apiVersion", "authentication.k8s.io/v1");
        review.put("metadata", Collections.singletonMap("creationTimestamp", null));
        if (spec != null) {
            review.put("spec", spec);
        }
        review.put("status", status);
        return review;
    }
}
