package dev.wisim.iam.token;

import dev.wisim.iam.policy.Principal;
import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.JwtRejection;
import dev.wisim.jose.JwtVerifier;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.KeySource;
import dev.wisim.jose.VerificationRules;
import dev.wisim.jose.VerifiedJwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Google access tokens for service accounts and users: opaque {@code ya29.c.}-prefixed strings to
 * clients, inside a JWS signed with IAM's own key, so that they need no shared state and survive a
 * restart of IAM.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String PREFIX = "ya29.c.";
    static final String ISSUER = "https://iamcredentials.googleapis.com/";

    private final KeyRing keys;
    private final Clock clock;
    private final JwtVerifier verifier;

    public AccessTokens(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.verifier = new JwtVerifier(clock);
    }

    public record Issued(String token, Instant expiresAt) {
    }

    /** @param clientId the numeric id the token is issued to: the service account's unique id, or a user's id */
    /** Google's short scope names, as a token carries them: {@code email} and {@code profile} are userinfo's. */
    static final Map<String, String> SCOPE_ALIASES = Map.of(
            "email", "https://www.googleapis.com/auth/userinfo.email",
            "profile", "https://www.googleapis.com/auth/userinfo.profile");

    /** The scopes with each alias replaced by the scope it stands for, once each, in the order asked. */
    public static List<String> expandAliases(List<String> scopes) {
        return scopes.stream().map(s -> SCOPE_ALIASES.getOrDefault(s, s)).distinct().toList();
    }

    public Issued mint(Principal principal, String clientId, List<String> scopes, Duration lifetime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(lifetime);
        Map<String, Object> claims = new TreeMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", principal.canonical());
        claims.put("azp", clientId);
        claims.put("scope", String.join(" ", expandAliases(scopes)));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        var key = keys.active();
        String token = PREFIX + JwsSigner.sign(key, claims);
        keys.noteSigned(key.kid(), exp);
        return new Issued(token, exp);
    }

    public Optional<ResolvedToken> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            VerifiedJwt jwt = verifier.verify(token.substring(PREFIX.length()), KeySource.of(keys),
                    VerificationRules.rs256().issuer(ISSUER).leeway(Duration.ZERO));
            String subject = jwt.subject();
            Principal principal = subject.startsWith("serviceAccount:")
                    ? Principal.serviceAccount(subject.substring("serviceAccount:".length()))
                    : Principal.user(subject.substring("user:".length()));
            List<String> scopes = jwt.string("scope").map(s -> Arrays.asList(s.split(" "))).orElse(List.of());
            return Optional.of(new ResolvedToken(principal, scopes, jwt.instant("iat").orElseThrow(), jwt.expiresAt(),
                    jwt.string("azp").orElse(null)));
        } catch (JwtRejection | RuntimeException e) {
            return Optional.empty();
        }
    }
}
