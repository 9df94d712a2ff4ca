package dev.wisim.metadata.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The metadata server's upstreams: the API server ({@link FakeApiserver}: pod demo/test-pod running as
 * KSA demo/test-ksa), and STS and IAM in one stub. Tests change the KSA's annotation and IAM's verdict,
 * and read the last STS request.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    static final String GSA = "test-gsa@demo-project.iam.gserviceaccount.com";
    static final String FEDERATED = "ya29.d.federated";
    static final String GSA_TOKEN = "ya29.c.gsa";
    static final String GOOD_KSA_TOKEN = "good-ksa-token";
    static final AtomicReference<Integer> iamStatus = new AtomicReference<>(200);
    static final AtomicReference<Map<String, Object>> lastStsRequest = new AtomicReference<>();
    static final AtomicReference<Map<String, Object>> lastIdTokenRequest = new AtomicReference<>();
    static final java.util.concurrent.atomic.AtomicInteger stsCalls = new java.util.concurrent.atomic.AtomicInteger();
    /** A pod reachable at its own address: requests arriving on 127.0.0.7 are this pod's. */
    static final String POD_IP = "127.0.0.7";
    static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln";
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    static FakeApiserver apiserver;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        apiserver = new FakeApiserver();
        return Map.of("metadata.apiserver-url", apiserver.url(), "quarkus.rest-client.sts.url", url,
                "quarkus.rest-client.iam.url", url, "metadata.sts-url", url, "metadata.iam-url", url, "metadata.default-pod", "demo/test-pod");
    }

    /** Sets (or, with null, removes) the KSA's GSA annotation in the API server. */
    static void annotate(String gsa) {
        apiserver.client().serviceAccounts().inNamespace("demo").withName("test-ksa").edit(sa -> {
            java.util.Map<String, String> annotations = new java.util.HashMap<>();
            if (gsa != null) {
                annotations.put("iam.gke.io/gcp-service-account", gsa);
            }
            sa.getMetadata().setAnnotations(annotations);
            return sa;
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = raw.length > 0 ? JSON.readValue(raw, Map.class) : Map.of();
        Object answer;
        int status = 200;
        if (path.equals("/v1/token")) {
            stsCalls.incrementAndGet();
            lastStsRequest.set(body);
            answer = Map.of("access_token", FEDERATED, "issued_token_type", "urn:ietf:params:oauth:token-type:access_token",
                    "token_type", "Bearer", "expires_in", 3599);
        } else if (path.endsWith(":generateIdToken")) {
            lastIdTokenRequest.set(body);
            answer = Map.of("token", ID_TOKEN);
        } else if (path.endsWith(":generateAccessToken")) {
            status = iamStatus.get();
            answer = switch (status) {
                case 200 -> Map.of("accessToken", GSA_TOKEN, "expireTime", java.time.Instant.now().plusSeconds(3600)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                case 404 -> Map.of("error", Map.of("code", 404, "message", "Not found; Gaia id not found for email " + GSA,
                        "status", "NOT_FOUND"));
                default -> Map.of("error", Map.of("code", 403, "message",
                        "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
                        "status", "PERMISSION_DENIED"));
            };
        } else if (path.equals("/_sim/world")) {
            answer = Map.of("projects", List.of(Map.of("projectId", "demo-project", "projectNumber", "123456789012", "bindings", List.of())),
                    "serviceAccounts", List.of(Map.of("email", GSA, "projectId", "demo-project", "disabled", false, "bindings", List.of())));
        } else if (path.equals("/_sim/clock")) {
            Object skew = exchange.getRequestMethod().equals("PUT") ? body.get("skewSeconds") : 0;
            answer = Map.of("skewSeconds", skew, "method", exchange.getRequestMethod());
        } else if (path.equals("/_sim/keys:rotate") && exchange.getRequestMethod().equals("POST")) {
            answer = Map.of("activeKid", "kid-2", "kids", List.of("kid-1", "kid-2"));
        } else if (path.equals("/_sim/projects/demo-project")) {
            answer = Map.of("projectId", "demo-project", "projectNumber", "123456789012");
        } else {
            status = 404;
            answer = Map.of();
        }
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        server.stop(0);
        apiserver.stop();
    }
}
