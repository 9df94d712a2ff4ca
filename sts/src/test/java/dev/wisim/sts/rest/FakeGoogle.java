package dev.wisim.sts.rest;

import com.sun.net.httpserver.HttpServer;
import dev.wisim.jose.CanonicalJson;
import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.KeyRing;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The upstreams STS reads, in one process: the GKE API with cluster {@code c1} of pool
 * {@code demo-project.svc.id.goog} and its public OIDC documents, and IAM's project view.
 */
public class FakeGoogle implements QuarkusTestResourceLifecycleManager {

    static final KeyRing CLUSTER_KEYS = KeyRing.inMemory(Clock.systemUTC());
    static final String CLUSTER_PATH = "/v1/projects/demo-project/locations/us-central1/clusters/c1";
    static final String ISSUER = "https://container.googleapis.com" + CLUSTER_PATH;
    static final String POOL = "demo-project.svc.id.goog";
    static final String AUDIENCE = "identitynamespace:" + POOL + ":" + ISSUER;
    static final String PROJECT_NUMBER = "123456789012";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Object body = switch (path) {
                case CLUSTER_PATH -> Map.of("name", "c1", "workloadIdentityConfig", Map.of("workloadPool", POOL));
                case CLUSTER_PATH + "/.well-known/openid-configuration" -> Map.of("issuer", ISSUER, "jwks_uri", ISSUER + "/jwks");
                case CLUSTER_PATH + "/jwks" -> CLUSTER_KEYS.publicJwks();
                case "/_sim/projects/demo-project" -> Map.of("projectId", "demo-project", "projectNumber", PROJECT_NUMBER);
                default -> null;
            };
            byte[] bytes = (body == null ? "{\"error\":{\"code\":404}}" : CanonicalJson.write(asMap(body))).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("sts.container-api-url", url, "quarkus.rest-client.container.url", url, "quarkus.rest-client.iam.url", url);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object body) {
        return (Map<String, ?>) body;
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    /** The claims of a KSA token from cluster c1 for the pool, issued {@code age} seconds ago and valid for {@code ttl}. */
    static Map<String, Object> ksaClaims(String namespace, String ksa, long age, long ttl) {
        long iat = Instant.now().getEpochSecond() - age;
        Map<String, Object> claims = new HashMap<>();
        claims.put("aud", List.of(POOL));
        claims.put("iss", ISSUER);
        claims.put("sub", "system:serviceaccount:" + namespace + ":" + ksa);
        claims.put("iat", iat);
        claims.put("nbf", iat);
        claims.put("exp", iat + ttl);
        claims.put("kubernetes.io", Map.of("namespace", namespace, "serviceaccount", Map.of("name", ksa, "uid", "u")));
        return claims;
    }

    static String ksaToken(String namespace, String ksa) {
        return JwsSigner.sign(CLUSTER_KEYS.active(), ksaClaims(namespace, ksa, 0, 3600));
    }
}
