package dev.wisim.metadata.relay;

import dev.wisim.metadata.pod.Workload;
import dev.wisim.metadata.relay.TokenCache.Token;
import dev.wisim.metadata.rest.MetadataException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * A workload's tokens, cached per identity as the GKE metadata server caches them. The identity is
 * the KSA and the GSA it is annotated with right now (read on every request), so a removed
 * annotation stops the GSA token at once, while a changed binding shows at the next refresh.
 */
@ApplicationScoped
public class WorkloadCredentials {

    private final TokenRelay relay;
    private final TokenCache cache;
    private final Clock clock;

    public WorkloadCredentials(TokenRelay relay, TokenCache cache, Clock clock) {
        this.relay = relay;
        this.cache = cache;
        this.clock = clock;
    }

    /** An access token and its remaining lifetime in seconds. */
    public record AccessToken(String token, long expiresIn) {
    }

    public AccessToken accessToken(Workload workload, List<String> scopes) {
        String key = identity(workload) + " scopes=" + new TreeSet<>(scopes);
        Token token = cache.get(key, () -> relay.accessToken(workload, scopes));
        return new AccessToken(token.value(), Math.max(0, Duration.between(clock.instant(), token.expiresAt()).toSeconds()));
    }

    /** @param full {@code format=full}: the token carries the account's email */
    public String idToken(Workload workload, String audience, boolean full) {
        if (workload.gsa().isEmpty()) {
            throw MetadataException.notAnnotated(workload.namespace(), workload.serviceAccount());
        }
        String key = identity(workload) + " audience=" + audience + " full=" + full;
        return cache.get(key, () -> relay.idToken(workload, audience, full)).value();
    }

    private static String identity(Workload workload) {
        return workload.namespace() + "/" + workload.serviceAccount() + " as " + workload.gsa().orElse("(federated)");
    }
}
