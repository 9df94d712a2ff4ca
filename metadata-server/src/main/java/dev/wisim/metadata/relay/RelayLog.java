package dev.wisim.metadata.relay;

import dev.wisim.metadata.pod.Workload;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The teaching view of the relay: one INFO line per hop (pod, KSA, GSA, hop, outcome, latency), and
 * the most recent relays with their hops, for {@code /_sim/relays}.
 */
@ApplicationScoped
public class RelayLog {

    static final int KEPT = 50;

    private final Deque<Relay> recent = new ArrayDeque<>();

    /**
     * One hop of a relay: which service was asked, what it answered, how long it took, and what the
     * token it gave is (null when it gave none).
     */
    public record Hop(String hop, int status, long millis, TokenView token) {
    }

    /**
     * One relay: who asked for what, its hops, what it took from the cache instead of a hop (a pod's
     * federated token), and how it ended ({@code ok} or the refusal).
     */
    public record Relay(Instant at, String pod, String ksa, String gsa, String kind, List<Hop> hops, List<String> reused,
                        String outcome) {
    }

    /** A relay under way: hops are added as they happen. */
    public final class Recorder {

        private final Workload workload;
        private final String kind;
        private final List<Hop> hops = new ArrayList<>();
        private final List<String> reused = new ArrayList<>();
        private final Instant started = Instant.now();

        private Recorder(Workload workload, String kind) {
            this.workload = workload;
            this.kind = kind;
        }

        public void hop(String hop, int status, long startedNanos) {
            hop(hop, status, startedNanos, null);
        }

        public void hop(String hop, int status, long startedNanos, TokenView token) {
            long millis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
            hops.add(new Hop(hop, status, millis, token));
            Log.infof("relay %s: %s → %d (%d ms)", workload.describe(), hop, status, millis);
        }

        /** A hop the relay did not make: what it had from the cache. */
        public void reused(String what) {
            reused.add(what);
            Log.infof("relay %s: %s from the cache", workload.describe(), what);
        }

        public void finish(String outcome) {
            Relay relay = new Relay(started, workload.podName() == null ? null : workload.namespace() + "/" + workload.podName(),
                    workload.namespace() + "/" + workload.serviceAccount(), workload.gsa().orElse(null), kind, List.copyOf(hops),
                    List.copyOf(reused), outcome);
            synchronized (recent) {
                recent.addFirst(relay);
                while (recent.size() > KEPT) {
                    recent.removeLast();
                }
            }
        }
    }

    public Recorder start(Workload workload, String kind) {
        return new Recorder(workload, kind);
    }

    /** The most recent relays, newest first. */
    public List<Relay> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
