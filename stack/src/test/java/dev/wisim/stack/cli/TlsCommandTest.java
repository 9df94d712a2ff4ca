package dev.wisim.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** docker-compose's tls one-shot: a CA kept across runs, a server certificate for the API server's names, the CA copied out. */
class TlsCommandTest {

    @Test
    void makesTheCaOnceAndACertificateForEveryHost(@TempDir Path dir) throws Exception {
        Path tls = dir.resolve("tls");
        Path out = dir.resolve("out");
        String[] args = {"tls", "--dir", tls.toString(), "--name", "apiserver", "--host", "apiserver", "--host", "apiserver.localhost",
                "--out", out.toString()};
        assertThat(new CommandLine(new WisimCommand()).execute(args)).isZero();
        byte[] ca = Files.readAllBytes(out.resolve("ca.pem"));
        byte[] certificate = Files.readAllBytes(tls.resolve("apiserver.pem"));
        assertThat(tls.resolve("apiserver-key.pem")).isRegularFile();
        X509Certificate server = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
        X509Certificate authority = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(ca));
        server.verify(authority.getPublicKey());
        List<String> names = server.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        assertThat(names).contains("apiserver", "apiserver.localhost", "localhost", "127.0.0.1");

        assertThat(new CommandLine(new WisimCommand()).execute(args)).isZero();
        assertThat(Files.readAllBytes(out.resolve("ca.pem"))).as("the CA is kept").isEqualTo(ca);
        assertThat(Files.readAllBytes(tls.resolve("apiserver.pem"))).as("a valid certificate is kept").isEqualTo(certificate);
    }
}
