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

    public int code() {
        return code;
    }

    public String status() {
        return status;
    }
}
