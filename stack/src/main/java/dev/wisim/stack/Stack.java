package dev.wisim.stack;

import dev.wisim.stack.process.Concurrently;
import dev.wisim.stack.process.Ports;
import dev.wisim.stack.process.ServiceProcess;
import dev.wisim.stack.scenario.Scenario;
import dev.wisim.stack.scenario.ScenarioApplier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The five services as local processes, started together, with a scenario applied. Test suites use it
 * directly ({@code try (Stack stack = Stack.builder().home(dir).freePorts().start()) {…}}); the
 * {@code wisim} command is built on it.
 */
public final class Stack implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Scenario scenario;
    private final StackPorts ports;
    private final Map<Service, ServiceProcess> processes;
    private final Map<Service, Duration> readyIn;
    private final ScenarioApplier.Applied applied;
    private final Duration scenarioAppliedIn;
    private final StackSecrets secrets;
    private final Path stateDir;
    private final ExtraClusters extraClusters;
    private final Map<Service, Supplier<ServiceProcess>> launchers;

    private Stack(Scenario scenario, StackPorts ports, Map<Service, ServiceProcess> processes,
                  Map<Service, Duration> readyIn, ScenarioApplier.Applied applied, Duration scenarioAppliedIn, StackSecrets secrets,
                  Path stateDir, ExtraClusters extraClusters, Map<Service, Supplier<ServiceProcess>> launchers) {
        this.scenario = scenario;
        this.ports = ports;
        this.processes = processes;
        this.readyIn = readyIn;
        this.applied = applied;
        this.scenarioAppliedIn = scenarioAppliedIn;
        this.secrets = secrets;
        this.stateDir = stateDir;
        this.extraClusters = extraClusters;
        this.launchers = launchers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The service's plain-HTTP base URL (what the other services and curl use). */
    public String url(Service service) {
        return "http://127.0.0.1:" + port(service);
    }

    public int port(Service service) {
        return ports.http().get(service);
    }

    /** The service's HTTPS base URL, for the services that speak TLS (the API server). */
    public String httpsUrl(Service service) {
        return "https://127.0.0.1:" + ports.https().get(service);
    }

    public Duration readyIn(Service service) {
        return readyIn.get(service);
    }

    /** How long applying the scenario took, once every service was ready. */
    public Duration scenarioAppliedIn() {
        return scenarioAppliedIn;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The local CA, the serving certificates and the Kubernetes admin token. */
    public StackSecrets secrets() {
        return secrets;
    }

    /** The admin's access token (a user token, as after {@code gcloud auth login}). */
    public String adminToken() {
        return applied.adminToken();
    }

    /** The JSON key file of the scenario's admin service account, if it has one. */
    public Optional<String> adminKeyFile() {
        return Optional.ofNullable(applied.adminKeyFile())
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public String projectId() {
        return scenario.cluster().project();
    }

    public String projectNumber() {
        return applied.projectNumbers().get(projectId());
    }

    /** The variables that point clients at this stack (see {@link ClientEnvironment}). */
    public Map<String, String> clientEnvironment() {
        return ClientEnvironment.of(this);
    }

    /** The API server of a cluster of the scenario, by name (plain HTTP). */
    public String clusterUrl(String clusterName) {
        if (scenario.cluster().name().equals(clusterName)) {
            return url(Service.APISERVER);
        }
        String url = extraClusters.urls().get(clusterName);
        if (url == null) {
            throw new IllegalArgumentException("the scenario has no cluster " + clusterName);
        }
        return url;
    }

    /** Every process of the stack by name (a further cluster's API server as {@code apiserver-oidc:NAME}). */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((service, process) -> pids.put(service.module(), process.pid()));
        pids.putAll(extraClusters.pids());
        return pids;
    }

    /** Kills one service with SIGKILL, as a crash would (no shutdown hook runs): for resilience tests and workshops. */
    public synchronized void kill(Service service) {
        processes.get(service).kill();
    }

    /** Starts a killed (or stopped) service again with the same settings; returns how long it took to be ready. */
    public synchronized Duration restart(Service service) {
        ServiceProcess old = processes.get(service);
        if (old.alive()) {
            old.stop();
        }
        ServiceProcess fresh = launchers.get(service).get();
        processes.put(service, fresh);
        return fresh.awaitReady(READY_TIMEOUT);
    }

    /** Stops every service (SIGTERM, then SIGKILL after five seconds). */
    @Override
    public void close() {
        extraClusters.close();
        stopAll(processes.values());
    }

    private static void stopAll(Collection<ServiceProcess> processes) {
        Concurrently.runAll(processes.stream().<Runnable>map(process -> process::stop).toList());
    }

    /** What applying a scenario calls; the others need not be ready for it to start. */
    private static final Set<Service> SCENARIO_NEEDS = EnumSet.of(Service.IAM, Service.APISERVER, Service.STORAGE);

    /** How a stack is started: where the services are built, where state lives, which ports, which scenario. */
    public static final class Builder {

        private Path home = Path.of(System.getProperty("wisim.home", "."));
        private Path stateDir;
        private Scenario scenario;
        private final Map<Service, Integer> httpPorts = new EnumMap<>(Service.class);
        private final Map<Service, Integer> httpsPorts = new EnumMap<>(Service.class);
        private boolean freePorts;
        private boolean detached;
        private boolean training;
        private Map<String, String> environment = System.getenv();

        /** The wisim checkout or distribution: the directory that holds each service module's {@code target/quarkus-app}. */
        public Builder home(Path value) {
            this.home = value;
            return this;
        }

        /** Keys (and logs) live here; default {@code HOME/.wisim}. */
        public Builder stateDir(Path value) {
            this.stateDir = value;
            return this;
        }

        public Builder scenario(Scenario value) {
            this.scenario = value;
            return this;
        }

        /** The service's plain-HTTP port. */
        public Builder port(Service service, int port) {
            httpPorts.put(service, port);
            return this;
        }

        /** The HTTPS port of a service that speaks TLS. */
        public Builder httpsPort(Service service, int port) {
            httpsPorts.put(service, port);
            return this;
        }

        /** Every service on a port the OS picks, so that stacks can run side by side. */
        public Builder freePorts() {
            this.freePorts = true;
            return this;
        }

        /** Services outlive this JVM (for {@code wisim up -d}). */
        public Builder detached(boolean value) {
            this.detached = value;
            return this;
        }

        /**
         * The services record what they load for their start-up caches, written when they stop (Java 25+:
         * {@code wisim train}); see {@link ServiceProcess}.
         */
        public Builder training(boolean value) {
            this.training = value;
            return this;
        }

        /** Where {@code WISIM_*_PORT} overrides are read from; the process environment by default. */
        public Builder environment(Map<String, String> value) {
            this.environment = value;
            return this;
        }

        public StackPorts resolvePorts() {
            Map<Service, Integer> http = new EnumMap<>(Service.class);
            Map<Service, Integer> https = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                http.put(service, resolve(httpPorts.get(service), service.httpPortVariable(), service.defaultHttpPort()));
                if (service.speaksTls()) {
                    https.put(service, resolve(httpsPorts.get(service), service.httpsPortVariable(), service.defaultHttpsPort()));
                }
            }
            return new StackPorts(http, https);
        }

        private int resolve(Integer explicit, String variable, int fallback) {
            String override = environment.get(variable);
            return explicit != null ? explicit
                    : freePorts ? Ports.free()
                    : override != null && !override.isBlank() ? Integer.parseInt(override.trim()) : fallback;
        }

        public Stack start() {
            Scenario world = scenario == null ? Scenario.defaultScenario() : scenario;
            Path state = (stateDir == null ? home.resolve(".wisim") : stateDir).toAbsolutePath();
            StackPorts resolved = resolvePorts();
            List<String> taken = new ArrayList<>();
            resolved.described().forEach(port -> {
                if (!Ports.available(port.getKey())) {
                    taken.add("port " + port.getKey() + " (" + port.getValue() + ") is already in use");
                }
            });
            if (!taken.isEmpty()) {
                throw new PortInUseException(String.join("\n", taken));
            }
            Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
            Map<Service, Duration> readyIn = new EnumMap<>(Service.class);
            StackSecrets secrets = StackSecrets.prepare(state, resolved);
            Map<Service, Map<String, String>> environments = ServiceEnvironment.of(world.cluster(), resolved, state, secrets);
            ExtraClusters extras = null;
            Map<Service, Supplier<ServiceProcess>> launchers = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                Path jar = home.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
                launchers.put(service, () -> ServiceProcess.start(service, jar, resolved.http().get(service), environments.get(service),
                        ServiceEnvironment.systemProperties(service, secrets),
                        state.resolve("logs").resolve(service.module() + ".log"), detached, training));
            }
            try {
                for (Service service : Service.values()) {
                    processes.put(service, launchers.get(service).get());
                }
                Map<Service, CompletableFuture<Void>> waits = new EnumMap<>(Service.class);
                processes.forEach((service, process) -> waits.put(service, Concurrently.run(
                        () -> readyIn.put(service, process.awaitReady(READY_TIMEOUT)))));
                // the scenario needs IAM, the cluster and storage; STS and the metadata server finish starting meanwhile
                Concurrently.joinAll(SCENARIO_NEEDS.stream().map(waits::get).toArray(CompletableFuture[]::new));
                String base = "http://127.0.0.1:";
                extras = ExtraClusters.start(home, world.clusters().subList(1, world.clusters().size()), state, secrets,
                        base + resolved.http().get(Service.IAM), detached, READY_TIMEOUT);
                Map<String, String> clusterApis = new LinkedHashMap<>();
                clusterApis.put(world.cluster().name(), base + resolved.http().get(Service.APISERVER));
                clusterApis.putAll(extras.urls());
                long applying = System.nanoTime();
                ScenarioApplier.Applied applied = new ScenarioApplier(base + resolved.http().get(Service.IAM), clusterApis,
                        base + resolved.http().get(Service.STORAGE)).apply(world, StackFiles.keptAdminKey(state));
                Duration appliedIn = Duration.ofNanos(System.nanoTime() - applying);
                Concurrently.joinAll(waits.values().toArray(CompletableFuture[]::new));
                Stack stack = new Stack(world, resolved, processes, readyIn, applied, appliedIn, secrets, state, extras, launchers);
                StackFiles.write(stack);
                return stack;
            } catch (RuntimeException e) {
                if (extras != null) {
                    extras.close();
                }
                stopAll(processes.values());
                throw e;
            }
        }
    }

    /** A port the stack needs is taken; the message names each one. */
    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(String message) {
            super(message);
        }
    }
}
