package dev.wisim.apiserver.codec;

import dev.wisim.apiserver.cluster.KubernetesException;

/** The {@code fieldValidation} query parameter: what to do with fields the schema does not know. */
public enum FieldValidation {
    /** refuse the request (kubectl's default) */
    STRICT,
    /** accept it, with a {@code Warning} header per field (the server's default) */
    WARN,
    /** drop the fields silently */
    IGNORE;

    public static FieldValidation parse(String value) {
        if (value == null || value.isEmpty()) {
            return WARN;
        }
        return switch (value) {
            case "Strict" -> STRICT;
            case "Warn" -> WARN;
            case "Ignore" -> IGNORE;
            default -> throw KubernetesException.badRequest("fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\"");
        };
    }
}
