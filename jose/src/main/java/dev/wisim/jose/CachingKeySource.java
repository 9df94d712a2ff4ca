package dev.wisim.jose;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A JWKS fetched on demand and cached for {@code maxAge}; an unknown {@code kid} triggers a refetch,
 * but never more often than once per {@code minRefetchInterval} (so a stream of forged kids cannot
 * turn the verifier into a load generator).
 */
public final class CachingKeySource implements KeySource {

    private final Supplier<String> fetchJwks;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefetchInterval;
    private Jwks cached;
    private Instant fetchedAt;

    public CachingKeySource(Supplier<String> fetchJwks, Clock clock, Duration maxAge, Duration minRefetchInterval) {
        this.fetchJwks = fetchJwks;
        this.clock = clock;
        this.maxAge = maxAge;
        this.minRefetchInterval = minRefetchInterval;
    }

    @Override
    public synchronized Optional<PublicKey> byKid(String kid) {
        Jwks jwks = current();
        Optional<PublicKey> key = jwks.byKid(kid);
        if (key.isEmpty() && clock.instant().isAfter(fetchedAt.plus(minRefetchInterval))) {
            key = refetch().byKid(kid);
        }
        return key;
    }

    @Override
    public synchronized List<PublicKey> all() {
        return current().all();
    }

    private Jwks current() {
        if (cached == null || clock.instant().isAfter(fetchedAt.plus(maxAge))) {
            return refetch();
        }
        return cached;
    }

    private Jwks refetch() {
        try {
            cached = Jwks.parse(fetchJwks.get());
            fetchedAt = clock.instant();
            return cached;
        } catch (RuntimeException e) {
            if (cached != null) {
                fetchedAt = clock.instant();
                return cached;
            }
            throw new KeysUnavailableException("cannot fetch the JWKS: " + e.getMessage(), e);
        }
    }
}
