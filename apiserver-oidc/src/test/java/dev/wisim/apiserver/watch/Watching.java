package dev.wisim.apiserver.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A watch opened by a test: its response, and its events read as they arrive (a line each). */
final class Watching implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode END = JSON.createObjectNode().put("type", "(end of stream)");

    final HttpResponse<InputStream> response;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    private Watching(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "watch-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static Watching open(String baseUrl, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new Watching(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event, or a failure after five seconds. */
    JsonNode next() {
        try {
            JsonNode event = events.poll(5, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no watch event within 5 s");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} events. */
    List<JsonNode> next(int count) {
        List<JsonNode> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(next());
        }
        return result;
    }

    /** Whether the server ends the stream (after the events still queued) within the time given. */
    boolean endsWithin(Duration time) throws InterruptedException {
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event == END) {
                return true;
            }
        }
        return false;
    }

    /** Nothing arrives for a while. */
    boolean quietFor(Duration time) throws InterruptedException {
        return events.poll(time.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    static String type(JsonNode event) {
        return event.path("type").asText();
    }

    static String name(JsonNode event) {
        return event.path("object").path("metadata").path("name").asText();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                events.add(JSON.readTree(line));
            }
        } catch (IOException closed) {
            // the test closed it
        }
        events.add(END);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
