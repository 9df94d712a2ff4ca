package dev.wisim.stack;

import dev.wisim.stack.process.Concurrently;
import dev.wisim.stack.process.Ports;
import dev.wisim.stack.process.ServiceProcess;
import dev.wisim.stack.scenario.Scenario.ClusterSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's clusters after the first (the first is the node's, with the metadata server): each is
 * an API server of its own on free ports, with its own keys and kubelet directory under
 * {@code STATE/clusters/NAME}. They join their project's workload pool like the first.
 */
final class ExtraClusters implements AutoCloseable {

    record Running(ClusterSpec spec, ServiceProcess process, int httpPort, int httpsPort) {

        String url() {
            return "http://127.0.0.1:" + httpPort;
        }
    }

    private final List<Running> running;

    private ExtraClusters(List<Running> running) {
        this.running = running;
    }

    static ExtraClusters start(Path home, List<ClusterSpec> clusters, Path stateDir, StackSecrets secrets, String iamUrl, boolean detached,
                               Duration readyTimeout) {
        List<Running> running = new ArrayList<>();
        ExtraClusters extras = new ExtraClusters(running);
        try {
            Path jar = home.resolve(Service.APISERVER.module()).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
            for (ClusterSpec cluster : clusters) {
                int http = Ports.free();
                int https = Ports.free();
                Path state = stateDir.resolve("clusters").resolve(cluster.name());
                ServiceProcess process = ServiceProcess.start(Service.APISERVER, jar, http,
                        ServiceEnvironment.apiserver(cluster, https, state, secrets, iamUrl),
                        ServiceEnvironment.systemProperties(Service.APISERVER, secrets),
                        stateDir.resolve("logs").resolve(Service.APISERVER.module() + "-" + cluster.name() + ".log"), detached);
                running.add(new Running(cluster, process, http, https));
            }
            Concurrently.runAll(running.stream().<Runnable>map(r -> () -> r.process().awaitReady(readyTimeout)).toList());
            return extras;
        } catch (RuntimeException e) {
            extras.close();
            throw e;
        }
    }

    /** Each further cluster's API server (plain HTTP), by cluster name. */
    Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        running.forEach(r -> urls.put(r.spec().name(), r.url()));
        return urls;
    }

    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        running.forEach(r -> pids.put(Service.APISERVER.module() + ":" + r.spec().name(), r.process().pid()));
        return pids;
    }

    @Override
    public void close() {
        Concurrently.runAll(running.stream().<Runnable>map(r -> () -> r.process().stop()).toList());
    }
}
