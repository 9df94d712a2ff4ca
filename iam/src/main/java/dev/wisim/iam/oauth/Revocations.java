package dev.wisim.iam.oauth;

import dev.wisim.durable.StateDb;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Tokens revoked before they expired ({@code /revoke}). Tokens carry their own validity, so a
 * revocation is remembered (by the token's SHA-256) exactly until the token would have expired anyway.
 */
@ApplicationScoped
public class Revocations {

    private final Map<String, Instant> revoked;
    private final Clock clock;

    public Revocations(Clock clock, StateDb db) {
        this.clock = clock;
        this.revoked = db.map("revocations", Instant.class, new HashMap<>());
    }

    public synchronized void revoke(String token, Instant expiresAt) {
        Instant now = clock.instant();
        revoked.values().removeIf(expiry -> !expiry.isAfter(now));
        revoked.put(digest(token), expiresAt);
    }

    public synchronized boolean isRevoked(String token) {
        return !revoked.isEmpty() && revoked.containsKey(digest(token));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
