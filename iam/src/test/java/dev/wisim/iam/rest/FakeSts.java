package dev.wisim.iam.rest;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for STS in IAM's tests: serves a JWKS at {@code /_sim/keys} and signs federated tokens
 * with it, the way STS does.
 */
public class FakeSts implements QuarkusTestResourceLifecycleManager {

    static final KeyRing KEYS = KeyRing.inMemory(Clock.systemUTC());
    static final String POOL_PREFIX = "principal://iam.googleapis.com/projects/814739424704/locations/global/workloadIdentityPools/";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/_sim/keys", exchange -> {
            byte[] body = CanonicalJson.write(KEYS.publicJwks()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.sts.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    /** A federated token for a KSA of {@code demo-project.svc.id.goog}, as STS issues it. */
    static String federatedToken(String namespace, String ksa, long expiresIn, String scope) {
        String pool = "demo-project.svc.id.goog";
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new TreeMap<>();
        claims.put("iss", "https://sts.googleapis.com/");
        claims.put("sub", POOL_PREFIX + pool + "/subject/ns/" + namespace + "/sa/" + ksa);
        claims.put("principalSets", List.of(POOL_PREFIX.replace("principal://", "principalSet://") + pool + "/namespace/" + namespace));
        claims.put("scope", scope);
        claims.put("iat", now);
        claims.put("exp", now + expiresIn);
        return "ya29.d." + JwsSigner.sign(KEYS.active(), claims);
    }
}
