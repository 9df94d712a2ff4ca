package dev.wisim.apiserver.auth;

import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.apiserver.iam.IamClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
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

    private final IamClient iam;
    private final ApiserverConfig config;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public GoogleTokens(IamClient iam, ApiserverConfig config, Clock clock) {
        this.iam = iam;
        this.config = config;
        this.clock = clock;
    }

    /** The token's user, or empty when IAM does not know it (or no IAM is configured). */
    public Optional<User> authenticate(String token) {
        if (!iam.configured()) {
            return Optional.empty();
        }
        String key = digest(token);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.user());
        }
        Optional<Map<String, Object>> info = iam.tokenInfo(token);
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

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
