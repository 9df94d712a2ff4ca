package dev.wisim.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeCryptoTest {

    private static final byte[] DATA = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0".getBytes(StandardCharsets.US_ASCII);

    @Test
    void isConscryptOnLinuxX86AndArm() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64")));
        assumeTrue(System.getenv("WISIM_NATIVE_CRYPTO") == null);
        assertThat(NativeCrypto.providerName()).contains("Conscrypt");
        assertThat(NativeCrypto.sha256WithRsa().getProvider().getName()).isEqualTo("Conscrypt");
    }

    @Test
    void signsByteForByteAsTheJdkDoes() throws Exception {
        KeyPair pair = Certificates.newRsaKeyPair();
        assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);

        Signature ours = NativeCrypto.sha256WithRsa();
        ours.initSign(pair.getPrivate());
        ours.update(DATA);
        byte[] signature = ours.sign();

        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initSign(pair.getPrivate());
        jdk.update(DATA);
        assertThat(jdk.sign()).isEqualTo(signature);

        jdk.initVerify(pair.getPublic());
        jdk.update(DATA);
        assertThat(jdk.verify(signature)).isTrue();
    }

    @Test
    void aTokenSignedNativelyVerifiesInTheJdkWithItsPublishedKey() throws Exception {
        KeyRing ring = KeyRing.inMemory(Clock.systemUTC());
        SigningKey key = ring.active();
        long now = System.currentTimeMillis() / 1000;
        String token = JwsSigner.sign(key, Map.of("iss", "https://issuer.example", "sub", "x", "iat", now, "exp", now + 60));
        String[] parts = token.split("\\.");

        // the public key as a verifier gets it: from the JWKS, through the JDK's key factory
        RSAPublicKey published = (RSAPublicKey) org.jose4j.jwk.JsonWebKey.Factory.newJwk(key.publicJwk()).getKey();
        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initVerify(published);
        jdk.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(jdk.verify(java.util.Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }
}
