package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.wisim.jose.KeyRing;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bearer credentials: service-account tokens identify their KSA, bad tokens are 401, and RBAC keeps KSAs out. */
@QuarkusTest
class AuthenticationTest {

    @Inject
    KeyRing keys;

    private static String token(String namespace, String sa) {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + namespace + "\"}}").post("/api/v1/namespaces");
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + sa + "\"}}").post("/api/v1/namespaces/" + namespace + "/serviceaccounts");
        return given().contentType(ContentType.JSON).body("{\"spec\":{}}")
                .post("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + sa + "/token").then().statusCode(201)
                .extract().path("status.token");
    }

    @Test
    void aServiceAccountTokenIdentifiesItsKsa() {
        String token = token("authn", "robot");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}")
                .post("/apis/authentication.k8s.io/v1/selfsubjectreviews")
                .then().statusCode(201)
                .body("status.userInfo.username", equalTo("system:serviceaccount:authn:robot"))
                .body("status.userInfo.groups", contains("system:serviceaccounts", "system:serviceaccounts:authn", "system:authenticated"));
    }

    @Test
    void aServiceAccountHoldsNoRoleOnTheCluster() {
        String token = token("authz", "robot");
        given().auth().oauth2(token).get("/api/v1/namespaces/authz/serviceaccounts").then().statusCode(403)
                .body("reason", equalTo("Forbidden"))
                .body("message", equalTo("serviceaccounts is forbidden: User \"system:serviceaccount:authz:robot\" cannot list resource"
                        + " \"serviceaccounts\" in API group \"\" in the namespace \"authz\""));
        given().auth().oauth2(token).get("/api").then().statusCode(200);
    }

    @Test
    void aBadBearerTokenIsUnauthorized() {
        given().auth().oauth2("not-a-token").get("/api/v1/namespaces").then().statusCode(401)
                .body(equalTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"Unauthorized\","
                        + "\"reason\":\"Unauthorized\",\"code\":401}"));
    }

    @Test
    void rotationKeepsOldTokensValid() {
        String before = token("rotation", "robot");
        String oldKid = keys.active().kid();
        given().urlEncodingEnabled(false).post("/_sim/keys:rotate").then().statusCode(200)
                .body("kids", org.hamcrest.Matchers.hasItem(oldKid))
                .body("activeKid", org.hamcrest.Matchers.not(equalTo(oldKid)));
        String jwks = given().get("/openid/v1/jwks").then().statusCode(200).body("keys.kid", org.hamcrest.Matchers.hasItem(oldKid))
                .extract().asString();
        try {
            org.assertj.core.api.Assertions.assertThat(new dev.wisim.jose.JwtVerifier(java.time.Clock.systemUTC())
                    .verify(before, dev.wisim.jose.Jwks.parse(jwks), dev.wisim.jose.VerificationRules.rs256()).subject())
                    .isEqualTo("system:serviceaccount:rotation:robot");
        } catch (dev.wisim.jose.JwtRejection e) {
            throw new AssertionError("the token signed before the rotation no longer verifies: " + e.getMessage(), e);
        }
        given().contentType(ContentType.JSON).body(java.util.Map.of("spec", java.util.Map.of("token", before)))
                .post("/apis/authentication.k8s.io/v1/tokenreviews").then().statusCode(201)
                .body("status.authenticated", equalTo(true));
        String after = token("rotation", "robot");
        org.assertj.core.api.Assertions.assertThat(after.split("\\.")[0]).isNotEqualTo(before.split("\\.")[0]);
    }
}
