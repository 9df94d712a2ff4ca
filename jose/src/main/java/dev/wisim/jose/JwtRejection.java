package dev.wisim.jose;

/** Why a JWT was not accepted. Services turn the {@link Reason} into their own wire error. */
public final class JwtRejection extends Exception {

    public enum Reason {
        MALFORMED,
        ALGORITHM_NOT_ALLOWED,
        MISSING_KID,
        UNKNOWN_KID,
        KEYS_UNAVAILABLE,
        BAD_SIGNATURE,
        MISSING_CLAIM,
        EXPIRED,
        NOT_YET_VALID,
        ISSUED_IN_FUTURE,
        LIFETIME_TOO_LONG,
        WRONG_ISSUER,
        WRONG_AUDIENCE
    }

    private final Reason reason;

    public JwtRejection(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public JwtRejection(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
