package dev.wisim.stack.cli;

import dev.wisim.stack.tls.LocalCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wisim tls}: the local CA (made once, kept in {@code --dir}) and a server certificate for
 * {@code --name} valid for each {@code --host} — how docker-compose's one-shot {@code tls} gives the
 * API server its HTTPS port, and the host's kubectl the CA to verify it (copied to {@code --out}).
 */
@Command(name = "tls", description = "Make (or keep) the local CA and a server certificate, as docker-compose's tls one-shot does.")
final class TlsCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, description = "where the CA and certificates live")
    Path dir;

    @Option(names = "--name", required = true, description = "the certificate's name: NAME.pem and NAME-key.pem")
    String name;

    @Option(names = "--host", description = "a host name or address the certificate is valid for (repeatable)")
    List<String> hosts = List.of();

    @Option(names = "--out", description = "a directory to copy the CA certificate to, as ca.pem")
    Path out;

    @Option(names = "--owner", description = "UID:GID to give --dir's files (a one-shot run as root, for services that are not)")
    String owner;

    @Override
    public Integer call() throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir);
        LocalCa.ServerCertificate issued = ca.current(name, hosts);
        System.out.println("wisim: " + issued.certificate() + " for " + String.join(", ", hosts) + ", signed by " + ca.certificate());
        if (owner != null) {
            String[] ids = owner.split(":", 2);
            try (var files = Files.walk(dir)) {
                for (Path file : files.toList()) {
                    Files.setAttribute(file, "unix:uid", Integer.parseInt(ids[0]));
                    Files.setAttribute(file, "unix:gid", Integer.parseInt(ids.length > 1 ? ids[1] : ids[0]));
                }
            }
        }
        if (out != null) {
            Files.createDirectories(out);
            Files.copy(ca.certificate(), out.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
        }
        return 0;
    }
}
