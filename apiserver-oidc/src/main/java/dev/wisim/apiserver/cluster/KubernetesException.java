package dev.wisim.apiserver.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure that kube-apiserver reports as a {@code Status} object. The named factories produce the
 * messages and details kube-apiserver produces (apimachinery {@code api/errors}).
 */
public final class KubernetesException extends RuntimeException {

    private final int code;
    private final String reason;
    private final Map<String, Object> details;
    private final Map<String, Object> metadata;

    private KubernetesException(int code, String reason, String message, Map<String, Object> details) {
        this(code, reason, message, details, Map.of());
    }

    private KubernetesException(int code, String reason, String message, Map<String, Object> details, Map<String, Object> metadata) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
        this.metadata = metadata;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The Status object's list metadata (a {@code continue} token), usually empty. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** {@code resource} is the plural resource name, e.g. {@code serviceaccounts}. */
    public static KubernetesException notFound(String resource, String name) {
        return new KubernetesException(404, "NotFound", resource + " \"" + name + "\" not found", details(name, null, resource));
    }

    public static KubernetesException notFound(Kind<?> kind, String name) {
        return new KubernetesException(404, "NotFound", kind.qualifiedResource() + " \"" + name + "\" not found",
                details(name, kind.group().isEmpty() ? null : kind.group(), kind.resource()));
    }

    public static KubernetesException alreadyExists(Kind<?> kind, String name) {
        return new KubernetesException(409, "AlreadyExists", kind.qualifiedResource() + " \"" + name + "\" already exists",
                details(name, kind.group().isEmpty() ? null : kind.group(), kind.resource()));
    }

    public static KubernetesException resourceVersionConflict(Kind<?> kind, String name) {
        return new KubernetesException(409, "Conflict", "Operation cannot be fulfilled on " + kind.qualifiedResource() + " \"" + name
                + "\": the object has been modified; please apply your changes to the latest version and try again",
                details(name, kind.group().isEmpty() ? null : kind.group(), kind.resource()));
    }

    /** A refusal whose message the authorizer wrote ({@code dev.wisim.apiserver.authz.Forbidden}). */
    public static KubernetesException forbidden(String message, Map<String, Object> details) {
        return new KubernetesException(403, "Forbidden", message, details);
    }

    public static KubernetesException alreadyExists(String resource, String name) {
        return new KubernetesException(409, "AlreadyExists", resource + " \"" + name + "\" already exists",
                details(name, null, resource));
    }

    public static KubernetesException conflict(String resource, String name, String why) {
        return new KubernetesException(409, "Conflict",
                "Operation cannot be fulfilled on " + resource + " \"" + name + "\": " + why, details(name, null, resource));
    }

    public static KubernetesException resourceVersionConflict(String resource, String name) {
        return conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** One invalid field; {@code kind} is the Kind (not the resource), as kube-apiserver reports Invalid. */
    public static KubernetesException invalid(String kind, String group, String name, Cause cause) {
        return invalid(kind, group, name, List.of(cause));
    }

    public static KubernetesException invalid(String kind, String group, String name, List<Cause> causes) {
        String qualifiedKind = group == null ? kind : kind + "." + group;
        StringBuilder message = new StringBuilder(qualifiedKind + " \"" + name + "\" is invalid: ");
        if (causes.size() == 1) {
            message.append(causes.get(0).field()).append(": ").append(causes.get(0).message());
        } else {
            message.append('[');
            for (int i = 0; i < causes.size(); i++) {
                message.append(i == 0 ? "" : ", ").append(causes.get(i).field()).append(": ").append(causes.get(i).message());
            }
            message.append(']');
        }
        Map<String, Object> details = details(name, group, kind);
        details.put("causes", causes.stream().map(Cause::toMap).toList());
        return new KubernetesException(422, "Invalid", message.toString(), details);
    }

    /** kube-apiserver's answer to a body over its limit ({@code --max-request-body-bytes}, 3 MiB). */
    public static KubernetesException requestEntityTooLarge(long limit) {
        return new KubernetesException(413, "RequestEntityTooLarge", "Request entity too large: limit is " + limit, null);
    }

    public static KubernetesException badRequest(String message) {
        return new KubernetesException(400, "BadRequest", message, null);
    }

    public static KubernetesException forbidden(String resource, String name, String why) {
        return new KubernetesException(403, "Forbidden", resource + " \"" + name + "\" is forbidden: " + why,
                details(name, null, resource));
    }

    public static KubernetesException unsupportedMediaType() {
        return new KubernetesException(415, "UnsupportedMediaType", "the body of the request was in an unknown format"
                + " - accepted media types include: application/json, application/yaml", null);
    }

    public static KubernetesException unsupportedPatchType(String type) {
        return new KubernetesException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted"
                + " media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml,"
                + " application/strategic-merge-patch+json", null);
    }

