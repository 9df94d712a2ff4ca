package dev.wisim.sts.exchange;

import dev.wisim.jose.JwtRejection;
import dev.wisim.jose.JwtVerifier;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.KeySource;
import dev.wisim.jose.VerificationRules;
import dev.wisim.jose.VerifiedJwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /v1/introspect} (RFC 7662) for the federated tokens STS issued: an active token is described
 * by its principal ({@code sub} and {@code username}, which gcloud takes as the account), scope and
 * times; anything else is {@code {"active":false}}.
 */
@ApplicationScoped
public class Introspection {

    private final KeyRing keys;
    private final JwtVerifier verifier;

    public Introspection(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.verifier = new JwtVerifier(clock);
    }

    public Map<String, Object> describe(String token) {
        if (token == null || !token.startsWith(FederatedTokenIssuer.PREFIX)) {
            return Map.of("active", false);
        }
        VerifiedJwt jwt;
        try {
            jwt = verifier.verify(token.substring(FederatedTokenIssuer.PREFIX.length()), KeySource.of(keys),
                    VerificationRules.rs256().issuer(FederatedTokenIssuer.ISSUER).leeway(Duration.ZERO));
        } catch (JwtRejection e) {
            return Map.of("active", false);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("scope", jwt.string("scope").orElse(""));
        answer.put("token_type", "Bearer");
        answer.put("exp", jwt.expiresAt().getEpochSecond());
        jwt.instant("iat").ifPresent(iat -> answer.put("iat", iat.getEpochSecond()));
        answer.put("sub", jwt.subject());
        answer.put("username", jwt.subject());
        answer.put("iss", FederatedTokenIssuer.ISSUER);
        return answer;
    }
}
