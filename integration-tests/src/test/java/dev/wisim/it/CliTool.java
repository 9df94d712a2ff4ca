package dev.wisim.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An installed command-line client ({@code gcloud}, {@code kubectl}), run with a fresh {@code HOME}
 * and {@code CLOUDSDK_CONFIG} so that it neither reads nor writes this machine's configuration, and
 * with only the environment given. Absent, its tests are skipped — except in CI ({@code CI=true}),
 * where a missing binary is a failure.
 */
public final class CliTool {

    public record Result(int exitCode, String stdout, String stderr) {
    }

    private CliTool() {
    }

    public static void assumeInstalled(String binary) {
        assumeTrueOrFailInCi(onPath(binary), binary + " is not installed");
    }

    /** Skips the test unless {@code condition} holds; in CI ({@code CI=true}) fails it instead, for its tests must run there. */
    public static void assumeTrueOrFailInCi(boolean condition, String whyNot) {
        if (!condition && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(whyNot + ", and CI=true: its tests must run in CI");
        }
        assumeTrue(condition, whyNot);
    }

    /** One command in a home of its own. */
    public static Result run(Map<String, String> environment, String binary, String... args) {
        return session(environment).run(binary, args);
    }

    /** Several commands sharing one fresh home (so that {@code gcloud auth activate-service-account} lasts). */
    public static Session session(Map<String, String> environment) {
        try {
            return new Session(environment, Files.createTempDirectory("wisim-cli-home-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh {@code HOME} and {@code CLOUDSDK_CONFIG}, and the environment every command of the session runs with. */
    public record Session(Map<String, String> environment, Path home) {

        private ProcessBuilder builder(String binary, String... args) {
            List<String> command = new ArrayList<>(List.of(binary));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("GOOGLE_") || k.startsWith("GCE_") || k.startsWith("CLOUDSDK_"));
            builder.environment().putAll(environment);
            builder.environment().put("HOME", home.toString());
            builder.environment().put("CLOUDSDK_CONFIG", home.resolve("gcloud").toString());
            builder.environment().put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
            builder.environment().put("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING", "true");
            builder.environment().put("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "true");
            builder.environment().put("CLOUDSDK_SURVEY_DISABLE_PROMPTS", "1");
            return builder;
        }

        public Result run(String binary, String... args) {
            try {
                ProcessBuilder builder = builder(binary, args);
                Path stderr = Files.createTempFile(home, "stderr-", ".txt");
                Process process = builder.redirectError(stderr.toFile()).start();
                String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(binary + " " + String.join(" ", args) + " did not finish");
                }
                return new Result(process.exitValue(), stdout, Files.readString(stderr));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Starts the command and returns at once: for commands that run until stopped ({@code kubectl get -w}). */
        public Background start(String binary, String... args) {
            try {
                Path output = Files.createTempFile(home, "output-", ".txt");
                return new Background(builder(binary, args).redirectErrorStream(true).redirectOutput(output.toFile()).start(), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Runs the command and fails the test, showing its stderr, unless it succeeds. */
        public String ok(String binary, String... args) {
            Result result = run(binary, args);
            if (result.exitCode() != 0) {
                throw new AssertionError(binary + " " + String.join(" ", args) + " exited with " + result.exitCode() + ":\n"
                        + result.stderr());
            }
            return result.stdout();
        }
    }

    /** A command running in the background; its stdout and stderr together, as far as written. */
    public record Background(Process process, Path outputFile) implements AutoCloseable {

        public String output() {
            try {
                return Files.readString(outputFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits (up to 30 s) until the output contains {@code text}; fails the test otherwise. */
        public String awaitOutput(String text) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String now = output();
                if (now.contains(text)) {
                    return now;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("no \"" + text + "\" in the output within 30 s:\n" + output());
        }

        /** Waits (up to 30 s) for the command to end by itself; its exit code. */
        public int awaitExit() throws InterruptedException {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("still running after 30 s:\n" + output());
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    }
}
