package dev.wisim.stack.cli;

import dev.wisim.stack.StackFiles;
import dev.wisim.stack.scenario.Scenario;
import dev.wisim.stack.scenario.ScenarioApplier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wisim apply}: applies a scenario to services that already run elsewhere (docker-compose's
 * one-shot {@code scenario} service), once each answers its health check, and writes the admin's
 * token and key file for clients.
 */
@Command(name = "apply", description = "Apply a scenario to running services (as docker-compose does) and write the admin's credentials.")
final class ApplyCommand implements Callable<Integer> {

    @Option(names = "--iam", required = true, description = "IAM's URL")
    String iam;

    @Option(names = "--apiserver", required = true, description = "the cluster's API server (plain HTTP)")
    String apiserver;

    @Option(names = "--storage", required = true, description = "the storage server's URL")
    String storage;

    @Option(names = "--scenario", description = "scenario YAML (default: the built-in one)")
    Path scenario;

    @Option(names = "--out", description = "where to write admin-token and admin-key.json", defaultValue = ".")
    Path out;

    @Option(names = "--wait", description = "how long to wait for the services (ISO-8601)", defaultValue = "PT120S")
    Duration wait;

    @Override
    public Integer call() throws Exception {
        Scenario world = scenario == null ? Scenario.defaultScenario() : Scenario.load(scenario);
        for (String service : List.of(iam, apiserver, storage)) {
            if (!awaitReady(service)) {
                System.err.println("wisim: " + service + " is not ready after " + wait);
                return 1;
            }
        }
        Map<String, String> clusters = new LinkedHashMap<>();
        clusters.put(world.cluster().name(), apiserver);
        ScenarioApplier.Applied applied = new ScenarioApplier(iam, clusters, storage).apply(world, StackFiles.keptAdminKey(out));
        Files.createDirectories(out);
        write(out.resolve("admin-token"), applied.adminToken().getBytes());
        if (applied.adminKeyFile() != null) {
            write(out.resolve(StackFiles.ADMIN_KEY_FILE), applied.adminKeyFile());
        }
        System.out.println("wisim: scenario applied (project " + world.cluster().project() + ", number "
                + applied.projectNumbers().get(world.cluster().project()) + "); admin credentials in " + out);
        return 0;
    }

    private boolean awaitReady(String base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
