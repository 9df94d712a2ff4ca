package dev.wisim.apiserver.auth;

import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.apiserver.token.TokenAuthenticator;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * kube-apiserver's authenticator chain for this cluster: the admin's static token (as
 * {@code --token-auth-file}), then service-account tokens; a bad bearer token is 401. Without a
 * token, a request over TLS is {@code system:anonymous}; over the plain-HTTP port it is the
 * superuser, as kube-apiserver's old insecure port was. The GKE API's paths ({@code /v1/projects/…})
 * are Google's, not Kubernetes': their bearer tokens are Google's and are not checked here.
 */
public class Authentication {

    private final RequestUser requestUser;
    private final TokenAuthenticator tokens;
    private final ApiserverConfig config;

    public Authentication(RequestUser requestUser, TokenAuthenticator tokens, ApiserverConfig config) {
        this.requestUser = requestUser;
        this.tokens = tokens;
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public void authenticate(ContainerRequestContext context, HttpServerRequest request) {
        if (request.path().startsWith("/v1/projects/")) {
            return;
        }
        String authorization = context.getHeaderString("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (token == null || token.isEmpty()) {
            requestUser.set(request.isSSL() ? User.ANONYMOUS : User.UNSECURED);
            return;
        }
        if (config.adminToken().filter(admin -> constantTimeEquals(admin, token)).isPresent()) {
            requestUser.set(User.ADMIN);
            return;
        }
        TokenAuthenticator.Outcome outcome = tokens.authenticate(token, null);
        if (!outcome.authenticated()) {
            throw KubernetesException.unauthorized();
        }
        requestUser.set(new User(outcome.user().getUsername(), outcome.user().getUid(), outcome.user().getGroups(),
                outcome.user().getExtra()));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
