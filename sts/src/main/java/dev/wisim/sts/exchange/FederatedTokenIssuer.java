package dev.wisim.sts.exchange;

import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Federated access tokens: {@code ya29.d.}-prefixed and opaque to clients, inside a JWS signed with
 * STS's key that IAM and the resource server verify.
 */
@ApplicationScoped
public class FederatedTokenIssuer {

    public static final String PREFIX = "ya29.d.";
    static final String ISSUER = "https://sts.googleapis.com/";

    private final KeyRing keys;
    private final Clock clock;

    public FederatedTokenIssuer(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public record Issued(String token, long expiresIn) {
    }

    public Issued issue(VerifiedSubject subject, String scope, Duration maxLifetime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(maxLifetime);
        if (subject.expiresAt().isBefore(exp)) {
            exp = subject.expiresAt();
        }
        Map<String, Object> claims = new TreeMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject.principal());
        claims.put("principalSets", subject.principalSets());
        claims.put("scope", scope);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        SigningKey key = keys.active();
        String token = PREFIX + JwsSigner.sign(key, claims);
        // a rotation keeps the key published while a token it signed is live, so IAM can still verify that token
        keys.noteSigned(key.kid(), exp);
        return new Issued(token, Math.max(0, exp.getEpochSecond() - now.getEpochSecond()));
    }
}
