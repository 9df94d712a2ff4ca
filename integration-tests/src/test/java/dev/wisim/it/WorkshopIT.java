package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The workshop guide cannot drift from the code: every solution script in {@code docs/workshop/solutions}
 * runs, in order, against a fresh stack of its own, and must exit 0 (each checks what its exercise shows).
 */
class WorkshopIT {

    private static final Path HOME = Path.of(System.getProperty("wisim.home", ".."));
    private static Stack stack;

    @BeforeAll
    static void start() throws IOException {
        for (String tool : List.of("bash", "curl", "jq", "kubectl", "tshark")) {
            CliTool.assumeInstalled(tool);
        }
        stack = Stack.builder().home(HOME).stateDir(Files.createTempDirectory("wisim-workshop-")).freePorts().start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySolutionRunsAsTheGuideSays() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(HOME.resolve("docs/workshop/solutions"))) {
            scripts = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.sh")).sorted().toList();
        }
        assertThat(scripts).as("the guide's exercises").hasSizeGreaterThanOrEqualTo(8);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            CliTool.Result result = CliTool.run(stack.clientEnvironment(), "bash", script.toAbsolutePath().toString());
            assertThat(result.exitCode()).as("%s\n--- stdout\n%s\n--- stderr\n%s", script.getFileName(), result.stdout(), result.stderr())
                    .isZero();
        }));
    }
}
