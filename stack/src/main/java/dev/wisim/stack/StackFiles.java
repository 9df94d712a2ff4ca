package dev.wisim.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files a started stack leaves in its state directory for clients: {@code stack.env}
 * (KEY=VALUE lines), {@code kubeconfig} for the cluster, {@code admin-token} (usable as gcloud's
 * {@code CLOUDSDK_AUTH_ACCESS_TOKEN_FILE}) and, when the scenario has an admin service account, its key
 * file {@code admin-key.json} (for {@code gcloud auth activate-service-account --key-file}), and the
 * default pod's {@code external_account} credential files ({@link ExternalAccountFiles}).
 */
public final class StackFiles {

    public static final String ENV_FILE = "stack.env";
    public static final String ADMIN_KEY_FILE = "admin-key.json";

    private StackFiles() {
    }

    static void write(Stack stack) {
        Path dir = stack.stateDir();
        Map<String, String> env = stack.clientEnvironment();
        writeFile(dir.resolve(ENV_FILE), env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")), false);
        writeFile(dir.resolve("admin-token"), stack.adminToken(), true);
        stack.adminKeyFile().ifPresentOrElse(key -> writeFile(dir.resolve(ADMIN_KEY_FILE), key, true),
                () -> deleteIfPresent(dir.resolve(ADMIN_KEY_FILE)));
        writeFile(dir.resolve("kubeconfig"), kubeconfig(stack), true);
        Map<String, String> externalAccounts = ExternalAccountFiles.of(stack);
        for (String name : List.of(ExternalAccountFiles.IMPERSONATED, ExternalAccountFiles.FEDERATED)) {
            if (externalAccounts.containsKey(name)) {
                writeFile(dir.resolve(name), externalAccounts.get(name), false);
            } else {
                deleteIfPresent(dir.resolve(name));
            }
        }
    }

    /**
     * The admin service account's key file an earlier start (or {@code wisim apply}) left in {@code dir},
     * or null: the scenario keeps it, and its key, while IAM still holds that key.
     */
    public static byte[] keptAdminKey(Path dir) {
        Path file = dir.resolve(ADMIN_KEY_FILE);
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    /**
     * What a stack keeps in its state directory of the world it ran: the services' keys, storage's
     * objects, the pods' volumes, extra clusters, the client files and logs.
     * {@code wisim up --fresh} removes them, so that the stack starts from its scenario alone; the
     * local CA and the Kubernetes admin token stay, so that clients keep trusting the stack.
     */
    static final List<String> WORLD = List.of("apiserver-oidc", "iam", "sts", "storage", "pods", "clusters", "logs",
            ENV_FILE, "admin-token", ADMIN_KEY_FILE, "kubeconfig", ExternalAccountFiles.IMPERSONATED, ExternalAccountFiles.FEDERATED);

    public static void forgetWorld(Path stateDir) {
        for (String name : WORLD) {
            Path path = stateDir.resolve(name);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(StackFiles::deleteIfPresent);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + path, e);
            }
        }
    }

    static String kubeconfig(Stack stack) {
        String cluster = stack.scenario().cluster().name();
        String namespace = stack.scenario().cluster().namespacesOrEmpty().stream().findFirst().map(n -> n.name()).orElse("default");
        return "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + cluster + "\n"
                + "  cluster:\n"
                + "    server: " + stack.httpsUrl(Service.APISERVER) + "\n"
                + "    certificate-authority-data: " + caData(stack) + "\n"
                + "contexts:\n"
                + "- name: wisim\n"
                + "  context:\n"
                + "    cluster: " + cluster + "\n"
                + "    namespace: " + namespace + "\n"
                + "    user: wisim-admin\n"
                + "current-context: wisim\n"
                + "users:\n"
                + "- name: wisim-admin\n"
                + "  user:\n"
                + "    token: " + stack.secrets().kubeAdminToken() + "\n";
    }

    private static String caData(Stack stack) {
        try {
            return java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(stack.secrets().ca().certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code stack.env} back, for {@code wisim env}. */
    public static Map<String, String> readEnv(Path stateDir) {
        try {
            return Files.readAllLines(stateDir.resolve(ENV_FILE)).stream().filter(l -> l.contains("="))
                    .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                            (a, b) -> b, java.util.LinkedHashMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException("no stack has been started here (" + stateDir.resolve(ENV_FILE) + " is missing)", e);
        }
    }

    private static void deleteIfPresent(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static void writeFile(Path file, String content, boolean ownerOnly) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            if (ownerOnly) {
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
