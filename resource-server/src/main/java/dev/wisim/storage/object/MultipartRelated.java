package dev.wisim.storage.object;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code multipart/related} bodies as Cloud Storage accepts them: the boundary may be unquoted,
 * double-quoted or single-quoted (apitools), and lines may end in CRLF or a bare LF (apitools).
 */
public final class MultipartRelated {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]*)\"|'([^']*)'|([^;\\s]+))", Pattern.CASE_INSENSITIVE);

    /** One part: its {@code Content-Type} (lower-cased, may be null) and its bytes. */
    public record Part(String contentType, byte[] body) {
    }

    private MultipartRelated() {
    }

    public static List<Part> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("multipart/related without a boundary");
        }
        String boundary = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int lineEnd = at + delimiter.length;
            if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                return parts;
            }
            int partStart = skipNewline(body, lineEnd);
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                throw new IllegalArgumentException("multipart/related body is not terminated");
            }
            parts.add(part(Arrays.copyOfRange(body, partStart, trimNewline(body, next))));
            at = next;
        }
        throw new IllegalArgumentException("multipart/related body has no parts");
    }

    private static Part part(byte[] raw) {
        int headersEnd = -1;
        int bodyStart = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && i + 1 < raw.length && raw[i + 1] == '\n') {
                headersEnd = i;
                bodyStart = i + 2;
                break;
            }
            if (raw[i] == '\r' && i + 3 < raw.length && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                headersEnd = i;
                bodyStart = i + 4;
                break;
            }
        }
        if (headersEnd < 0) {
            if (raw.length > 0 && (raw[0] == '\n' || raw[0] == '\r')) {
                return new Part(null, Arrays.copyOfRange(raw, skipNewline(raw, 0), raw.length));
            }
            throw new IllegalArgumentException("multipart part without a header block");
        }
        String contentType = null;
        for (String line : new String(raw, 0, headersEnd, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-type")) {
                contentType = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            }
        }
        return new Part(contentType, Arrays.copyOfRange(raw, bodyStart, raw.length));
    }

    private static int skipNewline(byte[] body, int at) {
        if (at < body.length && body[at] == '\r') {
            at++;
        }
        if (at < body.length && body[at] == '\n') {
            at++;
        }
        return at;
    }

    private static int trimNewline(byte[] body, int end) {
        if (end > 0 && body[end - 1] == '\n') {
            end--;
            if (end > 0 && body[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
