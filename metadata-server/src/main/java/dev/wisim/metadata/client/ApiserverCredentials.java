package dev.wisim.metadata.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Authenticates the metadata server to a real cluster's API server with the bearer token of
 * {@code metadata.apiserver-token-file} ({@link dev.wisim.metadata.config.MetadataConfig#apiserverTokenFile()}) (a projected token: re-read every minute, as it rotates).
 * Without the setting, requests go as they are (wisim's API server on its plain port).
 */
public class ApiserverCredentials implements ClientRequestFilter {

    static final Duration REREAD = Duration.ofMinutes(1);

    private final Optional<Path> tokenFile = ConfigProvider.getConfig().getOptionalValue("metadata.apiserver-token-file", Path.class);
    private String token;
    private Instant readAt = Instant.MIN;

    @Override
    public void filter(ClientRequestContext request) throws IOException {
        if (tokenFile.isPresent()) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token(tokenFile.get()));
        }
    }

    private synchronized String token(Path file) throws IOException {
        if (token == null || Instant.now().isAfter(readAt.plus(REREAD))) {
            token = Files.readString(file).strip();
            readAt = Instant.now();
        }
        return token;
    }
}
