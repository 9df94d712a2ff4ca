package dev.wisim.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    @Test
    void runsEveryTaskAtOnceWhateverTheNumberOfCores() {
        // each task waits for all the others to have begun, as a readiness poll or an HTTP call blocks
        // (sleeping, not in a lock a fork-join pool would make up for): one after another, they time out.
        // On Java 25 the common pool fails it; Java 17's CompletableFuture never runs on a pool that small
        int tasks = Runtime.getRuntime().availableProcessors() + 3;
        AtomicInteger begun = new AtomicInteger();
        Concurrently.runAll(IntStream.range(0, tasks).<Runnable>mapToObj(i -> () -> {
            begun.incrementAndGet();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (begun.get() < tasks) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + begun.get() + " of " + tasks + " tasks ran side by side");
                }
                sleep();
            }
        }).toList());
        assertThat(begun).hasValue(tasks);
    }

    @Test
    void throwsATasksFailureAsItWas() {
        assertThatThrownBy(() -> Concurrently.runAll(List.<Runnable>of(() -> { }, () -> {
            throw new IllegalArgumentException("port 8082 is already in use");
        }))).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("port 8082 is already in use");
        assertThat(Concurrently.join(Concurrently.supply(() -> "key"))).isEqualTo("key");
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
