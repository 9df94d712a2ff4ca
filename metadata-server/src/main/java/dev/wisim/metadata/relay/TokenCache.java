package dev.wisim.metadata.relay;

import dev.wisim.metadata.client.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Tokens as the GKE metadata server hands them out: the same token again, with a falling lifetime,
 * until about five minutes remain; then one relay for a fresh one, however many callers ask at
 * once. A failed relay is not cached.
 */
@ApplicationScoped
public class TokenCache {

    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    /** A token and the instant it expires. */
    public record Token(String value, Instant expiresAt) {
    }

    private final Map<String, CompletableFuture<Token>> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public TokenCache(Clock clock) {
        this.clock = clock;
    }

    public Token get(String key, Supplier<Token> relay) {
        CompletableFuture<Token> known = entries.get(key);
        if (known != null && known.isDone() && !stale(known)) {
            return known.join();
        }
        // a relay to run, or another caller's to wait for
        Blocking.check();
        CompletableFuture<Token> mine = new CompletableFuture<>();
        CompletableFuture<Token> entry = entries.compute(key, (k, current) -> current == null || stale(current) ? mine : current);
        if (entry == mine) {
            try {
                mine.complete(relay.get());
            } catch (RuntimeException e) {
                entries.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return entry.join();
        } catch (CompletionException e) {
            // another caller's relay failed: its refusal is this caller's too
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** Forgets every token (the next request of each identity runs the relay). */
    public void clear() {
        entries.clear();
    }

    private boolean stale(CompletableFuture<Token> entry) {
        if (!entry.isDone()) {
            return false;
        }
        if (entry.isCompletedExceptionally()) {
            return true;
        }
        return !clock.instant().plus(REFRESH_MARGIN).isBefore(entry.join().expiresAt());
    }
}
