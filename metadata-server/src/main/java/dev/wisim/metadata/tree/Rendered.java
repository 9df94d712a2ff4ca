package dev.wisim.metadata.tree;

/** A finished answer: status, content type and body (or a redirect target). */
public record Rendered(int status, String contentType, String body, String location) {

    public static final String TEXT = "application/text";
    public static final String JSON = "application/json";

    public static Rendered text(String body) {
        return new Rendered(200, TEXT, body, null);
    }

    public static Rendered json(String body) {
        return new Rendered(200, JSON, body, null);
    }

    /** A value that is neither text nor JSON to clients (an ID token), as the real server sends it. */
    public static Rendered raw(String body) {
        return new Rendered(200, "text/html; charset=utf-8", body, null);
    }

    public static Rendered redirect(String location) {
        return new Rendered(301, "text/html; charset=utf-8", "<a href=\"" + location + "\">Moved Permanently</a>.\n\n", location);
    }
}
