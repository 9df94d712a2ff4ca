package dev.wisim.jose;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/** Where a verifier finds public keys. */
public interface KeySource {

    /** The key with this id, if known. May fetch; throws {@link KeysUnavailableException} if it cannot. */
    Optional<PublicKey> byKid(String kid);

    /** Every known key (for tokens without a {@code kid}). */
    List<PublicKey> all();

    static KeySource of(KeyRing ring) {
        return new KeySource() {
            @Override
            public Optional<PublicKey> byKid(String kid) {
                return ring.find(kid).map(SigningKey::publicKey);
            }

            @Override
            public List<PublicKey> all() {
                return ring.all().stream().map(SigningKey::publicKey).toList();
            }
        };
    }

    /** Raised when keys must be fetched and the fetch fails. */
    final class KeysUnavailableException extends RuntimeException {
        public KeysUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
