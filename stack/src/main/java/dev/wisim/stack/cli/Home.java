package dev.wisim.stack.cli;

import java.nio.file.Path;

/** Where wisim is installed ({@code WISIM_HOME}, set by the {@code wisim} script) and where its state lives. */
final class Home {

    private Home() {
    }

    static Path dir() {
        String home = System.getenv("WISIM_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    static Path state() {
        String state = System.getenv("WISIM_STATE_DIR");
        return state == null || state.isBlank() ? dir().resolve(".wisim") : Path.of(state).toAbsolutePath();
    }

    static Path pidFile() {
        return state().resolve("stack.pids");
    }
}
