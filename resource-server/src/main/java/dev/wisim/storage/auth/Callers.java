package dev.wisim.storage.auth;

import dev.wisim.storage.client.IamClient;
import dev.wisim.storage.config.StorageConfig;
import dev.wisim.storage.rest.StorageException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Resolves bearer tokens through IAM's tokeninfo, as Google's resource servers ask OAuth2. A result is
 * cached no longer than the token's expiry and at most {@code storage.token-cache-max}.
 */
@ApplicationScoped
public class Callers {

    private final IamClient iam;
    private final StorageConfig config;
    private final Clock clock;
    private final Map<String, Caller> cache = new ConcurrentHashMap<>();

    public Callers(@RestClient IamClient iam, StorageConfig config, Clock clock) {
        this.iam = iam;
        this.config = config;
        this.clock = clock;
    }

    /** The caller behind an {@code Authorization} header; anonymous without one; 401 for a token IAM does not know. */
    public Caller resolve(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Caller.anonymous();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            throw StorageException.invalidCredentials();
        }
        String token = authorization.substring(7).trim();
        Instant now = clock.instant();
        Caller cached = cache.get(token);
        if (cached != null && now.isBefore(cached.trustedUntil())) {
            return cached;
        }
        cache.remove(token);
        Caller caller = ask(token, now);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(token, caller);
        return caller;
    }

    @SuppressWarnings("unchecked")
    private Caller ask(String token, Instant now) {
        Map<String, Object> info;
        try (Response response = iam.tokenInfo(token)) {
            if (response.getStatus() != 200) {
                throw StorageException.invalidCredentials();
            }
            info = response.readEntity(Map.class);
        } catch (ProcessingException e) {
            Log.warnf("cannot reach IAM at %s: %s", config.iamUrl(), e.getMessage());
            throw StorageException.backendError();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong((String) info.get("exp")));
        Instant bound = now.plus(config.tokenCacheMax());
        Instant until = expires.isBefore(bound) ? expires : bound;
        Object email = info.get("email");
        return email instanceof String e ? Caller.google(e, until) : Caller.federated((String) info.get("sub"), until);
    }
}
