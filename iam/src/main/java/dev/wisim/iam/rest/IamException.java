package dev.wisim.iam.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failure rendered as a Google API error ({@code google.rpc.Status} in JSON). Named factories carry Google's texts. */
public final class IamException extends RuntimeException {

    public static final String INVALID_CREDENTIALS = "Request had invalid authentication credentials. Expected OAuth 2 access"
            + " token, login cookie or other valid authentication credential. See"
            + " https://developers.google.com/identity/sign-in/web/devconsole-project.";

    private final int code;
    private final String status;
    private final List<Map<String, Object>> details;

    private IamException(int code, String status, String message, List<Map<String, Object>> details) {
        super(message);
        this.code = code;
        this.status = status;
        this.details = details;
    }

    public int code() {
        return code;
    }

    public String status() {
        return status;
    }

    public List<Map<String, Object>> details() {
        return details;
    }

    public static IamException permissionDenied(String permission, String resource) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "IAM_PERMISSION_DENIED");
        info.put("domain", "iam.googleapis.com");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("permission", permission);
        if (resource != null) {
            metadata.put("resource", resource);
        }
        info.put("metadata", metadata);
        return new IamException(403, "PERMISSION_DENIED",
                "Permission '" + permission + "' denied on resource (or it may not exist).", List.of(info));
    }

    public static IamException unauthenticated() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "ACCESS_TOKEN_TYPE_UNSUPPORTED");
        info.put("domain", "googleapis.com");
        return new IamException(401, "UNAUTHENTICATED", INVALID_CREDENTIALS, List.of(info));
    }

    public static IamException insufficientScopes() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "ACCESS_TOKEN_SCOPE_INSUFFICIENT");
        info.put("domain", "googleapis.com");
        return new IamException(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.", List.of(info));
    }

    public static IamException gaiaIdNotFound(String email) {
        return new IamException(404, "NOT_FOUND", "Not found; Gaia id not found for email " + email, null);
    }

    public static IamException unknownServiceAccount() {
        return new IamException(404, "NOT_FOUND", "Unknown service account", null);
    }

    public static IamException notFound(String message) {
        return new IamException(404, "NOT_FOUND", message, null);
    }

    /** @param resourceName named in a {@code ResourceInfo} detail, when given */
    public static IamException alreadyExists(String message, String resourceName) {
        if (resourceName == null) {
            return new IamException(409, "ALREADY_EXISTS", message, null);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ResourceInfo");
        info.put("resourceName", resourceName);
        return new IamException(409, "ALREADY_EXISTS", message, List.of(info));
    }

    public static IamException concurrentPolicyChange() {
        return new IamException(409, "ABORTED",
                "There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.", null);
    }

    public static IamException invalidArgument(String message) {
        return new IamException(400, "INVALID_ARGUMENT", message, null);
    }

    public static IamException failedPrecondition(String message) {
        return new IamException(400, "FAILED_PRECONDITION", message, null);
    }

    public static IamException methodNotFound() {
        return new IamException(404, "NOT_FOUND", "Method not found.", null);
    }

    public static IamException methodNotAllowed() {
        return new IamException(405, "UNIMPLEMENTED", "The method is not allowed for this resource.", null);
    }

    public static IamException internal() {
        return new IamException(500, "INTERNAL", "Internal error encountered.", null);
    }
}
