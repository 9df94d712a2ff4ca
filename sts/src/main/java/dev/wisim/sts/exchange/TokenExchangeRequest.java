package dev.wisim.sts.exchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One {@code /v1/token} request, whichever way it was encoded: a form with snake_case names (the
 * client libraries) or proto3 JSON with camelCase names (the GKE metadata server). {@code options}
 * arrives JSON-encoded once (Java, Node) or percent-encoded once more (Python); both decode to JSON.
 */
public record TokenExchangeRequest(String grantType, String audience, String scope, String requestedTokenType,
                                   String subjectToken, String subjectTokenType, String options) {

    /**
     * A form body ({@code application/x-www-form-urlencoded}) as sent, the first value of each field
     * kept; an escape that is not one ({@code %zz}) is the client's mistake, a 400.
     */
    public static TokenExchangeRequest fromFormBody(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw StsException.invalidRequest("The request body could not be parsed.");
            }
        }
        return fromForm(form);
    }

    public static TokenExchangeRequest fromForm(Map<String, String> form) {
        return new TokenExchangeRequest(form.get("grant_type"), form.get("audience"), form.get("scope"),
                form.get("requested_token_type"), form.get("subject_token"), form.get("subject_token_type"),
                decodeOptions(form.get("options")));
    }

    public static TokenExchangeRequest fromJson(Map<String, Object> json) {
        return new TokenExchangeRequest(field(json, "grantType", "grant_type"), field(json, "audience", "audience"),
                field(json, "scope", "scope"), field(json, "requestedTokenType", "requested_token_type"),
                field(json, "subjectToken", "subject_token"), field(json, "subjectTokenType", "subject_token_type"),
                decodeOptions(field(json, "options", "options")));
    }

    private static String field(Map<String, Object> json, String camel, String snake) {
        Object value = json.containsKey(camel) ? json.get(camel) : json.get(snake);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw StsException.invalidRequest("Invalid value for \"" + snake + "\": expected a string.");
    }

    /** Percent-decodes until the value reads as a JSON object (at most twice); null stays null. */
    static String decodeOptions(String options) {
        String value = options;
        try {
            for (int i = 0; value != null && i < 2 && !value.trim().startsWith("{"); i++) {
                value = URLDecoder.decode(value, StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            throw StsException.invalidRequest("Invalid value for \"options\": it is not correctly percent-encoded.");
        }
        if (value != null && !value.isBlank() && !value.trim().startsWith("{")) {
            throw StsException.invalidRequest("Invalid value for \"options\": it must be a JSON object.");
        }
        return value;
    }
}
