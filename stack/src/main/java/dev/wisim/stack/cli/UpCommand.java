package dev.wisim.stack.cli;

import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import dev.wisim.stack.StackFiles;
import dev.wisim.stack.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wisim up}: start the five services, apply the scenario, say where everything is. */
@Command(name = "up", description = "Start the five services, apply a scenario (the article's by default) and print where"
        + " everything is. Ctrl-C stops them.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "-d", description = "Run in the background; return once every service is ready (stop with 'wisim down').")
    boolean detached;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario YAML file instead of the default one.")
    Path scenarioFile;

    @Option(names = "--fresh", description = "Forget what an earlier stack left (keys, objects, pod volumes, client files) and start"
            + " from the scenario alone; the local CA stays.")
    boolean fresh;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (Files.exists(Home.pidFile()) && Files.readAllLines(Home.pidFile()).stream()
                .anyMatch(l -> ProcessHandle.of(Long.parseLong(l.split(" ")[1])).map(ProcessHandle::isAlive).orElse(false))) {
            System.err.println("wisim: a stack is already running here (" + Home.pidFile() + "); stop it with ./wisim down");
            return 1;
        }
        Stack stack;
        long started = System.nanoTime();
        try {
            Scenario scenario = scenarioFile == null ? Scenario.defaultScenario() : Scenario.load(scenarioFile);
            if (fresh) {
                StackFiles.forgetWorld(Home.state());
            }
            System.out.println("wisim: starting the five services" + (scenarioFile == null ? "" : " for " + scenarioFile) + " ...");
            stack = Stack.builder().home(Home.dir()).stateDir(Home.state()).scenario(scenario).detached(detached).start();
        } catch (Stack.PortInUseException e) {
            System.err.println("wisim: cannot start:\n" + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("wisim: cannot start: " + e.getMessage());
            return 1;
        }
        Files.writeString(Home.pidFile(), stack.pids().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        print(stack, (System.nanoTime() - started) / 1_000_000, detached);
        if (detached) {
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nwisim: stopping ...");
            stack.close();
            try {
                Files.deleteIfExists(Home.pidFile());
            } catch (IOException ignored) {
                // nothing left to clean
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    private static void print(Stack stack, long totalMillis, boolean detached) {
        Path state = stack.stateDir();
        Path here = Path.of("").toAbsolutePath();
        String env = (state.startsWith(here) ? here.relativize(state) : state).resolve(StackFiles.ENV_FILE).toString();
        System.out.printf("%nwisim is up in %.1f s: project %s (number %s), cluster %s%n%n", totalMillis / 1000.0,
                stack.projectId(), stack.projectNumber(), stack.scenario().cluster().name());
        System.out.printf("  %-16s %-24s %s%n", "SERVICE", "URL", "READY IN");
        for (Service service : Service.values()) {
            System.out.printf("  %-16s %-24s %.1f s%n", service.module(), stack.url(service), stack.readyIn(service).toMillis() / 1000.0);
        }
        System.out.printf("  %-16s %-24s %.1f s%n", "(scenario)", "applied through the APIs", stack.scenarioAppliedIn().toMillis() / 1000.0);
        Map<String, String> client = stack.clientEnvironment();
        System.out.println();
        System.out.println("Point clients at it (the variables are in " + env + "; ./wisim env prints them as exports):");
        System.out.println("  set -a; . " + env + "; set +a");
        System.out.println("  TOKEN=$(curl -s -H 'Metadata-Flavor: Google' \\");
        System.out.println("    http://$GCE_METADATA_HOST/computeMetadata/v1/instance/service-accounts/default/token \\");
        System.out.println("    | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" $WISIM_IAM_URL/oauth2/v1/tokeninfo");
        stack.scenario().bucketsOrEmpty().stream().filter(b -> b.objects() != null && !b.objects().isEmpty()).findFirst()
                .ifPresent(b -> System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" \"$WISIM_STORAGE_URL/storage/v1/b/"
                        + b.name() + "/o/" + b.objects().get(0).name() + "?alt=media\""));
        System.out.println("  kubectl get --raw /api/v1/namespaces/demo/serviceaccounts/test-ksa   (KUBECONFIG=" + client.get("KUBECONFIG") + ")");
        System.out.println();
        System.out.println("Watch the relays in a browser: " + client.get("WISIM_CONSOLE_URL") + " (or ./wisim trace in a terminal)");
        System.out.println();
        System.out.println("Logs are in " + state.resolve("logs") + ". "
                + (detached ? "Stop it with ./wisim down." : "Ctrl-C stops everything."));
    }
}
