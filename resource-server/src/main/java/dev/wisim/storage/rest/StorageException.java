package dev.wisim.storage.rest;

/**
 * A failure rendered as Cloud Storage's JSON error ({@code error.code}, {@code error.message} and one
 * {@code errors[]} entry with {@code domain} and {@code reason}). Named factories carry Google's texts.
 */
public final class StorageException extends RuntimeException {

    private final int code;
    private final String reason;
    private final String locationType;
    private final String location;

    private StorageException(int code, String reason, String message, String locationType, String location) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.locationType = locationType;
        this.location = location;
    }

    private StorageException(int code, String reason, String message) {
        this(code, reason, message, null, null);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public String locationType() {
        return locationType;
    }

    public String location() {
        return location;
    }

    public static StorageException invalidCredentials() {
        return new StorageException(401, "authError", "Invalid Credentials", "header", "Authorization");
    }

    /** @param what {@code object} or {@code bucket} */
    public static StorageException denied(String principal, String permission, String what) {
        String message = (principal == null ? "Anonymous caller" : principal) + " does not have " + permission
                + " access to the Google Cloud Storage " + what + ". Permission '" + permission
                + "' denied on resource (or it may not exist).";
        return principal == null ? new StorageException(401, "required", message, "header", "Authorization")
                : new StorageException(403, "forbidden", message);
    }

    public static StorageException noSuchObject(String bucket, String object) {
        return new StorageException(404, "notFound", "No such object: " + bucket + "/" + object);
    }

    public static StorageException noSuchBucket() {
        return new StorageException(404, "notFound", "The specified bucket does not exist.");
    }

    public static StorageException bucketExists() {
        return new StorageException(409, "conflict", "Your previous request to create the named bucket succeeded and you already own it.");
    }

    public static StorageException bucketNotEmpty(String bucket) {
        return new StorageException(409, "conflict", "The bucket you tried to delete is not empty.");
    }

    public static StorageException invalid(String message) {
        return new StorageException(400, "invalid", message);
    }

    public static StorageException required(String message) {
        return new StorageException(400, "required", message);
    }

    public static StorageException tooLarge(long max) {
        return new StorageException(413, "uploadTooLarge", "Upload exceeds the maximum of " + max + " bytes.");
    }

    public static StorageException conditionNotMet() {
        return new StorageException(412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
    }

    /** A read whose {@code ifGenerationNotMatch}/{@code ifMetagenerationNotMatch} failed: 304, no body. */
    public static StorageException notModified() {
        return new StorageException(304, "notModified", "Not Modified");
    }

    /** An upload session that does not exist (or no longer does). */
    public static StorageException noSuchUpload() {
        return new StorageException(404, "notFound", "No such upload session.");
    }

    public static StorageException notFound() {
        return new StorageException(404, "notFound", "Not Found");
    }

    public static StorageException methodNotAllowed() {
        return new StorageException(405, "methodNotAllowed", "The requested method is not allowed for this resource.");
    }

    public static StorageException backendError() {
        return new StorageException(503, "backendError", "Backend Error");
    }

    public static StorageException internal() {
        return new StorageException(500, "internalError", "Internal Error");
    }
}
