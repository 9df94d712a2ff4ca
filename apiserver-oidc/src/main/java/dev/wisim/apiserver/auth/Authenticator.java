package dev.wisim.apiserver.auth;

import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.apiserver.token.TokenAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * kube-apiserver's authenticator chain for this cluster: the admin's static token (as
 * {@code --token-auth-file}), then service-account tokens, then Google access tokens (GKE's
 * webhook, {@link GoogleTokens}); a bad bearer token is 401. Without a
 * token, a request over TLS is {@code system:anonymous}; over the plain-HTTP port it is the
 * superuser, as kube-apiserver's old insecure port was.
 */
@ApplicationScoped
public class Authenticator {

    private final TokenAuthenticator tokens;
    private final GoogleTokens google;
    private final Impersonation impersonation;
    private final ApiserverConfig config;

    public Authenticator(TokenAuthenticator tokens, GoogleTokens google, Impersonation impersonation, ApiserverConfig config) {
        this.tokens = tokens;
        this.google = google;
        this.impersonation = impersonation;
        this.config = config;
    }

    /** Who a request is from: its credential, then its impersonation headers (which the credential must be allowed). */
    public User identify(io.vertx.core.http.HttpServerRequest request) {
        User requester = authenticate(request.getHeader("Authorization"), request.isSSL());
        java.util.List<String> extraKeys = request.headers().names().stream()
                .filter(n -> n.regionMatches(true, 0, Impersonation.EXTRA, 0, Impersonation.EXTRA.length())).toList();
        return impersonation.apply(requester, request.headers()::getAll, extraKeys);
    }

    /** @param authorization the request's {@code Authorization} header, or null */
    public User authenticate(String authorization, boolean tls) {
        String token = bearerToken(authorization);
        if (token == null || token.isEmpty()) {
            return tls ? User.ANONYMOUS : User.UNSECURED;
        }
        if (config.adminToken().filter(admin -> constantTimeEquals(admin, token)).isPresent()) {
            return User.ADMIN;
        }
        TokenAuthenticator.Outcome outcome = tokens.authenticate(token, null);
        if (!outcome.authenticated()) {
            // a token the service-account authenticator does not claim (not a JWT of this issuer) may be Google's
            if (outcome.error() == null) {
                return google.authenticate(token).orElseThrow(KubernetesException::unauthorized);
            }
            throw KubernetesException.unauthorized();
        }
        return new User(outcome.user().getUsername(), outcome.user().getUid(), outcome.user().getGroups(), outcome.user().getExtra());
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    public static String bearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
