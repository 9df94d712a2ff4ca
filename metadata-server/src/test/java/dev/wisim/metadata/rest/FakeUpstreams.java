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
 * The metadata server's upstreams in one stub: the API server (pod demo/test-pod running as KSA
 * demo/test-ksa), STS and IAM. Tests switch the KSA's annotation and IAM's verdict, and read the
 * last STS request.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    static final String GSA = "test-gsa@demo-project.iam.gserviceaccount.com";
    static final String FEDERATED = "ya29.d.federated";
    static final String GSA_TOKEN = "ya29.c.gsa";
    static final String GOOD_KSA_TOKEN = "good-ksa-token";
    static final AtomicReference<String> annotation = new AtomicReference<>(GSA);
    static final AtomicReference<Integer> iamStatus = new AtomicReference<>(200);
    static final AtomicReference<Map<String, Object>> lastStsRequest = new AtomicReference<>();
    static final AtomicReference<Map<String, Object>> lastTokenRequest = new AtomicReference<>();
    static final AtomicReference<Map<String, Object>> lastIdTokenRequest = new AtomicReference<>();
    static final java.util.concurrent.atomic.AtomicInteger stsCalls = new java.util.concurrent.atomic.AtomicInteger();
    /** A pod reachable at its own address: requests arriving on 127.0.0.7 are this pod's. */
    static final String POD_IP = "127.0.0.7";
    static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln";
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

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
        return Map.of("quarkus.rest-client.apiserver.url", url, "quarkus.rest-client.sts.url", url,
                "quarkus.rest-client.iam.url", url, "metadata.default-pod", "demo/test-pod");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = exchange.getRequestMethod().equals("POST") ? JSON.readValue(exchange.getRequestBody(), Map.class) : Map.of();
        Object answer;
        int status = 200;
        if (path.equals("/api/v1/namespaces/demo/pods/test-pod")) {
            answer = Map.of("metadata", Map.of("name", "test-pod", "namespace", "demo", "uid", "pod-uid"),
                    "spec", Map.of("serviceAccountName", "test-ksa"));
        } else if (path.equals("/api/v1/pods")) {
            String query = exchange.getRequestURI().getQuery();
            boolean match = query != null && query.contains("status.podIP=" + POD_IP);
            answer = Map.of("kind", "PodList", "items", match ? List.of(Map.of(
                    "metadata", Map.of("name", "addressed-pod", "namespace", "demo", "uid", "uid-2"),
                    "spec", Map.of("serviceAccountName", "test-ksa"))) : List.of());
        } else if (path.equals("/api/v1/namespaces/demo/serviceaccounts/test-ksa")) {
            String gsa = annotation.get();
            answer = Map.of("metadata", gsa == null ? Map.of("name", "test-ksa", "namespace", "demo")
                    : Map.of("name", "test-ksa", "namespace", "demo", "annotations", Map.of("iam.gke.io/gcp-service-account", gsa)));
        } else if (path.equals("/api/v1/namespaces/demo/serviceaccounts/test-ksa/token")) {
            lastTokenRequest.set(body);
            status = 201;
            answer = Map.of("status", Map.of("token", "ksa-jwt"));
        } else if (path.equals("/apis/authentication.k8s.io/v1/tokenreviews")) {
            status = 201;
            boolean good = GOOD_KSA_TOKEN.equals(((Map<?, ?>) body.get("spec")).get("token"));
            answer = Map.of("status", good
                    ? Map.of("authenticated", true, "user", Map.of("username", "system:serviceaccount:demo:test-ksa",
                            "extra", Map.of("authentication.kubernetes.io/pod-name", List.of("test-pod"))))
                    : Map.of("user", Map.of(), "error", "[invalid bearer token, service account token has expired]"));
        } else if (path.equals("/v1/token")) {
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
    }
}
