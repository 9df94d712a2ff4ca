package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class TokenInfoResourceTest {

    @Test
    void v1AcceptsTheTokenFromQueryHeaderOrForm() {
        String token = IamWorld.userToken("alice@example.com");
        given().queryParam("access_token", token).get("/oauth2/v1/tokeninfo")
                .then().statusCode(200).contentType("application/json; charset=UTF-8")
                .body("email", equalTo("alice@example.com")).body("verified_email", equalTo(true))
                .body("expires_in", lessThanOrEqualTo(3600)).body("access_type", equalTo("online"));
        given().header("Authorization", "Bearer " + token).get("/oauth2/v2/tokeninfo")
                .then().statusCode(200).body("email", equalTo("alice@example.com"));
        given().formParam("access_token", token).post("/oauth2/v1/tokeninfo")
                .then().statusCode(200).body("email", equalTo("alice@example.com"));
    }

    @Test
    void v3RendersEveryValueAsAString() {
        String token = IamWorld.userToken("bob@example.com");
        given().queryParam("access_token", token).get("/oauth2/v3/tokeninfo")
                .then().statusCode(200)
                .body("email", equalTo("bob@example.com")).body("email_verified", equalTo("true"))
                .body("expires_in", org.hamcrest.Matchers.matchesPattern("\\d+"))
                .body("exp", org.hamcrest.Matchers.matchesPattern("\\d{10}"));
    }

    /** google-auth-library-python's system test asks for "email profile": Google expands the aliases in the token it issues. */
    @Test
    void expandsTheEmailAndProfileAliasesAsGoogleDoes() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "alias-gsa");
        String token = IamWorld.tokenFromKey(IamWorld.keyFile(admin, email), "email profile");
        given().queryParam("access_token", token).get("/oauth2/v3/tokeninfo").then().statusCode(200)
                .body("scope", equalTo("https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile"))
                .body("email", equalTo(email));
    }

    @Test
    void describesAFederatedToken() {
        given().queryParam("access_token", FakeSts.federatedToken("demo", "app", 600, "https://www.googleapis.com/auth/cloud-platform"))
                .get("/oauth2/v3/tokeninfo")
                .then().statusCode(200)
                .body("sub", equalTo(FakeSts.POOL_PREFIX + "demo-project.svc.id.goog/subject/ns/demo/sa/app"))
                .body("email", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void refusesUnknownExpiredAndMissingTokens() {
        Map<String, String> invalid = Map.of("error", "invalid_token", "error_description", "Invalid Value");
        given().queryParam("access_token", "ya29.c.nonsense").get("/oauth2/v1/tokeninfo")
                .then().statusCode(400).contentType("application/json; charset=UTF-8")
                .body(equalTo("{\"error\":\"invalid_token\",\"error_description\":\"Invalid Value\"}"));
        given().queryParam("access_token", FakeSts.federatedToken("demo", "app", -5, "x")).get("/oauth2/v3/tokeninfo")
                .then().statusCode(400).body("error", equalTo(invalid.get("error")));
        given().get("/oauth2/v3/tokeninfo").then().statusCode(400).body("error_description", equalTo("Invalid Value"));
    }

    @Test
    void aRevokedTokenFailsAtOnceEverywhere() {
        String token = IamWorld.userToken("carol@example.com");
        given().queryParam("access_token", token).get("/oauth2/v3/tokeninfo").then().statusCode(200);
        given().formParam("token", token).post("/revoke").then().statusCode(200).body(equalTo("{}"));

        given().queryParam("access_token", token).get("/oauth2/v3/tokeninfo").then().statusCode(400)
                .body("error", equalTo("invalid_token"));
        given().auth().oauth2(token).get("/v1/projects/demo-project/serviceAccounts").then().statusCode(401)
                .body("error.status", equalTo("UNAUTHENTICATED"));
        given().queryParam("token", token).post("/revoke").then().statusCode(400)
                .body("error", equalTo("invalid_token")).body("error_description", equalTo("Token expired or revoked"));
        given().post("/revoke").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().queryParam("token", "ya29.c.never-issued").get("/o/oauth2/revoke").then().statusCode(400)
                .body("error", equalTo("invalid_token")).body("error_description", equalTo("Token expired or revoked"));
    }

    @Test
    void publishesGooglesIdTokenKeysAsJwksAndAsCertificates() {
        String kid = given().get("/oauth2/v3/certs").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"))
                .body("keys[0].alg", equalTo("RS256")).body("keys[0].use", equalTo("sig"))
                .extract().path("keys[0].kid");
        given().get("/oauth2/v1/certs").then().statusCode(200)
                .body("'" + kid + "'", org.hamcrest.Matchers.startsWith("-----BEGIN CERTIFICATE-----\n"));
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo("https://accounts.google.com"))
                .body("jwks_uri", org.hamcrest.Matchers.endsWith("/oauth2/v3/certs"));
    }

    @Test
    void refusesAForgedIdToken() {
        given().queryParam("id_token", dev.wisim.jose.TokenForge.algNone(Map.of("iss", "https://accounts.google.com", "aud", "x",
                "exp", java.time.Instant.now().getEpochSecond() + 600))).get("/oauth2/v3/tokeninfo")
                .then().statusCode(400).body("error_description", equalTo("Invalid Value"));
        given().queryParam("id_token", "garbage").get("/oauth2/v1/tokeninfo").then().statusCode(400)
                .body("error", equalTo("invalid_token")).body("error_description", equalTo("Invalid Value"));
    }
}
