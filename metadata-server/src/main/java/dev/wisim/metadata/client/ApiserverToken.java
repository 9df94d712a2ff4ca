package dev.wisim.metadata.client;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bearer token the metadata server presents to a real cluster's API server: the projected
 * service-account token of {@code metadata.apiserver-token-file}, read again every minute, as the
 * kubelet rotates it.
 */
final class ApiserverToken implements OAuthTokenProvider {

    static final Duration REREAD = Duration.ofMinutes(1);

    private final Path file;
    private final Clock clock;
    private String token;
    private Instant readAt = Instant.MIN;

    ApiserverToken(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public synchronized String getToken() {
        Instant now = clock.instant();
        if (token == null || now.isAfter(readAt.plus(REREAD))) {
            try {
                token = Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the API server token " + file, e);
            }
            readAt = now;
        }
        return token;
    }
}
