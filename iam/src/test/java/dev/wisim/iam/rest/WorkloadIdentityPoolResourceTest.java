package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class WorkloadIdentityPoolResourceTest {

    static final String POOLS = "/v1/projects/demo-project/locations/global/workloadIdentityPools";
    static final String NUMBER = "814739424704";

    static Map<String, Object> provider(String issuer, Map<String, String> mapping, String condition) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("displayName", "ci");
        body.put("attributeMapping", mapping);
        if (condition != null) {
            body.put("attributeCondition", condition);
        }
        body.put("oidc", Map.of("issuerUri", issuer));
        return body;
    }

    private static void createPool(String admin, String id) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("workloadIdentityPoolId", id)
                .body(Map.of("displayName", "Pool " + id)).post(POOLS).then().statusCode(200);
    }

    @Test
    void createsAPoolAsAFinishedOperation() {
        String admin = IamWorld.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("workloadIdentityPoolId", "ci-pool")
                .body(Map.of("displayName", "CI", "description", "builds")).post(POOLS)
                .then().statusCode(200)
                .body("name", matchesPattern("projects/" + NUMBER + "/locations/global/workloadIdentityPools/ci-pool/operations/[0-9a-f]+"))
                .body("done", equalTo(true))
                .body("response.'@type'", equalTo("type.googleapis.com/google.iam.v1.WorkloadIdentityPool"))
                .body("response.name", equalTo("projects/" + NUMBER + "/locations/global/workloadIdentityPools/ci-pool"))
                .body("response.state", equalTo("ACTIVE"));
        given().auth().oauth2(admin).get(POOLS + "/ci-pool").then().statusCode(200)
                .body("displayName", equalTo("CI")).body("description", equalTo("builds")).body("disabled", nullValue());
        given().auth().oauth2(admin).get("/v1/projects/" + NUMBER + "/locations/global/workloadIdentityPools/ci-pool").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("workloadIdentityPoolId", "ci-pool").body("{}").post(POOLS)
                .then().statusCode(409).body("error.status", equalTo("ALREADY_EXISTS"));
        for (String bad : new String[] {"ab", "gcp-pool", "Upper-case", "a_b_c_d"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("workloadIdentityPoolId", bad).body("{}").post(POOLS)
                    .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        }
        given().auth().oauth2(admin).get("/v1/projects/demo-project/locations/us-east1/workloadIdentityPools").then().statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(IamWorld.userToken("mallory@example.com")).get(POOLS).then().statusCode(403)
                .body("error.details[0].metadata.permission", equalTo("iam.workloadIdentityPools.list"));
        given().auth().oauth2(admin).get(POOLS + "/no-such-pool").then().statusCode(404).body("error.status", equalTo("NOT_FOUND"));
    }

    @Test
    void deletesUndeletesAndPatchesAPool() {
        String admin = IamWorld.admin();
        createPool(admin, "short-lived");
        given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("updateMask", "displayName,disabled")
                .body(Map.of("displayName", "renamed", "disabled", true)).patch(POOLS + "/short-lived")
                .then().statusCode(200).body("response.displayName", equalTo("renamed")).body("response.disabled", equalTo(true));
        given().auth().oauth2(admin).delete(POOLS + "/short-lived").then().statusCode(200)
                .body("response.state", equalTo("DELETED")).body("response.expireTime", matchesPattern("\\d{4}-.*Z"));
        given().auth().oauth2(admin).get(POOLS).then().statusCode(200)
                .body("workloadIdentityPools.name", not(hasItem(org.hamcrest.Matchers.endsWith("/short-lived"))));
        given().auth().oauth2(admin).queryParam("showDeleted", true).get(POOLS).then().statusCode(200)
                .body("workloadIdentityPools.name", hasItem(org.hamcrest.Matchers.endsWith("/short-lived")));
        given().auth().oauth2(admin).post(POOLS + "/short-lived:undelete").then().statusCode(200).body("response.state", equalTo("ACTIVE"));
        given().auth().oauth2(admin).get(POOLS + "/short-lived/operations/abc").then().statusCode(200).body("done", equalTo(true));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").patch(POOLS + "/short-lived").then().statusCode(400)
                .body("error.message", equalTo("updateMask is required.")).body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void validatesProvidersAsGoogleDoes() {
        String admin = IamWorld.admin();
        createPool(admin, "provider-checks");
        String providers = POOLS + "/provider-checks/providers";
        Map<String, String> mapping = Map.of("google.subject", "assertion.sub", "attribute.repository", "assertion.repository");
        given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("workloadIdentityPoolProviderId", "github")
                .body(provider("https://token.actions.example", mapping, "attribute.repository == 'org/app'")).post(providers)
                .then().statusCode(200)
                .body("response.'@type'", equalTo("type.googleapis.com/google.iam.v1.WorkloadIdentityPoolProvider"))
                .body("response.attributeMapping.'google.subject'", equalTo("assertion.sub"))
                .body("response.oidc.issuerUri", equalTo("https://token.actions.example"));

        Object[][] refused = {
                {"no-subject", provider("https://i.example", Map.of("attribute.a", "assertion.a"), null)},
                {"bad-mapping", provider("https://i.example", Map.of("google.subject", "assertion.sub +"), null)},
                {"bad-name", provider("https://i.example", Map.of("google.subject", "assertion.sub", "Attribute.X", "1"), null)},
                {"bad-condition", provider("https://i.example", Map.of("google.subject", "assertion.sub"), "assertion.sub ==")},
                {"not-boolean", provider("https://i.example", Map.of("google.subject", "assertion.sub"), "'yes'")},
                {"plain-http", provider("http://i.example", Map.of("google.subject", "assertion.sub"), null)},
                {"bad-jwks", Map.of("attributeMapping", Map.of("google.subject", "assertion.sub"),
                        "oidc", Map.of("issuerUri", "https://i.example", "jwksJson", "{\"keys\":7}"))},
                {"no-oidc", Map.of("attributeMapping", Map.of("google.subject", "assertion.sub"))}};
        for (Object[] each : refused) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("workloadIdentityPoolProviderId", each[0])
                    .body(each[1]).post(providers).then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("updateMask", "attributeCondition,oidc.allowedAudiences")
                .body(Map.of("attributeCondition", "true", "oidc", Map.of("allowedAudiences", List.of("ci"))))
                .patch(providers + "/github").then().statusCode(200)
                .body("response.attributeCondition", equalTo("true"))
                .body("response.oidc.allowedAudiences", equalTo(List.of("ci")))
                .body("response.oidc.issuerUri", equalTo("https://token.actions.example"));
        given().auth().oauth2(admin).get(providers).then().statusCode(200)
                .body("workloadIdentityPoolProviders.name", hasItem(startsWith("projects/" + NUMBER)));
        given().auth().oauth2(admin).delete(providers + "/github").then().statusCode(200).body("response.state", equalTo("DELETED"));
        given().get("/_sim/workload-identity/projects/" + NUMBER + "/pools/provider-checks/providers/github").then().statusCode(200)
                .body("provider.state", equalTo("DELETED")).body("pool.state", equalTo("ACTIVE"));
        given().auth().oauth2(admin).post(providers + "/github:undelete").then().statusCode(200).body("response.state", equalTo("ACTIVE"));
        given().get("/_sim/workload-identity/projects/" + NUMBER + "/pools/provider-checks/providers/nope").then().statusCode(404)
                .body("error.status", equalTo("NOT_FOUND"));
    }

    @Test
    void clustersJoinTheirProjectsGkePool() {
        String pool = "/_sim/workload-identity/gke-pools/demo-project.svc.id.goog/clusters";
        String issuer = "https://container.googleapis.com/v1/projects/demo-project/locations/l/clusters/one";
        given().contentType(ContentType.JSON).body(Map.of("issuer", issuer, "jwksUri", "http://127.0.0.1:1/openid/v1/jwks"))
                .put(pool).then().statusCode(200).body("pool", equalTo("demo-project.svc.id.goog"));
        given().queryParam("issuer", issuer).get(pool).then().statusCode(200).body("clusters[0].jwksUri", equalTo("http://127.0.0.1:1/openid/v1/jwks"))
                .body("projectNumber", equalTo(NUMBER));
        given().queryParam("issuer", issuer).get("/_sim/workload-identity/gke-pools/no-such-project.svc.id.goog/clusters").then()
                .statusCode(200).body("clusters.size()", equalTo(0)).body("$", not(hasKey("projectNumber")));
        given().queryParam("issuer", issuer + "x").get(pool).then().statusCode(200).body("clusters.size()", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("issuer", "http://plain")).put(pool).then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().queryParam("issuer", issuer).delete(pool).then().statusCode(200);
        given().queryParam("issuer", issuer).delete(pool).then().statusCode(404).body("error.status", equalTo("NOT_FOUND"));
    }
}
