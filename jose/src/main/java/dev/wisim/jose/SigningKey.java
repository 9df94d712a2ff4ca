package dev.wisim.jose;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;

/**
 * One RSA signing key. {@code retiredAt} is set once another key has taken over signing;
 * {@code signedUntil} is the latest expiry of a token it signed, so that a retired key keeps
 * verifying exactly as long as one of its tokens can still be presented.
 */
public record SigningKey(String kid, PrivateKey privateKey, PublicKey publicKey, Instant createdAt, Instant retiredAt,
                         Instant signedUntil) {

    public static final String ALGORITHM = "RS256";

    public SigningKey retire(Instant at) {
        return new SigningKey(kid, privateKey, publicKey, createdAt, at, signedUntil);
    }

    SigningKey signedUntil(Instant expiry) {
        return new SigningKey(kid, privateKey, publicKey, createdAt, retiredAt, expiry);
    }

    /** A retired key whose every token has expired is no longer needed. */
    boolean neededAt(Instant now) {
        return retiredAt == null || (signedUntil != null && signedUntil.isAfter(now));
    }

    public boolean active() {
        return retiredAt == null;
    }

    /** The public JWK in go-jose's member order (use, kty, kid, alg, n, e), as kube-apiserver serves it. */
    public Map<String, Object> publicJwk() {
        return Jwks.publicJwk(kid, (RSAPublicKey) publicKey);
    }
}
