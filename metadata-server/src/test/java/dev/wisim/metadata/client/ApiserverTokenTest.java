package dev.wisim.metadata.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inside a real cluster the metadata server authenticates with its projected token, read again as the kubelet rotates it. */
class ApiserverTokenTest {

    @Test
    void readsTheTokenFileAndAgainAfterAMinute(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "first-token\n");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
        Clock clock = new Clock() {
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
        ApiserverToken token = new ApiserverToken(file, clock);
        assertThat(token.getToken()).isEqualTo("first-token");
        Files.writeString(file, "rotated-token\n");
        now.set(now.get().plusSeconds(30));
        assertThat(token.getToken()).isEqualTo("first-token");
        now.set(now.get().plusSeconds(31));
        assertThat(token.getToken()).isEqualTo("rotated-token");
    }
}
