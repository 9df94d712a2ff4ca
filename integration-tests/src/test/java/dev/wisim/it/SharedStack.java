package dev.wisim.it;

import dev.wisim.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stack for the whole test run: the five packaged services as processes on free ports, with the
 * default scenario, a fresh state directory, stopped when the run ends. Inject it as a {@link Stack}
 * parameter.
 */
public final class SharedStack implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class).stack;
    }

    /** Closed by JUnit when the root context closes, at the end of the run. */
    static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        final Stack stack;

        Running() {
            try {
                Path state = Files.createTempDirectory("wisim-it-");
                stack = Stack.builder().home(Path.of(System.getProperty("wisim.home", ".."))).stateDir(state).freePorts().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
