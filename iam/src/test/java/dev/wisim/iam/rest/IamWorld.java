package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/** Test fixtures through IAM's own APIs: user tokens, the demo project, service accounts. */
final class IamWorld {

    static final String PROJECT = "demo-project";

    private IamWorld() {
    }

    static String userToken(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("principal", "user:" + email))
                .post("/_sim/tokens").then().statusCode(200).extract().path("access_token");
    }

    static String admin() {
        String token = userToken("admin@example.com");
        if (given().auth().oauth2(token).get("/v1/projects/" + PROJECT).statusCode() != 200) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("projectId", PROJECT))
                    .post("/v1/projects").then().statusCode(200);
        }
        return token;
    }

    static String serviceAccount(String admin, String accountId) {
        String email = accountId + "@" + PROJECT + ".iam.gserviceaccount.com";
        if (given().auth().oauth2(admin).get("/v1/projects/-/serviceAccounts/" + email).statusCode() == 404) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("accountId", accountId, "serviceAccount", Map.of("displayName", accountId)))
                    .post("/v1/projects/" + PROJECT + "/serviceAccounts").then().statusCode(200);
        }
        return email;
    }

    static void bind(String admin, String email, String role, String member) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("policy", Map.of("version", 3, "bindings", java.util.List.of(Map.of("role", role, "members", java.util.List.of(member))))))
                .post("/v1/projects/-/serviceAccounts/" + email + ":setIamPolicy").then().statusCode(200);
    }
}
