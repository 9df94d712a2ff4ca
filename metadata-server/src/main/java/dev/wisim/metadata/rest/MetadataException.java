package dev.wisim.metadata.rest;

/** A failure as the GKE metadata server renders it: a status and a plain-text body. Named factories carry its texts. */
public final class MetadataException extends RuntimeException {

    static final String WORKLOAD_IDENTITY_HELP = "This error could be caused by a missing IAM policy binding on the target IAM"
            + " service account.\nFor more information, refer to the Workload Identity documentation:\n"
            + "\thttps://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity#authenticating_to\n\n";

    private final int status;

    public MetadataException(int status, String text) {
        super(text);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static MetadataException missingFlavor() {
        return new MetadataException(403, "Missing required header \"Metadata-Flavor\": \"Google\"\n");
    }

    public static MetadataException forwarded() {
        return new MetadataException(403, "Request with X-Forwarded-For header is not allowed\n");
    }

    public static MetadataException notFound() {
        return new MetadataException(404, "404 page not found\n");
    }

    public static MetadataException badRequest(String text) {
        return new MetadataException(400, text + "\n");
    }

    /**
     * IAM refused to mint the token; the text names IAM's status and message as GKE's server does.
     *
     * @param what {@code access token} or {@code identity token}
     */
    public static MetadataException iamRefused(String what, int status, String reason, String message) {
        String text = "Unable to generate " + what + "; IAM returned " + status + " " + reason + ": " + message + "\n";
        return new MetadataException(status, status == 403 ? text + WORKLOAD_IDENTITY_HELP : text);
    }

    public static MetadataException stsRefused(int status, String reason, String error, String description) {
        return new MetadataException(403, "Unable to generate token; STS returned " + status + " " + reason + ": "
                + error + ": " + description + "\n");
    }

    public static MetadataException unavailable(String what) {
        return new MetadataException(503, "Unable to generate access token; " + what + " is unavailable\n");
    }

    public static MetadataException unknownCaller(String detail) {
        return new MetadataException(404, "Unable to identify the calling pod: " + detail + "\n");
    }

    public static MetadataException notAnnotated(String namespace, String ksa) {
        return new MetadataException(404, "Your Kubernetes service account (" + namespace + "/" + ksa + ") is not annotated with a"
                + " target Google service account, which is a requirement for retrieving Identity Tokens using Workload Identity.\n"
                + "Please add the iam.gke.io/gcp-service-account=[GSA_NAME]@[PROJECT_ID] annotation to your Kubernetes service"
                + " account.\nRefer to https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity\n");
    }
}
