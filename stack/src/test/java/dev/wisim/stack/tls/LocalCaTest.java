package dev.wisim.stack.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCaTest {

    @Test
    void aCaLoadedFromItsFilesIssuesCertificatesThatVerifyAgainstIt(@TempDir Path dir) throws Exception {
        LocalCa made = LocalCa.loadOrCreate(dir);
        String caPem = Files.readString(made.certificate());
        LocalCa loaded = LocalCa.loadOrCreate(dir);
        assertThat(Files.readString(loaded.certificate())).isEqualTo(caPem);

        LocalCa.ServerCertificate issued = loaded.issue("iam", List.of("iam.localhost"));   // the key read from ca-key.pem
        X509Certificate server = read(issued.certificate());
        server.verify(read(dir.resolve("ca.pem")).getPublicKey());
        assertThat(server.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))))
                .contains("localhost", "127.0.0.1", "iam.localhost");
    }

    @Test
    void aCurrentCertificateIsKeptAndOneForOtherHostsIsIssuedAnew(@TempDir Path dir) throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir);
        String first = Files.readString(ca.current("sts", List.of()).certificate());
        assertThat(Files.readString(LocalCa.loadOrCreate(dir).current("sts", List.of()).certificate())).isEqualTo(first);
        String widened = Files.readString(LocalCa.loadOrCreate(dir).current("sts", List.of("sts.localhost")).certificate());
        assertThat(widened).isNotEqualTo(first);
    }

    @Test
    void aCertificateOfAnEarlierCaIsIssuedAnew(@TempDir Path dir) throws Exception {
        String earlier = Files.readString(LocalCa.loadOrCreate(dir).current("apiserver-oidc", List.of()).certificate());
        Files.delete(dir.resolve("ca.pem"));
        Files.delete(dir.resolve("ca-key.pem"));
        LocalCa anew = LocalCa.loadOrCreate(dir);
        Path reissued = anew.current("apiserver-oidc", List.of()).certificate();
        assertThat(Files.readString(reissued)).isNotEqualTo(earlier);
        read(reissued).verify(read(anew.certificate()).getPublicKey());
    }

    @Test
    void theTruststoreAndBundleAreWrittenAgainOnlyWhenTheCaIsNewer(@TempDir Path dir) throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir);
        Path truststore = ca.truststore();
        Path bundle = ca.bundle();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            store.load(in, LocalCa.TRUSTSTORE_PASSWORD.toCharArray());
        }
        assertThat(store.getCertificate("wisim-local-ca")).isEqualTo(read(ca.certificate()));
        assertThat(Files.readString(bundle)).endsWith(Files.readString(ca.certificate()));

        FileTime marked = FileTime.from(Instant.now().plusSeconds(60));
        Files.setLastModifiedTime(truststore, marked);
        Files.setLastModifiedTime(bundle, marked);
        Files.writeString(bundle, "left as it was");
        Files.setLastModifiedTime(bundle, marked);
        LocalCa again = LocalCa.loadOrCreate(dir);
        again.truststore();
        again.bundle();
        assertThat(Files.getLastModifiedTime(truststore)).isEqualTo(marked);
        assertThat(Files.readString(bundle)).isEqualTo("left as it was");

        Files.setLastModifiedTime(ca.certificate(), FileTime.from(Instant.now().plusSeconds(120)));
        again.truststore();
        again.bundle();
        assertThat(Files.getLastModifiedTime(truststore)).isNotEqualTo(marked);
        assertThat(Files.readString(bundle)).endsWith(Files.readString(ca.certificate()));
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
