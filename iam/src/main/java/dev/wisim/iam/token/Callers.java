package dev.wisim.iam.token;

import dev.wisim.iam.oauth.Revocations;
import dev.wisim.iam.rest.IamException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Resolves any access token this world issues, and authenticates API callers by their bearer token. */
@ApplicationScoped
public class Callers {

    private final AccessTokens accessTokens;
    private final FederatedTokens federatedTokens;
    private final Revocations revocations;

    public Callers(AccessTokens accessTokens, FederatedTokens federatedTokens, Revocations revocations) {
        this.accessTokens = accessTokens;
        this.federatedTokens = federatedTokens;
        this.revocations = revocations;
    }

    /** What the access token stands for, if this world issued it and it has not been revoked. */
    public Optional<ResolvedToken> resolve(String token) {
        if (token == null || revocations.isRevoked(token)) {
            return Optional.empty();
        }
        return accessTokens.resolve(token).or(() -> federatedTokens.resolve(token));
    }

    /** The caller behind an {@code Authorization: Bearer} header; 401 UNAUTHENTICATED otherwise. */
    public ResolvedToken authenticate(String authorization) {
        return bearer(authorization).flatMap(this::resolve).orElseThrow(IamException::unauthenticated);
    }

    public static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
