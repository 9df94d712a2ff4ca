package dev.wisim.sts.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.jose.CachingKeySource;
import dev.wisim.jose.KeySource;
import dev.wisim.sts.config.StsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An issuer's signing keys, found the OIDC way ({@code ISSUER/.well-known/openid-configuration} →
 * {@code jwks_uri}) and cached per issuer. {@code https://container.googleapis.com} resolves to the
 * configured GKE API of this world, as a DNS entry would. Issuers served over TLS are trusted through
 * the JDK's roots and, when configured, the stack's local CA.
 */
@ApplicationScoped
public class OidcKeys {

    static final String GKE_API = "https://container.googleapis.com";

    private final StsConfig config;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Map<String, KeySource> byIssuer = new ConcurrentHashMap<>();

    public OidcKeys(StsConfig config, Clock clock, ObjectMapper mapper) {
        this.config = config;
        this.clock = clock;
        this.mapper = mapper;
        // HTTP/1.1: the JDK client's default, HTTP/2, tries an h2c upgrade on every plain-http issuer,
        // which gains nothing for two small documents
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2));
        config.caFile().ifPresent(ca -> builder.sslContext(TrustedCa.sslContext(ca)));
        this.http = builder.build();
    }

    public KeySource forIssuer(String issuer) {
        return byIssuer.computeIfAbsent(issuer, i -> new CachingKeySource(() -> fetchJwks(i), clock,
                config.jwksMaxAge(), config.jwksRefetchInterval()));
    }

    /** An issuer whose JWKS address is known without discovery (a GKE cluster registered in its pool). */
    public KeySource forJwksUri(String issuer, String jwksUri) {
        return byIssuer.computeIfAbsent(issuer + " " + jwksUri, i -> new CachingKeySource(() -> get(jwksUri), clock,
                config.jwksMaxAge(), config.jwksRefetchInterval()));
    }

    private String fetchJwks(String issuer) {
        String discovery = get(issuer + "/.well-known/openid-configuration");
        try {
            Object jwksUri = mapper.readValue(discovery, Map.class).get("jwks_uri");
            if (!(jwksUri instanceof String uri)) {
                throw new IllegalStateException("the discovery document of " + issuer + " has no jwks_uri");
            }
            return get(uri);
        } catch (IOException e) {
            throw new IllegalStateException("the discovery document of " + issuer + " is not JSON", e);
        }
    }

    private String get(String url) {
        String resolved = url.startsWith(GKE_API + "/") ? stripSlash(config.containerApiUrl()) + url.substring(GKE_API.length()) : url;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(resolved))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
