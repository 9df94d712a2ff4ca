package dev.wisim.apiserver.watch;

import dev.wisim.apiserver.cluster.WatchEvent;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * One open watch: the events the store hands it (from any thread, in order) queued and written on the
 * connection's own event loop, as fast as the client reads them. A client that falls
 * {@value #MAX_QUEUED} events behind is cut off, as kube-apiserver cuts off unresponsive watchers;
 * it lists again.
 */
final class WatchStream {

    static final int MAX_QUEUED = 10_000;

    private final Context context;
    private final WatchOutput output;
    private final Function<WatchEvent, String> encoder;
    private final ArrayDeque<WatchEvent> queue = new ArrayDeque<>();
    private final String description;
    private Runnable onClose = () -> { };
    private boolean draining;
    private boolean closed;

    WatchStream(Context context, WatchOutput output, Function<WatchEvent, String> encoder, String description) {
        this.context = context;
        this.output = output;
        this.encoder = encoder;
        this.description = description;
        output.onClosed(this::close);
    }

    /** What to do once the stream ends, whoever ends it (stop the subscription, cancel timers); at once if it has. */
    void onClose(Runnable then) {
        synchronized (this) {
            if (!closed) {
                this.onClose = then;
                return;
            }
        }
        then.run();
    }

    /** From the store, under its lock: only queues. */
    void accept(WatchEvent event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= MAX_QUEUED) {
                Log.warnf("closing the watch %s: the client is %d events behind", description, queue.size());
                context.runOnContext(v -> close());
                return;
            }
            queue.add(event);
            if (draining) {
                return;
            }
            draining = true;
        }
        context.runOnContext(v -> drain());
    }

    /** A last event (an {@code ERROR}), then the end. */
    void fail(String error) {
        context.runOnContext(v -> {
            if (!isClosed()) {
                output.write(error);
            }
            close();
        });
    }

    void close() {
        Runnable then;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            then = onClose;
        }
        then.run();
        context.runOnContext(v -> output.end());
    }

    private void drain() {
        while (true) {
            WatchEvent event;
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (output.full()) {
                    output.onDrain(this::drain);
                    return;
                }
                event = queue.poll();
                if (event == null) {
                    draining = false;
                    return;
                }
            }
            output.write(encoder.apply(event));
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }
}
