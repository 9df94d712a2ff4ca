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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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

    /**
     * Access tokens through tokeninfo; ID tokens (a JWT rather than an opaque {@code ya29.} token)
     * through tokeninfo's {@code id_token}, which checks them against IAM's certificates. A Google
     * account's token without the email scope names it by unique id only, which IAM resolves; a
     * federated workload's members (its principal sets) are IAM's to tell, as Google's backplane does.
     */
    private Caller ask(String token, Instant now) {
        boolean idToken = !token.startsWith("ya29.") && token.chars().filter(c -> c == '.').count() == 2;
        Map<String, Object> info = read(idToken ? () -> iam.idTokenInfo(token) : () -> iam.tokenInfo(token));
        if (info == null) {
            throw StorageException.invalidCredentials();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong((String) info.get("exp")));
        Instant bound = now.plus(config.tokenCacheMax());
        Instant until = expires.isBefore(bound) ? expires : bound;
        if (info.get("email") instanceof String email) {
            return Caller.google(email, until);
        }
        String subject = (String) info.get("sub");
        if (subject != null && subject.chars().allMatch(Character::isDigit)) {
            Map<String, Object> account = read(() -> iam.account(subject));
            if (account != null && account.get("email") instanceof String email) {
                return Caller.google(email, until);
            }
        }
        Map<String, Object> caller = read(() -> iam.caller("Bearer " + token));
        if (caller == null || !(caller.get("members") instanceof List<?> members)) {
            throw StorageException.invalidCredentials();
        }
        return Caller.federated(subject, members.stream().map(String::valueOf).collect(Collectors.toSet()), until);
    }

    /** A JSON answer of IAM, or null when it answers anything but 200. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> read(java.util.function.Supplier<Response> call) {
        try (Response response = call.get()) {
            return response.getStatus() == 200 ? response.readEntity(Map.class) : null;
        } catch (ProcessingException e) {
            Log.warnf("cannot reach IAM at %s: %s", config.iamUrl(), e.getMessage());
            throw StorageException.backendError();
        }
    }
}
