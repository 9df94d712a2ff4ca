package dev.wisim.stack.cli;

import dev.wisim.stack.StackFiles;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wisim env}: {@code export} lines that point clients at the running stack. */
@Command(name = "env", description = "Print export lines that point gcloud, kubectl and the client libraries at the stack.")
final class EnvCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Map<String, String> env;
        try {
            env = StackFiles.readEnv(Home.state());
        } catch (RuntimeException e) {
            System.err.println("wisim: " + e.getMessage() + "; start it with ./wisim up");
            return 1;
        }
        env.forEach((key, value) -> System.out.println("export " + key + "='" + value.replace("'", "'\\''") + "'"));
        return 0;
    }
}
