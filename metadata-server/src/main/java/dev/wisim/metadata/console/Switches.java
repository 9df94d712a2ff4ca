package dev.wisim.metadata.console;

import dev.wisim.metadata.config.MetadataConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The workshop's switches at the services that mint and check the relay's tokens — a clock skew and
 * a key rotation now at the API server, STS and IAM — reached through the metadata server, so that the
 * console, served from here, needs no other origin.
 */
@ApplicationScoped
public class Switches {

    /** A service's answer, passed on as it came. */
    public record Answer(int status, String body) {
    }

    private final Map<String, String> services;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public Switches(MetadataConfig config) {
        this.services = Map.of("apiserver", config.apiserverUrl(), "sts", config.stsUrl(), "iam", config.iamUrl());
    }

    /** @param method {@code GET}, {@code PUT} (with a JSON body) or {@code DELETE} of {@code /_sim/clock} */
    public Answer clock(String service, String method, String body) {
        return send(service, "/_sim/clock", method, body);
    }

    public Answer rotateKeys(String service) {
        return send(service, "/_sim/keys:rotate", "POST", "");
    }

    private Answer send(String service, String path, String method, String body) {
        String base = services.get(service);
        if (base == null) {
            throw new IllegalArgumentException("unknown service " + service + "; the services are apiserver, sts and iam");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null || body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return unreachable(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(service);
        }
    }

    private static Answer unreachable(String service) {
        return new Answer(502, "{\"error\":\"" + service + " did not answer\"}");
    }
}
