package dev.wisim.iam.token;

import dev.wisim.iam.policy.Principal;
import java.time.Instant;
import java.util.List;

/**
 * What an access token stands for, once verified.
 *
 * @param clientId the numeric OAuth client the token was issued to (a service account's unique id),
 *                 or null for federated tokens
 */
public record ResolvedToken(Principal principal, List<String> scopes, Instant issuedAt, Instant expiresAt, String clientId) {

    public boolean federated() {
        return principal.email() == null;
    }
}
