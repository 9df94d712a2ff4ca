package dev.wisim.stack.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A small JSON-over-HTTP caller for applying scenarios; an unexpected status is an error naming the
 * call and the answer. On the JDK's plain {@code HttpURLConnection} (which keeps connections alive
 * between calls): the scenario is applied while the last services start, and {@code java.net.http}'s
 * asynchronous machinery costs the command line more CPU for the same calls.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    record Answer(int status, Map<String, Object> body) {
    }

    Map<String, Object> call(String method, String url, String token, Object body, Set<Integer> accepted) {
        return exchange(method, url, token, body == null ? null : json(body), "application/json", accepted).body();
    }

    Answer exchange(String method, String url, String token, byte[] body, String contentType, Set<Integer> accepted) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setRequestMethod(method);
            connection.setInstanceFollowRedirects(false);
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (body != null) {
                connection.setRequestProperty("Content-Type", contentType);
            }
            if (body != null || method.equals("POST") || method.equals("PUT")) {
                byte[] content = body == null ? new byte[0] : body;   // an empty POST says Content-Length: 0
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(content.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(content);
                }
            }
            int status = connection.getResponseCode();
            String text;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!accepted.contains(status)) {
                throw new IllegalStateException(method + " " + url + " answered " + status + ": " + text);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = text.isBlank() ? Map.of() : JSON.readValue(text, Map.class);
            return new Answer(status, parsed);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        }
    }

    /** A JSON object read from bytes. */
    static Map<?, ?> object(byte[] json) throws IOException {
        return JSON.readValue(json, Map.class);
    }

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
