package dev.wisim.stack;

import dev.wisim.stack.tls.LocalCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the stack creates before the services start: the local CA (kept across restarts, so clients
 * keep trusting it) with a serving certificate for each service that speaks TLS (kept while valid),
 * and the Kubernetes admin's bearer token (kept too, so a kubeconfig stays valid).
 */
public record StackSecrets(LocalCa ca, Map<Service, LocalCa.ServerCertificate> certificates, String kubeAdminToken) {

    static StackSecrets prepare(Path stateDir, StackPorts ports) {
        LocalCa ca = LocalCa.loadOrCreate(stateDir.resolve("tls"));
        Map<Service, LocalCa.ServerCertificate> certificates = new EnumMap<>(Service.class);
        for (Service service : ports.https().keySet()) {
            certificates.put(service, ca.current(service.module(), List.of()));
        }
        ca.truststore();
        ca.bundle();
        return new StackSecrets(ca, certificates, token(stateDir.resolve("kube-admin-token")));
    }

    private static String token(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, token);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Kubernetes admin token in " + file, e);
        }
    }
}
