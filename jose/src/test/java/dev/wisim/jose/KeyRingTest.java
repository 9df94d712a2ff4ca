package dev.wisim.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void kidIsTheBase64UrlSha256OfThePublicKeyDer() throws Exception {
        SigningKey key = KeyRing.inMemory(clock).active();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.publicKey().getEncoded());
        assertThat(key.kid()).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)).hasSize(43);
    }

    @Test
    void aPersistedRingVerifiesTokensAfterReload(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/signing.jwks.json");
        KeyRing first = KeyRing.loadOrCreate(file, clock);
        String token = JwsSigner.sign(first.active(), Map.of("sub", "x", "exp", clock.instant().getEpochSecond() + 600));

        KeyRing reloaded = KeyRing.loadOrCreate(file, clock);

        assertThat(reloaded.active().kid()).isEqualTo(first.active().kid());
        assertThat(new JwtVerifier(clock).verify(token, KeySource.of(reloaded), VerificationRules.rs256()).subject())
                .isEqualTo("x");
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void aRetiredKeyVerifiesUntilItsLastTokenExpires(@TempDir Path dir) throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-05-01T12:00:00Z"));
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        Path file = dir.resolve("keys.json");
        KeyRing ring = KeyRing.loadOrCreate(file, moving);
        SigningKey old = ring.active();
        ring.noteSigned(old.kid(), now.get().plusSeconds(3600));

        SigningKey fresh = ring.rotate();

        assertThat(ring.active().kid()).isEqualTo(fresh.kid()).isNotEqualTo(old.kid());
        assertThat(KeyRing.loadOrCreate(file, moving).all()).extracting(SigningKey::kid).containsExactly(old.kid(), fresh.kid());
        now.set(now.get().plusSeconds(3601));
        assertThat(ring.all()).extracting(SigningKey::kid).containsExactly(fresh.kid());
        assertThat(ring.find(old.kid())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void publicJwksHasKubeApiserverMembersInOrder() {
        KeyRing ring = KeyRing.inMemory(clock);
        Map<String, Object> jwk = ((List<Map<String, Object>>) ring.publicJwks().get("keys")).get(0);
        assertThat(jwk.keySet()).containsExactly("use", "kty", "kid", "alg", "n", "e");
        assertThat(jwk).containsEntry("e", "AQAB").containsEntry("use", "sig").containsEntry("alg", "RS256");
        assertThat(Jwks.parse(CanonicalJson.write(ring.publicJwks())).byKid(ring.active().kid())).isPresent();
    }

    @Test
    void canonicalJsonSortsKeysAtEveryLevelAndKeepsSlashes() {
        String json = CanonicalJson.write(Map.of("sub", "a", "aud", List.of("https://x/y"),
                "kubernetes.io", Map.of("serviceaccount", Map.of("uid", "u", "name", "n"), "namespace", "d")));
        assertThat(json).isEqualTo("{\"aud\":[\"https://x/y\"],\"kubernetes.io\":{\"namespace\":\"d\","
                + "\"serviceaccount\":{\"name\":\"n\",\"uid\":\"u\"}},\"sub\":\"a\"}");
    }
}
