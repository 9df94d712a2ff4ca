package dev.wisim.iam.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * One signing key of a service account. IAM keeps the private half only of the keys it manages
 * itself ({@link Type#SYSTEM_MANAGED}, used by signBlob and signJwt); a user-managed key's private
 * half leaves IAM once, in the key file, and is never stored.
 *
 * @param origin {@code GOOGLE_PROVIDED}, or {@code USER_PROVIDED} for an uploaded certificate
 */
public record AccountKey(String email, String keyId, Type type, String origin, PublicKey publicKey, PrivateKey privateKey,
                         X509Certificate certificate, Instant validAfter, Instant validBefore, boolean disabled) {

    public enum Type { USER_MANAGED, SYSTEM_MANAGED }

    public boolean usableAt(Instant now) {
        return !disabled && !now.isBefore(validAfter) && now.isBefore(validBefore);
    }

    AccountKey withDisabled(boolean value) {
        return new AccountKey(email, keyId, type, origin, publicKey, privateKey, certificate, validAfter, validBefore, value);
    }
}
