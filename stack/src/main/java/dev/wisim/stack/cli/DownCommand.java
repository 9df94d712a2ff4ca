package dev.wisim.stack.cli;

import dev.wisim.stack.process.Concurrently;
import dev.wisim.stack.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wisim down}: stops a stack started with {@code wisim up -d}. */
@Command(name = "down", description = "Stop the stack started with 'wisim up -d'.")
final class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        Path pids = Home.pidFile();
        if (!Files.exists(pids)) {
            System.out.println("wisim: no stack is running here");
            return 0;
        }
        List<String> lines = Files.readAllLines(pids);
        Concurrently.runAll(lines.stream().filter(l -> l.contains(" ")).<Runnable>map(line -> () -> {
            String[] parts = line.split(" ");
            ProcessHandle.of(Long.parseLong(parts[1])).filter(DownCommand::isWisimService).ifPresent(handle -> {
                ServiceProcess.stop(handle);
                System.out.println("stopped " + parts[0] + " (pid " + parts[1] + ")");
            });
        }).toList());
        Files.delete(pids);
        return 0;
    }

    /** Only a process that runs a packaged wisim service is stopped, never whatever reused the pid. */
    private static boolean isWisimService(ProcessHandle handle) {
        return handle.info().commandLine().map(c -> c.contains("quarkus-run.jar")).orElse(true);
    }
}
