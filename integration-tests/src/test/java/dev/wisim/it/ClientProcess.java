package dev.wisim.it;

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
 * Runs a client program in a JVM of its own, with exactly the environment a user would export (the
 * client libraries read {@code GCE_METADATA_HOST} and friends from the process environment), a fresh
 * home and gcloud config, and nothing of this machine's credentials.
 */
public final class ClientProcess {

    public record Result(int exitCode, String output) {
    }

    private ClientProcess() {
    }

    public static Result run(Class<?> main, Map<String, String> environment, String... args) {
        try {
            Path home = Files.createTempDirectory("wisim-client-home-");
            List<String> command = new ArrayList<>(List.of(javaCommand(), "-Duser.home=" + home, "-cp", classpath(), main.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("GOOGLE_") || k.startsWith("GCE_") || k.startsWith("CLOUDSDK_"));
            builder.environment().putAll(environment);
            builder.environment().put("HOME", home.toString());
            builder.environment().put("CLOUDSDK_CONFIG", home.resolve("gcloud").toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(main.getSimpleName() + " did not finish:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
