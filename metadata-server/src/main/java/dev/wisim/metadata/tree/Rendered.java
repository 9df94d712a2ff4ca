package dev.wisim.metadata.tree;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A finished answer: status, content type and body (or a redirect target), and its ETag — 16 hex
 * digits, as GKE's, that change with the body (64-bit FNV-1a over its characters:
 * {@code wait_for_change} compares them, nothing needs them unforgeable).
 */
public record Rendered(int status, String contentType, String body, String location, String etag, byte[] bytes) {

    public static final String TEXT = "application/text";
    public static final String JSON = "application/json";

    /** The ETag and the body's UTF-8 bytes, once: an answer kept for reuse (a cached token's) costs neither again. */
    public Rendered(int status, String contentType, String body, String location) {
        this(status, contentType, body, location, etagOf(body), body.getBytes(StandardCharsets.UTF_8));
    }

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

    static String etagOf(String body) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < body.length(); i++) {
            hash = (hash ^ body.charAt(i)) * 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
    }
}
