package dev.wisim.stack.process;

import dev.wisim.stack.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service as a local process: started from its packaged Quarkus app, logged to a file, ready when its health says so. */
public final class ServiceProcess {

    /**
     * JVM flags that favour start-up and a small footprint (five JVMs share the machine's cores and
     * memory): C1 only, a serial heap that starts at 16 MiB (the default, a 64th of the machine, has
     * the young generation touch a hundred megabytes before the first collection) and may grow to
     * 256 MiB. And one PBKDF2 iteration, not 10,000, for the PKCS#12 key stores the JDK makes in
     * memory: Vert.x and Quarkus's TLS registry put a service's PEM key into one (under a fixed dummy
     * password), copy it and read it back, a key derivation each time, 0.2 – 0.35 s of CPU under C1
     * while a service with a TLS port starts; no service writes such a key store to disk with the
     * JDK's default (IAM's PKCS#12 key files state their own). C1 makes RSA signing slower (see
     * docs/benchmarks.md); {@code WISIM_JAVA_OPTS} replaces these flags. The start-up cache (below) is
     * added to them.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms16m", "-Xmx256m", "-Xss512k",
            "-Dkeystore.pkcs12.keyPbeIterationCount=1");
    /** The first Java with the AOT cache of JEP 483/514 ({@code -XX:AOTCache}, {@code -XX:AOTCacheOutput}). */
    static final int AOT_CACHE_JAVA = 25;
    static final String AOT_CACHE = "app.aot";

    private final Service service;
    private final int port;
    private final Process process;
    private final Path log;
    private final boolean training;
    private final long startedNanos = System.nanoTime();

    /** The TLS port, when the service has one: ready means listening there too (clients use it, kubectl among them). */
    private final Integer tlsPort;

    private ServiceProcess(Service service, int port, Integer tlsPort, Process process, Path log, boolean training) {
        this.tlsPort = tlsPort;
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
        this.training = training;
    }

    /**
     * The start-up cache for the JVM the services run on (the one running this code): on Java 25+ the
     * service's AOT cache ({@code app.aot} beside its jar, made by a training run: {@code wisim train})
     * when it is newer than the jar, or, training, the flag that makes the JVM write it when it exits;
     * on older Java, the AppCDS archive Quarkus builds with the service (it records the class path as
     * Quarkus built it: relative, from the app's directory).
     */
    static List<String> startupCache(Path appDir, boolean training) {
        return startupCache(appDir, training, Runtime.version().feature());
    }

    static List<String> startupCache(Path appDir, boolean training, int javaFeature) {
        if (javaFeature >= AOT_CACHE_JAVA) {
            if (training) {
                return List.of("-XX:AOTCacheOutput=" + AOT_CACHE);
            }
            return newer(appDir.resolve(AOT_CACHE), appDir.resolve("quarkus-run.jar")) ? List.of("-XX:AOTCache=" + AOT_CACHE) : List.of();
        }
        return Files.isRegularFile(appDir.resolve("app-cds.jsa")) ? List.of("-XX:SharedArchiveFile=app-cds.jsa") : List.of();
    }

    private static boolean newer(Path file, Path than) {
        try {
            return Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param systemProperties settings that only system properties can carry (Quarkus does not map
     *                         environment variables onto map keys such as {@code quarkus.tls.key-store.pem.0.cert})
     * @param detached         start in a new session (via {@code setsid}) so that the service outlives the
     *                         command that started it and the terminal it ran in
     */
    public static ServiceProcess start(Service service, Path appJar, int port, Map<String, String> environment,
                                       Map<String, String> systemProperties, Path log, boolean detached) {
        return start(service, appJar, port, environment, systemProperties, log, detached, false);
    }

    /** @param training record the start-up cache (Java 25+), written when the service stops */
    public static ServiceProcess start(Service service, Path appJar, int port, Map<String, String> environment,
                                       Map<String, String> systemProperties, Path log, boolean detached, boolean training) {
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException(service.module() + " is not built: " + appJar + " is missing (run ./mvnw -B package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(javaCommand());
        String javaOpts = System.getenv("WISIM_JAVA_OPTS");
        command.addAll(javaOpts == null ? JVM_FLAGS : List.of(javaOpts.trim().split("\\s+")));
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(startupCache(appJar.getParent(), training));
        command.add("-jar");
        command.add(appJar.getFileName().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(appJar.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            String tls = environment.get("QUARKUS_HTTP_SSL_PORT");
            return new ServiceProcess(service, port, tls == null ? null : Integer.valueOf(tls), builder.start(), log, training);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until {@code /q/health/ready} answers 200; returns how long the service took from launch.
     * Asked with the JDK's plain {@code HttpURLConnection}: this runs while five JVMs start on the
     * same cores, and {@code java.net.http}'s client (its selector thread, executor and futures, built
     * when first used) cost the command line a tenth of a second of CPU more.
     */
    public Duration awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with status " + process.exitValue()
                        + " before it was ready; the end of " + log + ":\n" + tail());
            }
            if (answersReady(ready) && tlsListening()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            sleep(50);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for " + service.module());
            }
        }
        throw new IllegalStateException(service.module() + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    private static boolean answersReady(URI ready) {
        try {
            HttpURLConnection connection = (HttpURLConnection) ready.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                int status = connection.getResponseCode();
                InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
                if (body != null) {
                    body.readAllBytes();
                }
                return status == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * Whether the TLS port is bound, found by failing to bind it (the stack checked it was free before the
     * launch), not by connecting: the first TLS connection makes Netty build its JDK SSL context (and, in
     * IAM, load the Bouncy Castle provider with every named curve: 60 MB of allocation, about a second of
     * CPU under C1), work better left to the first real TLS client than done while the stack starts.
     * Asked only once the plain port has answered readiness: Quarkus opens both ports in the same start
     * step, so the probe's momentary bind does not stand in the way of the service's own.
     */
    private boolean tlsListening() {
        return tlsPort == null || !Ports.available(tlsPort);
    }

    public Service service() {
        return service;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM; a training JVM is given the time it takes to write its AOT cache. */
    public void stop() {
        stop(process.toHandle(), training ? TRAINING_GRACE : GRACE);
    }

    /** SIGKILL, as a crash: no shutdown hook runs. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final Duration GRACE = Duration.ofSeconds(5);
    static final Duration TRAINING_GRACE = Duration.ofSeconds(60);

    /** SIGTERM, then SIGKILL if the process has not gone within five seconds. */
    public static void stop(ProcessHandle handle) {
        stop(handle, GRACE);
    }

    private static void stop(ProcessHandle handle, Duration grace) {
        handle.descendants().forEach(ProcessHandle::destroy);
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().filter(c -> c.endsWith("java")).orElse("java");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
