package dev.wisim.apiserver.auth;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GKE's authenticator for Google OAuth2 access tokens (what {@code gke-gcloud-auth-plugin} hands
 * kubectl): the token is checked with IAM's tokeninfo; the user is the account's email when the token
 * carries the {@code userinfo.email} scope, else its numeric id, in group {@code system:authenticated}.
 * A checked token is trusted for the token webhook cache's TTL (two minutes) or until it expires,
 * whichever is sooner; a token IAM refuses is not cached.
 */
@ApplicationScoped
public class GoogleTokens {

    private record Cached(User user, Instant until) {
    }

    private final ApiserverConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public GoogleTokens(ApiserverConfig config, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The token's user, or empty when IAM does not know it (or no IAM is configured). */
    public Optional<User> authenticate(String token) {
        if (config.iamUrl().isEmpty()) {
            return Optional.empty();
        }
        String key = digest(token);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.user());
        }
        Optional<Map<String, Object>> info = tokenInfo(token);
        if (info.isEmpty()) {
            cache.remove(key);
            return Optional.empty();
        }
        String sub = String.valueOf(info.get().get("sub"));
        Object email = info.get().get("email");
        User user = new User(email instanceof String e && !e.isEmpty() ? e : sub, sub, List.of("system:authenticated"), Map.of());
        Instant expires = info.get().get("exp") instanceof String exp && exp.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(exp)) : now;
        Instant until = now.plus(config.googleTokenCacheTtl());
        if (cache.size() > 10_000) {
            cache.values().removeIf(c -> !now.isBefore(c.until()));
        }
        cache.put(key, new Cached(user, expires.isBefore(until) ? expires : until));
        return Optional.of(user);
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> tokenInfo(String token) {
        URI uri = URI.create(config.iamUrl().get() + "/oauth2/v3/tokeninfo?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(mapper.readValue(response.body(), Map.class));
        } catch (IOException e) {
            Log.warnf("IAM's tokeninfo could not be reached: %s", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
