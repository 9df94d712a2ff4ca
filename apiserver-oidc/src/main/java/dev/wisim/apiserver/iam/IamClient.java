package dev.wisim.apiserver.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.apiserver.config.ApiserverConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API server's two questions to IAM ({@code apiserver.iam-url}): what a Google access token is
 * (tokeninfo v3), and which permissions a member holds on the cluster's project
 * ({@code /_sim/test-permissions}). IAM unreachable or refusing is an empty answer, logged.
 */
@ApplicationScoped
public class IamClient {

    private final ApiserverConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public IamClient(ApiserverConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    public boolean configured() {
        return config.iamUrl().isPresent();
    }

    /** tokeninfo v3 for an access token; empty when IAM does not know it. */
    public Optional<Map<String, Object>> tokenInfo(String token) {
        return call(HttpRequest.newBuilder(URI.create(config.iamUrl().orElseThrow() + "/oauth2/v3/tokeninfo?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET(), "tokeninfo");
    }

    /** @param member {@code user:EMAIL} or {@code serviceAccount:EMAIL}; @return the permissions held, of those asked */
    public List<?> heldPermissions(String member, List<String> permissions, boolean enforced) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(Map.of("member", member, "resource", "projects/" + config.projectId(),
                    "permissions", permissions, "enforced", enforced));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return call(HttpRequest.newBuilder(URI.create(config.iamUrl().orElseThrow() + "/_sim/test-permissions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)), "the permission check of " + member)
                .map(answer -> answer.get("permissions") instanceof List<?> held ? held : List.of())
                .orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> call(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                if (response.statusCode() >= 500) {
                    Log.warnf("IAM answered %d to %s", response.statusCode(), what);
                } else {
                    Log.debugf("IAM answered %d to %s", response.statusCode(), what);
                }
                return Optional.empty();
            }
            return Optional.of(mapper.readValue(response.body(), Map.class));
        } catch (IOException e) {
            Log.warnf("IAM could not be asked for %s: %s", what, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
