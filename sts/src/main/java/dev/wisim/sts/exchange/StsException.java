package dev.wisim.sts.exchange;

/** An OAuth 2.0 error as STS returns it: {@code {"error":…,"error_description":…}}. Named factories carry Google's texts. */
public final class StsException extends RuntimeException {

    static final String AUDIENCE_HELP = "Invalid value for \"audience\". This value should be the full resource name of the"
            + " Identity Provider. See https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token for the list of"
            + " possible formats.";

    private final int status;
    private final String error;

    private StsException(int status, String error, String description) {
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

    public static StsException invalidRequest(String description) {
        return new StsException(400, "invalid_request", description);
    }

    public static StsException invalidAudience() {
        return invalidRequest(AUDIENCE_HELP);
    }

    public static StsException missing(String field) {
        return invalidRequest("Missing required field: " + field + ".");
    }

    public static StsException unsupportedGrantType(String grantType) {
        return new StsException(400, "unsupported_grant_type", "Invalid value for \"grant_type\": " + grantType
                + ". The only supported value is urn:ietf:params:oauth:grant-type:token-exchange.");
    }

    public static StsException invalidGrant(String description) {
        return new StsException(400, "invalid_grant", description);
    }

    public static StsException invalidTarget() {
        return new StsException(400, "invalid_target", "The target service indicated by the \"audience\" parameters is invalid."
                + " This might either be because the pool or provider is disabled or deleted or because it doesn't exist.");
    }

    public static StsException unauthorizedClient(String description) {
        return new StsException(400, "unauthorized_client", description);
    }

    public static StsException notFound() {
        return new StsException(404, "invalid_request", "The requested URL was not found on this server.");
    }

    public static StsException methodNotAllowed() {
        return new StsException(405, "invalid_request", "The method is not allowed for the requested URL.");
    }

    public static StsException serverError(String description) {
        return new StsException(500, "server_error", description);
    }
}
