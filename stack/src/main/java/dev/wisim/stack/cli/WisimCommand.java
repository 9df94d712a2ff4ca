package dev.wisim.stack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wisim}: run the Workload Identity simulator on this machine. */
@Command(name = "wisim", mixinStandardHelpOptions = true, version = "wisim 0.1.0",
        description = "A local simulator of GKE Workload Identity's token relay.",
        subcommands = {UpCommand.class, DownCommand.class, EnvCommand.class, ApplyCommand.class, RegisterClusterCommand.class,
                TrainCommand.class, TraceCommand.class, TlsCommand.class})
public final class WisimCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WisimCommand()).execute(args));
    }
}
