package dev.wisim.stack.process;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a few blocking tasks side by side, each on a thread of its own: waiting for services, calling
 * their APIs, stopping them. Not on the common fork-join pool, which parallel streams and, on Java 25,
 * {@code CompletableFuture.runAsync} use: it has one thread fewer than there are cores, so on a
 * two-core machine it ran the scenario's parts and the readiness waits one after another (Java 17's
 * {@code runAsync} starts a thread per task when the pool is that small; Java 25's no longer does).
 */
public final class Concurrently {

    private static final Executor OWN_THREAD = task -> {
        Thread thread = new Thread(task, "wisim-task");
        thread.setDaemon(true);
        thread.start();
    };

    private Concurrently() {
    }

    public static <T> CompletableFuture<T> supply(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, OWN_THREAD);
    }

    public static CompletableFuture<Void> run(Runnable task) {
        return CompletableFuture.runAsync(task, OWN_THREAD);
    }

    /** Runs every task at once and returns when all have ended; the first failure is thrown as it was. */
    public static void runAll(Collection<? extends Runnable> tasks) {
        joinAll(tasks.stream().map(Concurrently::run).toArray(CompletableFuture[]::new));
    }

    /** Returns when every future has ended; the first failure is thrown as it was. */
    public static void joinAll(CompletableFuture<?>... futures) {
        join(CompletableFuture.allOf(futures));
    }

    /** The future's value; a task's own unchecked exception is thrown as it was, not wrapped. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
