package dev.wisim.storage.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * IAM as the resource server sees it: tokeninfo for a fixed set of tokens (an owner, a reader service
 * account, a stranger, a federated KSA) and project demo-project with admin@example.com as owner.
 */
public class FakeIam implements QuarkusTestResourceLifecycleManager {

    static final String OWNER = "owner-token";
    static final String READER = "reader-token";
    static final String STRANGER = "stranger-token";
    static final String KSA = "ksa-token";
    /** A reader's token without the email scope: tokeninfo names the account by unique id only. */
    static final String READER_WITHOUT_EMAIL = "reader-without-email-token";
    /** An ID token (three dot-separated parts) of the reader. */
    static final String READER_ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyIn0.c2ln";
    static final String READER_EMAIL = "reader@demo-project.iam.gserviceaccount.com";
    static final String STRANGER_EMAIL = "stranger@demo-project.iam.gserviceaccount.com";
    static final String KSA_PRINCIPAL = "principal://iam.googleapis.com/projects/123456789012/locations/global/"
            + "workloadIdentityPools/demo-project.svc.id.goog/subject/ns/demo/sa/app";
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
        return Map.of("quarkus.rest-client.iam.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String exp = Long.toString(Instant.now().getEpochSecond() + 3600);
        Object answer = null;
        if (path.equals("/oauth2/v3/tokeninfo") && query != null) {
            String token = query.substring(query.indexOf('=') + 1);
            answer = switch (token) {
                case OWNER -> Map.of("email", "admin@example.com", "exp", exp, "sub", "1");
                case READER -> Map.of("email", READER_EMAIL, "exp", exp, "sub", "2");
                case STRANGER -> Map.of("email", STRANGER_EMAIL, "exp", exp, "sub", "3");
                case KSA -> Map.of("sub", KSA_PRINCIPAL, "exp", exp);
                case READER_WITHOUT_EMAIL -> Map.of("sub", "2", "azp", "2", "exp", exp);
                default -> null;
            };
            if (query.startsWith("id_token=")) {
                answer = token.equals(READER_ID_TOKEN) ? Map.of("email", READER_EMAIL, "sub", "2", "exp", exp, "iss",
                        "https://accounts.google.com") : null;
            }
        } else if (path.equals("/_sim/caller") && ("Bearer " + KSA).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer = Map.of("principal", KSA_PRINCIPAL, "members", List.of(KSA_PRINCIPAL,
                    "principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/"
                            + "demo-project.svc.id.goog/namespace/demo",
                    "serviceAccount:demo-project.svc.id.goog[demo/app]", "allAuthenticatedUsers", "allUsers"));
        } else if (path.equals("/_sim/accounts/2")) {
            answer = Map.of("email", READER_EMAIL, "uniqueId", "2");
        } else if (path.equals("/_sim/projects/demo-project")) {
            answer = Map.of("projectId", "demo-project", "projectNumber", "123456789012",
                    "policy", Map.of("bindings", List.of(Map.of("role", "roles/owner", "members", List.of("user:admin@example.com")))));
        }
        byte[] bytes = JSON.writeValueAsBytes(answer == null ? Map.of("error", "invalid_token") : answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer == null ? (path.startsWith("/oauth2") ? 400 : 404) : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
