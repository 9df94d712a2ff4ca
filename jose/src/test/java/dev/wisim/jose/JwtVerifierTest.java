package dev.wisim.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wisim.jose.JwtRejection.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final KeyRing ring = KeyRing.inMemory(clock);
    private final JwtVerifier verifier = new JwtVerifier(clock);
    private final VerificationRules rules = VerificationRules.rs256()
            .issuer("https://issuer.test").audience("aud-1").maxLifetime(Duration.ofHours(48));

    private Map<String, Object> claims(long iatOffset, long expOffset) {
        return Map.of("iss", "https://issuer.test", "sub", "s", "aud", List.of("aud-1"),
                "iat", NOW.getEpochSecond() + iatOffset, "exp", NOW.getEpochSecond() + expOffset);
    }

    private Reason rejection(String token) {
        try {
            verifier.verify(token, KeySource.of(ring), rules);
            throw new AssertionError("accepted " + token);
        } catch (JwtRejection e) {
            return e.reason();
        }
    }

    @Test
    void acceptsATokenSignedByTheRing() throws JwtRejection {
        VerifiedJwt jwt = verifier.verify(JwsSigner.sign(ring.active(), claims(0, 600)), KeySource.of(ring), rules);
        assertThat(jwt.subject()).isEqualTo("s");
        assertThat(jwt.audiences()).containsExactly("aud-1");
        assertThat(jwt.header()).containsEntry("kid", ring.active().kid()).containsEntry("alg", "RS256");
    }

    @Test
    void acceptsAStringAudience() throws JwtRejection {
        Map<String, Object> c = new java.util.HashMap<>(claims(0, 600));
        c.put("aud", "aud-1");
        assertThat(verifier.verify(JwsSigner.sign(ring.active(), c), KeySource.of(ring), rules).audiences())
                .containsExactly("aud-1");
    }

    @Test
    void rejectsEveryForgery() {
        SigningKey key = ring.active();
        Map<String, Object> good = claims(0, 600);
        assertThat(rejection(JwsSigner.sign(key, claims(-7200, -3600)))).isEqualTo(Reason.EXPIRED);
        assertThat(rejection(JwsSigner.sign(key, claims(3600, 4200)))).isEqualTo(Reason.ISSUED_IN_FUTURE);
        assertThat(rejection(JwsSigner.sign(key, claims(0, 49 * 3600)))).isEqualTo(Reason.LIFETIME_TOO_LONG);
        assertThat(rejection(TokenForge.tampered(key, good, "sub", "admin"))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejection(TokenForge.signedByStrangerWithKid(key.kid(), good))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejection(TokenForge.signedByStranger(good))).isEqualTo(Reason.UNKNOWN_KID);
        assertThat(rejection(TokenForge.withoutKid(key, good))).isEqualTo(Reason.MISSING_KID);
        assertThat(rejection(TokenForge.algNone(good))).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(rejection(TokenForge.hs256WithPublicKey(key, good))).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(rejection("not-a-jwt")).isEqualTo(Reason.MALFORMED);
        assertThat(rejection("a.b.c")).isEqualTo(Reason.MALFORMED);
        assertThat(rejection("")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void rejectsNotYetValidTokens() {
        Map<String, Object> c = new java.util.HashMap<>(claims(0, 600));
        c.put("nbf", NOW.getEpochSecond() + 300);
        assertThat(rejection(JwsSigner.sign(ring.active(), c))).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void rejectsWrongIssuerAndAudience() {
        Map<String, Object> c = new java.util.HashMap<>(claims(0, 600));
        c.put("iss", "https://evil.test");
        assertThat(rejection(JwsSigner.sign(ring.active(), c))).isEqualTo(Reason.WRONG_ISSUER);
        c = new java.util.HashMap<>(claims(0, 600));
        c.put("aud", List.of("other"));
        assertThat(rejection(JwsSigner.sign(ring.active(), c))).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void es256WithAMismatchedCurveIsRefusedWhenES256IsAllowed() {
        VerificationRules es = rules.algorithms("RS256", "ES256");
        String token = TokenForge.es256WithMismatchedCurve(ring.active().kid(), claims(0, 600));
        assertThatThrownBy(() -> verifier.verify(token, KeySource.of(ring), es))
                .isInstanceOfSatisfying(JwtRejection.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void missingKidIsAcceptedWhenOptional() throws JwtRejection {
        String token = TokenForge.withoutKid(ring.active(), claims(0, 600));
        assertThat(verifier.verify(token, KeySource.of(ring), rules.kidOptional()).subject()).isEqualTo("s");
    }
}
