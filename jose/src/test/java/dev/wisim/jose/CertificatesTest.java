package dev.wisim.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class CertificatesTest {

    @Test
    void aSelfSignedCertificateRoundTripsThroughPemAndVerifiesItself() throws Exception {
        KeyPair pair = Certificates.newRsaKeyPair();
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        X509Certificate certificate = Certificates.selfSigned(pair.getPublic(), pair.getPrivate(), "app@p.iam.gserviceaccount.com",
                from, from.plus(365, ChronoUnit.DAYS));

        String pem = Certificates.pem(certificate);
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        parsed.verify(pair.getPublic());
        assertThat(parsed.getSubjectX500Principal().getName()).isEqualTo("CN=app@p.iam.gserviceaccount.com");
        assertThat(parsed.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(parsed.getPublicKey()).isEqualTo(pair.getPublic());
    }

    @Test
    void aPkcs8PemPrivateKeyReadsBackAndSigns() throws Exception {
        KeyPair pair = Certificates.newRsaKeyPair();
        String pem = Certificates.pkcs8Pem(pair.getPrivate());
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(Certificates.readPkcs8Pem(pem));
        signer.update("blob".getBytes(StandardCharsets.UTF_8));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update("blob".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void aPublicKeyIsNotAPrivateKey() {
        String publicPem = Certificates.pem(Certificates.newRsaKeyPair().getPublic());
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThatThrownBy(() -> Certificates.readPkcs8Pem(publicPem)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Certificates.readPkcs8Pem("not pem")).isInstanceOf(IllegalArgumentException.class);
    }
}
