package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class ServiceAccountResourceTest {

    static final String JSON_UTF8 = "application/json; charset=UTF-8";

    @Test
    void createsAServiceAccountWithGooglesFields() {
        String admin = IamWorld.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"accountId\":\"sa-create\",\"serviceAccount\":{\"displayName\":\"Create\",\"description\":\"d\"}}")
                .post("/v1/projects/demo-project/serviceAccounts")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("name", equalTo("projects/demo-project/serviceAccounts/sa-create@demo-project.iam.gserviceaccount.com"))
                .body("projectId", equalTo("demo-project"))
                .body("email", equalTo("sa-create@demo-project.iam.gserviceaccount.com"))
                .body("uniqueId", matchesPattern("1\\d{20}"))
                .body("oauth2ClientId", matchesPattern("1\\d{20}"))
                .body("displayName", equalTo("Create")).body("description", equalTo("d"))
                .body("etag", equalTo("MDEwMjE5MjA="))
                .body("disabled", nullValue());
        given().urlEncodingEnabled(false).auth().oauth2(admin).get("/v1/projects/-/serviceAccounts/sa-create%40demo-project.iam.gserviceaccount.com")
                .then().statusCode(200).body("displayName", equalTo("Create"));
    }

    @Test
    void refusesADuplicateWithGooglesConflict() {
        String admin = IamWorld.admin();
        IamWorld.serviceAccount(admin, "sa-dup-1");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"accountId\":\"sa-dup-1\",\"serviceAccount\":{}}")
                .post("/v1/projects/demo-project/serviceAccounts")
                .then().statusCode(409).contentType(JSON_UTF8)
                .body("error.code", equalTo(409))
                .body("error.status", equalTo("ALREADY_EXISTS"))
                .body("error.message", equalTo("Service account sa-dup-1 already exists within project projects/demo-project."))
                .body("error.details[0].'@type'", equalTo("type.googleapis.com/google.rpc.ResourceInfo"))
                .body("error.details[0].resourceName",
                        equalTo("projects/demo-project/serviceAccounts/sa-dup-1@demo-project.iam.gserviceaccount.com"));
    }

    @Test
    void refusesAnInvalidAccountId() {
        given().auth().oauth2(IamWorld.admin()).contentType(ContentType.JSON).body("{\"accountId\":\"Bad\",\"serviceAccount\":{}}")
                .post("/v1/projects/demo-project/serviceAccounts")
                .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void listsWithPaging() {
        String admin = IamWorld.admin();
        IamWorld.serviceAccount(admin, "sa-page-1");
        IamWorld.serviceAccount(admin, "sa-page-2");
        String next = given().auth().oauth2(admin).queryParam("pageSize", 1).get("/v1/projects/demo-project/serviceAccounts")
                .then().statusCode(200).body("accounts.size()", equalTo(1)).body("nextPageToken", notNullValue())
                .extract().path("nextPageToken");
        given().auth().oauth2(admin).queryParam("pageSize", 100).queryParam("pageToken", next)
                .get("/v1/projects/demo-project/serviceAccounts")
                .then().statusCode(200).body("nextPageToken", nullValue());
        given().auth().oauth2(admin).get("/v1/projects/demo-project/serviceAccounts")
                .then().statusCode(200).body("accounts.email", hasItem("sa-page-2@demo-project.iam.gserviceaccount.com"));
    }

    @Test
    void returnsUnknownServiceAccountAfterDelete() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "sa-delete");
        given().auth().oauth2(admin).delete("/v1/projects/-/serviceAccounts/" + email).then().statusCode(200).body(equalTo("{}"));
        given().auth().oauth2(admin).get("/v1/projects/-/serviceAccounts/" + email)
                .then().statusCode(404).contentType(JSON_UTF8)
                .body(equalTo("{\"error\":{\"code\":404,\"message\":\"Unknown service account\",\"status\":\"NOT_FOUND\"}}"));
    }

    @Test
    void requiresAuthenticationAndPermission() {
        given().get("/v1/projects/demo-project/serviceAccounts").then().statusCode(401)
                .body("error.status", equalTo("UNAUTHENTICATED"))
                .body("error.message", equalTo(IamException.INVALID_CREDENTIALS));
        given().auth().oauth2("ya29.c.forged").get("/v1/projects/demo-project/serviceAccounts").then().statusCode(401)
                .body("error.status", equalTo("UNAUTHENTICATED"));
        IamWorld.admin();
        given().auth().oauth2(IamWorld.userToken("stranger@example.com")).get("/v1/projects/demo-project/serviceAccounts")
                .then().statusCode(403)
                .body("error.status", equalTo("PERMISSION_DENIED"))
                .body("error.message", equalTo("Permission 'iam.serviceAccounts.list' denied on resource (or it may not exist)."))
                .body("error.details[0].reason", equalTo("IAM_PERMISSION_DENIED"))
                .body("error.details[0].metadata.permission", equalTo("iam.serviceAccounts.list"));
    }

    @Test
    void protectsPoliciesWithEtags() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "sa-policy");
        String path = "/v1/projects/demo-project/serviceAccounts/" + email;
        given().auth().oauth2(admin).queryParam("options.requestedPolicyVersion", 3).post(path + ":getIamPolicy")
                .then().statusCode(200).body(equalTo("{\"etag\":\"ACAB\"}"));
        Map<String, Object> binding = Map.of("role", "roles/iam.workloadIdentityUser",
                "members", List.of("serviceAccount:demo-project.svc.id.goog[demo/app]"));
        String etag = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("policy", Map.of("version", 3, "etag", "ACAB", "bindings", List.of(binding))))
                .post(path + ":setIamPolicy")
                .then().statusCode(200).body("version", equalTo(3))
                .body("bindings[0].members", contains("serviceAccount:demo-project.svc.id.goog[demo/app]"))
                .body("etag", matchesPattern("BwY[A-Za-z0-9+/]{8}="))
                .extract().path("etag");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("policy", Map.of("version", 3, "etag", "ACAB", "bindings", List.of())))
                .post(path + ":setIamPolicy")
                .then().statusCode(409).body("error.status", equalTo("ABORTED"))
                .body("error.message", equalTo("There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff."));
        given().auth().oauth2(admin).post(path + ":getIamPolicy").then().statusCode(200).body("etag", equalTo(etag));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"permissions\":[null]}").post(path + ":testIamPermissions")
                .then().statusCode(200).body(equalTo("{}"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("permissions", List.of("iam.serviceAccounts.get", "iam.serviceAccounts.getAccessToken")))
                .post(path + ":testIamPermissions")
                .then().statusCode(200).body("permissions", contains("iam.serviceAccounts.get"));
    }

    @Test
    void answersBadRequestsInGooglesFormat() {
        String admin = IamWorld.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{bad").post("/v1/projects/demo-project/serviceAccounts")
                .then().statusCode(400).contentType(JSON_UTF8)
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.message", org.hamcrest.Matchers.startsWith("Invalid JSON payload received."));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("null").post("/v1/projects/demo-project/serviceAccounts")
                .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().contentType(ContentType.JSON).body("{\"principal\":\"user:a@example.com\",\"lifetime\":\"soon\"}").post("/_sim/tokens")
                .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(admin).post("/v1/projects/demo-project/serviceAccounts/x@demo-project.iam.gserviceaccount.com:frobnicate")
                .then().statusCode(404).body("error.status", equalTo("NOT_FOUND"));
        given().get("/v2/nothing").then().statusCode(404).contentType(JSON_UTF8).body("error.code", equalTo(404));
        given().put("/oauth2/v3/tokeninfo").then().statusCode(405).contentType(JSON_UTF8);
    }
}
