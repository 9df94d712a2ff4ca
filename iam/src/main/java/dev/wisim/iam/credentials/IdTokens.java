package dev.wisim.iam.credentials;

import dev.wisim.iam.account.ServiceAccount;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Google-signed ID tokens for service accounts: {@code iss} https://accounts.google.com, {@code aud}
 * the requested audience, {@code azp} and {@code sub} the account's unique id, an hour long, and
 * {@code email} with {@code email_verified} when asked. Header {@code {"alg":"RS256","kid":…,"typ":"JWT"}};
 * verifiable against {@code /oauth2/v3/certs}.
 */
@ApplicationScoped
public class IdTokens {

    public static final String ISSUER = "https://accounts.google.com";
    static final Duration LIFETIME = Duration.ofHours(1);

    private final KeyRing keys;
    private final Clock clock;
    private final JwtVerifier verifier;

    public IdTokens(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.verifier = new JwtVerifier(clock);
    }

    /** An ID token this IAM signed and that is still valid (verifiers accept the issuer with or without scheme). */
    public Optional<VerifiedJwt> verify(String token) {
        try {
            return Optional.of(verifier.verify(token, KeySource.of(keys), VerificationRules.rs256()
                    .issuers(Set.of(ISSUER, "accounts.google.com")).leeway(Duration.ZERO)));
        } catch (JwtRejection e) {
            return Optional.empty();
        }
    }

    public String issue(ServiceAccount account, String audience, boolean includeEmail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> claims = new TreeMap<>();
        claims.put("aud", audience);
        claims.put("azp", account.uniqueId());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("iss", ISSUER);
        claims.put("sub", account.uniqueId());
        if (includeEmail) {
            claims.put("email", account.email());
            claims.put("email_verified", true);
        }
        var key = keys.active();
        String token = JwsSigner.sign(key, claims, true);
        keys.noteSigned(key.kid(), now.plus(LIFETIME));
        return token;
    }
}
