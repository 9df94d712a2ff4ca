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
 * The upstreams STS reads, in one process: cluster {@code c1} registered in pool
 * {@code demo-project.svc.id.goog} (its keys at a JWKS address; its public OIDC documents too), and
 * IAM's views: the project, and pool {@code ci} with OIDC providers for issuer {@code https://ci.example}
 * whose keys are inline: {@code github} (subject and repository mapped, repository {@code org/app}
 * required), {@code audiences} (explicit allowed audiences), {@code disabled} and {@code deleted}; pool
 * {@code gone} is deleted.
 */
public class FakeGoogle implements QuarkusTestResourceLifecycleManager {

    static final KeyRing CLUSTER_KEYS = KeyRing.inMemory(Clock.systemUTC());
    static final String CLUSTER_PATH = "/v1/projects/demo-project/locations/us-central1/clusters/c1";
    static final String ISSUER = "https://container.googleapis.com" + CLUSTER_PATH;
    static final String POOL = "demo-project.svc.id.goog";
    static final String AUDIENCE = "identitynamespace:" + POOL + ":" + ISSUER;
    static final String PROJECT_NUMBER = "123456789012";
    static final KeyRing CI_KEYS = KeyRing.inMemory(Clock.systemUTC());
    /** A real cluster running wisim: its own issuer, registered in the pool with its JWKS inline. */
    static final KeyRing REAL_CLUSTER_KEYS = KeyRing.inMemory(Clock.systemUTC());
    static final String REAL_ISSUER = "https://kubernetes.default.svc.cluster.local";
    static final String CI_ISSUER = "https://ci.example";
    static final String PROVIDERS = "/_sim/workload-identity/projects/" + PROJECT_NUMBER + "/pools/";
    private HttpServer server;

    /** The audience naming provider {@code provider} of pool {@code pool}. */
    static String providerAudience(String pool, String provider) {
        return "//iam.googleapis.com/projects/" + PROJECT_NUMBER + "/locations/global/workloadIdentityPools/" + pool
                + "/providers/" + provider;
    }

    private static Map<String, Object> provider(String pool, String id, String state, boolean disabled, List<String> audiences) {
        Map<String, Object> oidc = new HashMap<>();
        oidc.put("issuerUri", CI_ISSUER);
        oidc.put("jwksJson", CanonicalJson.write(CI_KEYS.publicJwks()));
        if (audiences != null) {
            oidc.put("allowedAudiences", audiences);
        }
        Map<String, Object> provider = new HashMap<>();
        provider.put("name", "projects/" + PROJECT_NUMBER + "/locations/global/workloadIdentityPools/" + pool + "/providers/" + id);
        provider.put("state", state);
        provider.put("disabled", disabled);
        provider.put("attributeMapping", Map.of("google.subject", "assertion.sub", "attribute.repository", "assertion.repository",
                "google.groups", "assertion.teams"));
        provider.put("attributeCondition", "attribute.repository.startsWith('org/')");
        provider.put("oidc", oidc);
        return Map.of("pool", Map.of("name", pool, "state", "gone".equals(pool) ? "DELETED" : "ACTIVE"), "provider", provider);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            Object body = switch (path) {
                case "/_sim/workload-identity/gke-pools/" + POOL + "/clusters" -> Map.of("projectNumber", PROJECT_NUMBER, "clusters",
                        query != null && query.equals("issuer=" + ISSUER) ? List.of(Map.of("pool", POOL, "issuer", ISSUER,
                                "jwksUri", url + CLUSTER_PATH + "/jwks"))
                        : query != null && query.equals("issuer=" + REAL_ISSUER) ? List.of(Map.of("pool", POOL, "issuer", REAL_ISSUER,
                                "jwksJson", CanonicalJson.write(REAL_CLUSTER_KEYS.publicJwks())))
                        : List.of());
                case PROVIDERS + "ci/providers/github" -> provider("ci", "github", "ACTIVE", false, null);
                case PROVIDERS + "ci/providers/audiences" -> provider("ci", "audiences", "ACTIVE", false, List.of("https://ci.example/sts"));
                case PROVIDERS + "ci/providers/disabled" -> provider("ci", "disabled", "ACTIVE", true, null);
                case PROVIDERS + "ci/providers/deleted" -> provider("ci", "deleted", "DELETED", false, null);
                case PROVIDERS + "gone/providers/github" -> provider("gone", "github", "ACTIVE", false, null);
                case CLUSTER_PATH + "/.well-known/openid-configuration" -> Map.of("issuer", ISSUER, "jwks_uri", ISSUER + "/jwks");
                case CLUSTER_PATH + "/jwks" -> CLUSTER_KEYS.publicJwks();
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
        return Map.of("sts.container-api-url", url, "quarkus.rest-client.iam.url", url);
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

    /** The claims of a CI job's token for the provider's default audience. */
    static Map<String, Object> ciClaims(String provider, String subject, String repository) {
        long iat = Instant.now().getEpochSecond();
        Map<String, Object> claims = new HashMap<>();
        claims.put("aud", "https:" + providerAudience("ci", provider));
        claims.put("iss", CI_ISSUER);
        claims.put("sub", subject);
        claims.put("repository", repository);
        claims.put("teams", List.of("builders", "admins"));
        claims.put("iat", iat);
        claims.put("exp", iat + 600);
        return claims;
    }

    static String ksaToken(String namespace, String ksa) {
        return JwsSigner.sign(CLUSTER_KEYS.active(), ksaClaims(namespace, ksa, 0, 3600));
    }
}
