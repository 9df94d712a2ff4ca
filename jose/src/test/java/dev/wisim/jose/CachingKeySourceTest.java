package dev.wisim.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachingKeySourceTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void refetchesOnUnknownKidButNotMoreOftenThanTheFloor() {
        KeyRing ring = KeyRing.inMemory(clock);
        AtomicReference<String> served = new AtomicReference<>(CanonicalJson.write(KeyRing.inMemory(clock).publicJwks()));
        AtomicInteger fetches = new AtomicInteger();
        CachingKeySource source = new CachingKeySource(() -> {
            fetches.incrementAndGet();
            return served.get();
        }, clock, Duration.ofHours(1), Duration.ofSeconds(10));

        assertThat(source.byKid(ring.active().kid())).isEmpty();
        assertThat(fetches).hasValue(1);

        served.set(CanonicalJson.write(ring.publicJwks()));
        assertThat(source.byKid(ring.active().kid())).as("within the refetch floor").isEmpty();
        assertThat(fetches).hasValue(1);

        now.set(now.get().plusSeconds(11));
        assertThat(source.byKid(ring.active().kid())).isPresent();
        assertThat(fetches).hasValue(2);
    }
}
