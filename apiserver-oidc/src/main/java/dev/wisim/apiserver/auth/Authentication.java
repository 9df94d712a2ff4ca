package dev.wisim.apiserver.auth;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every request of the Kubernetes API, impersonation included ({@link Authenticator}). The GKE API's paths
 * ({@code /v1/projects/…}) are Google's, not Kubernetes': their bearer tokens are Google's and are
 * not checked here.
 */
public class Authentication {

    private final RequestUser requestUser;
    private final Authenticator authenticator;

    public Authentication(RequestUser requestUser, Authenticator authenticator) {
        this.requestUser = requestUser;
        this.authenticator = authenticator;
    }

    @ServerRequestFilter(preMatching = true)
    public void authenticate(ContainerRequestContext context, HttpServerRequest request) {
        if (request.path().startsWith("/v1/projects/")) {
            return;
        }
        requestUser.set(authenticator.identify(request));
    }
}
