package dev.wisim.iam.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The most recent permission denials with their reasons, newest first, for {@code GET /_sim/denials}. */
@ApplicationScoped
public class DenialLog {

    static final int CAPACITY = 100;

    private final Deque<Decision> recent = new ArrayDeque<>();

    public synchronized void record(Decision decision) {
        recent.addFirst(decision);
        while (recent.size() > CAPACITY) {
            recent.removeLast();
        }
    }

    public synchronized List<Decision> recent() {
        return new ArrayList<>(recent);
    }

    public synchronized void clear() {
        recent.clear();
    }
}