    /** A patch that cannot be applied (a failed {@code test}, a missing path). */
    public static KubernetesException invalidPatch(String why) {
        return new KubernetesException(422, "Invalid", "the server rejected our request due to an error in our request: " + why,
                Map.of());
    }

    public static KubernetesException unauthorized() {
        return new KubernetesException(401, "Unauthorized", "Unauthorized", null);
    }

    public static KubernetesException methodNotAllowed() {
        return new KubernetesException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", Map.of());
    }

    public static KubernetesException resourceNotFound() {
        return new KubernetesException(404, "NotFound", "the server could not find the requested resource", Map.of());
    }

    /** 410 Gone: the history this request needs has been compacted away. */
    public static KubernetesException expired(String message) {
        return new KubernetesException(410, "Expired", message, null);
    }

    /** A paged list whose snapshot has been compacted away: with a token that continues inconsistently, from now. */
    public static KubernetesException expiredContinue(String inconsistentContinue) {
        return new KubernetesException(410, "Expired", "The provided continue parameter is too old to display a consistent list"
                + " result. You can start a new list without the continue parameter, or use the continue token in this response to"
                + " retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list -"
                + " objects that were created, modified, or deleted between the time the first chunk was returned and now may show up"
                + " in the list.", null, Map.of("continue", inconsistentContinue));
    }

    /** A list or get at a resource version the store has not reached (kube-apiserver's watch cache gives up after waiting). */
    public static KubernetesException tooLargeResourceVersion(long requested, long current) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("causes", List.of(Map.of("reason", "ResourceVersionTooLarge", "message", "Too large resource version")));
        details.put("retryAfterSeconds", 1);
        return new KubernetesException(504, "Timeout", "Too large resource version: " + requested + ", current: " + current, details);
    }

    public static KubernetesException internal(String message) {
        return new KubernetesException(500, "InternalError", "Internal error occurred: " + message,
                Map.of("causes", List.of(Map.of("message", message))));
    }

    private static Map<String, Object> details(String name, String group, String kind) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (name != null && !name.isEmpty()) {
            details.put("name", name);
        }
        if (group != null) {
            details.put("group", group);
        }
        details.put("kind", kind);
        return details;
    }

    /** A {@code StatusCause}: {@code FieldValueInvalid}, {@code FieldValueRequired}, … */
    public record Cause(String reason, String message, String field) {

        public static Cause invalidValue(String field, Object value, String why) {
            String rendered = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
            return new Cause("FieldValueInvalid", "Invalid value: " + rendered + ": " + why, field);
        }

        public static Cause required(String field, String why) {
            return new Cause("FieldValueRequired", "Required value" + (why == null ? "" : ": " + why), field);
        }

        public static Cause forbidden(String field, String why) {
            return new Cause("FieldValueForbidden", "Forbidden: " + why, field);
        }

        public static Cause notSupported(String field, Object value, List<String> supported) {
            String rendered = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
            return new Cause("FieldValueNotSupported", "Unsupported value: " + rendered + ": supported values: "
                    + String.join(", ", supported.stream().map(v -> "\"" + v + "\"").toList()), field);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("reason", reason);
            map.put("message", message);
            map.put("field", field);
            return map;
        }
    }
}
