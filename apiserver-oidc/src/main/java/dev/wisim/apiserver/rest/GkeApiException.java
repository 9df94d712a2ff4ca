package dev.wisim.apiserver.rest;

/** A failure on the GKE API paths, rendered as a Google JSON error. */
public final class GkeApiException extends RuntimeException {

    private final int code;
    private final String status;

    private GkeApiException(int code, String status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public static GkeApiException clusterNotFound(String project, String location, String cluster) {
        return new GkeApiException(404, "NOT_FOUND", "Not found: projects/" + project + "/locations/" + location
                + "/clusters/" + cluster + ".");
    }

    public static GkeApiException unauthenticated() {
        return new GkeApiException(401, "UNAUTHENTICATED", "Request is missing required authentication credential. Expected OAuth 2"
                + " access token, login cookie or other valid authentication credential. See"
                + " https://developers.google.com/identity/sign-in/web/devconsole-project.");
    }

    /** @param resource {@code projects/P/locations/L/clusters/C} */
    public static GkeApiException permissionDenied(String permission, String resource) {
        return new GkeApiException(403, "PERMISSION_DENIED", "Required \"" + permission + "\" permission(s) for \"" + resource + "\".");
    }

    public int code() {
        return code;
    }

    public String status() {
        return status;
    }
}
