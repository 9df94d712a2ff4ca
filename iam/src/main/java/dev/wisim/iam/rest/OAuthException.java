package dev.wisim.iam.rest;

/**
 * A refusal of Google's OAuth2 endpoints (token, tokeninfo, revoke), rendered as
 * {@code {"error":…,"error_description":…}} rather than as a {@code google.rpc.Status}.
 */
public final class OAuthException extends RuntimeException {

    private final int status;
    private final String error;

    public OAuthException(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** tokeninfo's answer to anything it does not accept. */
    public static OAuthException invalidToken() {
        return new OAuthException(400, "invalid_token", "Invalid Value");
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(400, "invalid_grant", description);
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }
}
