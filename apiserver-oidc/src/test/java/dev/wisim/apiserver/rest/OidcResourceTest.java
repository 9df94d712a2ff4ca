package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.wisim.jose.KeyRing;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OidcResourceTest {

    static final String ISSUER = "https://container.googleapis.com/v1/projects/demo-project/locations/us-central1/clusters/my-cluster-name";

    @Inject
    KeyRing keys;

    @Test
    void servesKubeApiserverDiscoveryByteForByte() {
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .contentType("application/json").header("Cache-Control", "public, max-age=3600")
                .body(equalTo("{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"https://127.0.0.1:6443/openid/v1/jwks\","
                        + "\"response_types_supported\":[\"id_token\"],\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
    }

    @Test
    void servesTheJwksWithItsMediaType() {
        String kid = keys.active().kid();
        given().get("/openid/v1/jwks").then().statusCode(200)
                .contentType("application/jwk-set+json").header("Cache-Control", "public, max-age=3600")
                .body(org.hamcrest.Matchers.matchesPattern("\\{\"keys\":\\[\\{\"use\":\"sig\",\"kty\":\"RSA\",\"kid\":\"[A-Za-z0-9_-]{43}\","
                        + "\"alg\":\"RS256\",\"n\":\"[A-Za-z0-9_-]+\",\"e\":\"AQAB\"}.*"))
                .body("keys.kid", org.hamcrest.Matchers.hasItem(kid));
    }

    @Test
    void servesGooglesPublicGkeDiscoveryAndTheClusterResource() {
        String base = "/v1/projects/demo-project/locations/us-central1/clusters/my-cluster-name";
        given().get(base + "/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(ISSUER)).body("jwks_uri", equalTo(ISSUER + "/jwks"))
                .body("claims_supported[2]", equalTo("kubernetes.io"));
        given().get(base + "/jwks").then().statusCode(200).body("keys.kid", org.hamcrest.Matchers.hasItem(keys.active().kid()));
        given().get(base).then().statusCode(200)
                .body("name", equalTo("my-cluster-name"))
                .body("workloadIdentityConfig.workloadPool", equalTo("demo-project.svc.id.goog"))
                .body("nodePools[0].config.workloadMetadataConfig.mode", equalTo("GKE_METADATA"));
    }

    @Test
    void returnsGoogleErrorsForAnotherCluster() {
        given().get("/v1/projects/demo-project/locations/us-central1/clusters/other/jwks").then().statusCode(404)
                .contentType("application/json")
                .body(equalTo("{\"error\":{\"code\":404,\"message\":\"Not found: projects/demo-project/locations/us-central1/clusters/other.\","
                        + "\"status\":\"NOT_FOUND\"}}"));
    }
}
