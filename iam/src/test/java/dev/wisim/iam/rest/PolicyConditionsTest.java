package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** IAM policy version 3: conditional bindings (CEL), read rules, denials explained, concurrent read-modify-write. */
@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class PolicyConditionsTest {

    static final String KSA = "serviceAccount:demo-project.svc.id.goog[demo/app]";
    static final String BODY = "{\"scope\":[\"" + IamWorld.CLOUD_PLATFORM + "\"]}";

    private static void setConditional(String admin, String email, String expression) {
        Map<String, Object> binding = Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of(KSA),
                "condition", Map.of("title", "t", "expression", expression));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("policy", Map.of("version", 3, "bindings", List.of(binding))))
                .post("/v1/projects/-/serviceAccounts/" + email + ":setIamPolicy").then().statusCode(200)
                .body("bindings[0].condition.expression", equalTo(expression));
    }

    private static int generate(String email) {
        return given().auth().oauth2(FakeSts.federatedToken("demo", "app", 600, IamWorld.CLOUD_PLATFORM)).contentType(ContentType.JSON)
                .body(BODY).post("/v1/projects/-/serviceAccounts/" + email + ":generateAccessToken").statusCode();
    }

    @Test
    void aConditionGrantsOnlyWhileItHolds() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "cond-time");
        setConditional(admin, email, "request.time < timestamp(\"2000-01-01T00:00:00Z\")");
        assertThat(generate(email)).isEqualTo(403);
        setConditional(admin, email, "request.time < timestamp(\"2999-01-01T00:00:00Z\")");
        assertThat(generate(email)).isEqualTo(200);
        setConditional(admin, email, "resource.type == \"iam.googleapis.com/ServiceAccount\" && resource.name.startsWith(\"projects/-/serviceAccounts/\")");
        assertThat(generate(email)).isEqualTo(200);
        setConditional(admin, email, "resource.name.endsWith(\"nobody\")");
        assertThat(generate(email)).isEqualTo(403);
        // an expression that fails at run time (no such attribute) does not grant
        setConditional(admin, email, "request.host == \"x\"");
        assertThat(generate(email)).isEqualTo(403);
    }

    @Test
    void badConditionsAndOldVersionsAreRefused() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "cond-invalid");
        String path = "/v1/projects/-/serviceAccounts/" + email;
        Map<String, Object> broken = Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of(KSA),
                "condition", Map.of("title", "t", "expression", "request.time <"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("policy", Map.of("version", 3, "bindings", List.of(broken))))
                .post(path + ":setIamPolicy").then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.message", startsWith("Condition expression is invalid"));
        Map<String, Object> untitled = Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of(KSA),
                "condition", Map.of("expression", "true"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("policy", Map.of("version", 3, "bindings", List.of(untitled))))
                .post(path + ":setIamPolicy").then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        Map<String, Object> fine = Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of(KSA),
                "condition", Map.of("title", "t", "expression", "true"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("policy", Map.of("version", 1, "bindings", List.of(fine))))
                .post(path + ":setIamPolicy").then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("policy", Map.of("version", 3, "bindings", List.of(fine))))
                .post(path + ":setIamPolicy").then().statusCode(200);

        given().auth().oauth2(admin).post(path + ":getIamPolicy").then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(admin).queryParam("options.requestedPolicyVersion", 2).post(path + ":getIamPolicy").then().statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(admin).queryParam("options.requestedPolicyVersion", 3).post(path + ":getIamPolicy").then().statusCode(200)
                .body("version", equalTo(3)).body("bindings[0].condition.title", equalTo("t"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"options\":{\"requestedPolicyVersion\":3}}")
                .post(path + ":getIamPolicy").then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void everyDenialIsExplained() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "cond-explain");
        setConditional(admin, email, "request.time < timestamp(\"2000-01-01T00:00:00Z\")");
        given().delete("/_sim/denials").then().statusCode(200);
        assertThat(generate(email)).isEqualTo(403);

        given().get("/_sim/denials").then().statusCode(200)
                .body("denials[0].permission", equalTo("iam.serviceAccounts.getAccessToken"))
                .body("denials[0].allowed", equalTo(false))
                .body("denials[0].principal", equalTo(FakeSts.POOL_PREFIX + "demo-project.svc.id.goog/subject/ns/demo/sa/app"))
                .body("denials[0].principalMembers", hasItem(KSA))
                .body("denials[0].resource", equalTo("projects/demo-project/serviceAccounts/" + email))
                .body("denials[0].bindings[0].role", equalTo("roles/iam.workloadIdentityUser"))
                .body("denials[0].bindings[0].roleGrantsPermission", equalTo(true))
                .body("denials[0].bindings[0].membersNamePrincipal", equalTo(true))
                .body("denials[0].bindings[0].conditionOutcome", equalTo("false"));
        // a question is not a denial
        given().delete("/_sim/denials");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"permissions\":[\"iam.serviceAccounts.signBlob\"]}")
                .post("/v1/projects/-/serviceAccounts/" + email + ":testIamPermissions").then().statusCode(200);
        given().get("/_sim/denials").then().body("denials.size()", equalTo(0));
    }

    @Test
    void concurrentReadModifyWritesLoseNoBinding() throws Exception {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "cond-race");
        String path = "/v1/projects/-/serviceAccounts/" + email;
        List<String> members = List.of("serviceAccount:demo-project.svc.id.goog[a/one]", "serviceAccount:demo-project.svc.id.goog[b/two]");
        CyclicBarrier bothRead = new CyclicBarrier(2);
        List<CompletableFuture<List<Integer>>> writers = new ArrayList<>();
        for (String member : members) {
            writers.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new ArrayList<>();
                boolean first = true;
                while (true) {
                    Map<String, Object> policy = given().auth().oauth2(admin).queryParam("options.requestedPolicyVersion", 3)
                            .post(path + ":getIamPolicy").then().statusCode(200).extract().as(Map.class);
                    if (first) {
                        await(bothRead);
                        first = false;
                    }
                    List<Map<String, Object>> bindings = new ArrayList<>(policy.get("bindings") == null ? List.of()
                            : (List<Map<String, Object>>) policy.get("bindings"));
                    bindings.add(Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of(member)));
                    int status = given().auth().oauth2(admin).contentType(ContentType.JSON)
                            .body(Map.of("policy", Map.of("version", 3, "etag", policy.get("etag"), "bindings", bindings)))
                            .post(path + ":setIamPolicy").statusCode();
                    statuses.add(status);
                    if (status != 409) {
                        return statuses;
                    }
                }
            }));
        }
        List<Integer> all = new ArrayList<>();
        for (CompletableFuture<List<Integer>> writer : writers) {
            all.addAll(writer.get());
        }
        assertThat(all).containsOnlyOnce(409).contains(200, 200);
        List<String> granted = given().auth().oauth2(admin).queryParam("options.requestedPolicyVersion", 3).post(path + ":getIamPolicy")
                .then().statusCode(200).extract().jsonPath().getList("bindings.members.flatten()");
        assertThat(granted).containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void aDeletedAccountCanBeUndeletedByUniqueId() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "undelete-me");
        String uniqueId = given().auth().oauth2(admin).get("/v1/projects/-/serviceAccounts/" + email).then().extract().path("uniqueId");
        given().auth().oauth2(admin).delete("/v1/projects/-/serviceAccounts/" + email).then().statusCode(200);
        given().auth().oauth2(IamWorld.userToken("mallory@example.com")).post("/v1/projects/demo-project/serviceAccounts/" + uniqueId + ":undelete")
                .then().statusCode(403).body("error.status", equalTo("PERMISSION_DENIED"));
        given().auth().oauth2(admin).post("/v1/projects/demo-project/serviceAccounts/" + uniqueId + ":undelete").then().statusCode(200)
                .body("restoredAccount.email", equalTo(email)).body("restoredAccount.uniqueId", equalTo(uniqueId));
        given().auth().oauth2(admin).get("/v1/projects/-/serviceAccounts/" + email).then().statusCode(200);
        given().auth().oauth2(admin).post("/v1/projects/demo-project/serviceAccounts/" + uniqueId + ":undelete").then().statusCode(404)
                .body("error.status", equalTo("NOT_FOUND"));
    }

    @Test
    void theOrganisationPolicyExtendsTokenLifetimes() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "long-lived");
        IamWorld.bind(admin, email, "roles/iam.serviceAccountTokenCreator", "user:admin@example.com");
        String body = "{\"scope\":[\"" + IamWorld.CLOUD_PLATFORM + "\"],\"lifetime\":\"43200s\"}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/v1/projects/-/serviceAccounts/" + email + ":generateAccessToken")
                .then().statusCode(400).body("error.message", equalTo("The lifetime of an access token must be between 1 second and 3600 seconds."));
        given().contentType(ContentType.JSON).body(Map.of("allowedValues", List.of(email)))
                .put("/_sim/org-policy/iam.allowServiceAccountCredentialLifetimeExtension").then().statusCode(200)
                .body("allowedValues", equalTo(List.of(email)));
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/v1/projects/-/serviceAccounts/" + email + ":generateAccessToken")
                    .then().statusCode(200);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(body.replace("43200s", "43201s"))
                    .post("/v1/projects/-/serviceAccounts/" + email + ":generateAccessToken").then().statusCode(400)
                    .body("error.status", equalTo("INVALID_ARGUMENT"));
        } finally {
            given().contentType(ContentType.JSON).body("{\"allowedValues\":[]}")
                    .put("/_sim/org-policy/iam.allowServiceAccountCredentialLifetimeExtension").then().statusCode(200);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
