package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.SigningKey;
import dev.wisim.jose.TokenForge;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Google's token endpoint for service account keys: the JWT-bearer grant and every way an assertion can be refused. */
@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class OAuthTokenResourceTest {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String TIMEFRAME = "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe."
            + " Check your iat and exp values in the JWT claim.";

    private Map<String, Object> file;
    private SigningKey key;
    private String email;

    @BeforeEach
    void aServiceAccountWithAKey() {
        String admin = IamWorld.admin();
        email = IamWorld.serviceAccount(admin, "token-grant");
        file = IamWorld.keyFile(admin, email);
        key = IamWorld.signingKey(file);
    }

    static ValidatableResponse exchange(String assertion) {
        return given().formParam("grant_type", JWT_BEARER).formParam("assertion", assertion).post("/token").then();
    }

    /** The key file's assertion (scope cloud-platform) is refused with this error. */
    static void refused(Map<String, Object> keyFile, String error, String description) {
        long now = Instant.now().getEpochSecond();
        exchange(JwsSigner.sign(IamWorld.signingKey(keyFile), Map.of("iss", keyFile.get("client_email"),
                "aud", "https://oauth2.googleapis.com/token", "scope", IamWorld.CLOUD_PLATFORM, "iat", now, "exp", now + 3600), true))
                .statusCode(400).body("error", equalTo(error)).body("error_description", equalTo(description));
    }

    private Map<String, Object> claims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new HashMap<>(Map.of("iss", email, "aud", "https://oauth2.googleapis.com/token",
                "scope", IamWorld.CLOUD_PLATFORM + " https://www.googleapis.com/auth/userinfo.email", "iat", now, "exp", now + 3600));
        return claims;
    }

    private Map<String, Object> claims(String name, Object value) {
        Map<String, Object> claims = claims();
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return claims;
    }

    private static void invalidGrant(String assertion, String description) {
        exchange(assertion).statusCode(400).contentType("application/json; charset=UTF-8")
                .body("error", equalTo("invalid_grant")).body("error_description", equalTo(description));
    }

    @Test
    void anAssertionSignedWithTheKeyBuysAnAccessToken() {
        String token = exchange(JwsSigner.sign(key, claims(), true)).statusCode(200)
                .header("Cache-Control", startsWith("no-cache"))
                .body("access_token", startsWith("ya29.c.")).body("token_type", equalTo("Bearer"))
                .body("expires_in", org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(3590))
                        .and(org.hamcrest.Matchers.lessThanOrEqualTo(3600)))
                .extract().path("access_token");
        given().queryParam("access_token", token).get("/oauth2/v3/tokeninfo").then().statusCode(200)
                .body("email", equalTo(email)).body("azp", equalTo(file.get("client_id")));
        // Python signs for the key file's token_uri; the older Google addresses still answer
        exchange(JwsSigner.sign(key, claims("aud", "http://127.0.0.1:8082/token"), true)).statusCode(200);
        given().formParam("grant_type", JWT_BEARER).formParam("assertion", JwsSigner.sign(key, claims(), true))
                .post("/oauth2/v4/token").then().statusCode(200);
        // the unique id names the account too, and a kid-less assertion is tried against every key
        exchange(JwsSigner.sign(key, claims("iss", file.get("client_id")), true)).statusCode(200);
        exchange(TokenForge.withoutKid(key, claims())).statusCode(200);
    }

    @Test
    void aTargetAudienceBuysAnIdToken() {
        String idToken = exchange(JwsSigner.sign(key, claims("target_audience", "https://service.example"), true)).statusCode(200)
                .extract().path("id_token");
        given().queryParam("id_token", idToken).get("/oauth2/v3/tokeninfo").then().statusCode(200)
                .body("aud", equalTo("https://service.example")).body("email", equalTo(email))
                .body("email_verified", equalTo("true")).body("iss", equalTo("https://accounts.google.com"))
                .body("alg", equalTo("RS256")).body("typ", equalTo("JWT"));
        assertThat(given().queryParam("id_token", idToken).get("/oauth2/v1/tokeninfo").then().statusCode(200)
                .extract().jsonPath().getMap("")).containsEntry("audience", "https://service.example")
                .containsEntry("email", email).containsEntry("email_verified", true).containsKeys("expires_in", "issued_to", "user_id");
    }

    @Test
    void refusesEveryBadAssertionWithGooglesError() {
        long now = Instant.now().getEpochSecond();
        invalidGrant(JwsSigner.sign(key, claims("exp", now - 300), true), TIMEFRAME);
        invalidGrant(JwsSigner.sign(key, claims("iat", now + 600), true), TIMEFRAME);
        invalidGrant(JwsSigner.sign(key, claims("nbf", now + 600), true), TIMEFRAME);
        invalidGrant(JwsSigner.sign(key, claims("exp", now + 7200), true), TIMEFRAME);
        invalidGrant(JwsSigner.sign(key, claims("iat", null), true), TIMEFRAME);
        invalidGrant(TokenForge.tampered(key, claims(), "exp", Instant.now().getEpochSecond() + 3000), "Invalid JWT Signature.");
        invalidGrant(TokenForge.tampered(key, claims(), "scope", "https://www.googleapis.com/auth/devstorage.full_control"),
                "Invalid JWT Signature.");
        invalidGrant(TokenForge.signedByStranger(claims()), "Invalid JWT Signature.");
        invalidGrant(TokenForge.signedByStrangerWithKid(key.kid(), claims()), "Invalid JWT Signature.");
        invalidGrant(TokenForge.algNone(claims()), "Invalid JWT Signature.");
        invalidGrant(TokenForge.hs256WithPublicKey(key, claims()), "Invalid JWT Signature.");
        invalidGrant(JwsSigner.sign(key, claims("aud", "https://sts.googleapis.com"), true),
                "Invalid JWT: Failed audience check. The right audience is https://oauth2.googleapis.com/token");
        invalidGrant(JwsSigner.sign(key, claims("iss", "nobody@demo-project.iam.gserviceaccount.com"), true),
                "Invalid grant: account not found");
        invalidGrant(JwsSigner.sign(key, claims("iss", "not-an-account"), true), "Not a valid email or user ID.");
        exchange("not.a.jwt").statusCode(400).body("error", equalTo("invalid_request"));
        exchange("garbage").statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void refusesWhatTheGrantDoesNotAllow() {
        exchange(JwsSigner.sign(key, claims("scope", null), true)).statusCode(400)
                .body("error", equalTo("invalid_scope"))
                .body("error_description", equalTo("Invalid OAuth scope or ID token audience provided."));
        exchange(JwsSigner.sign(key, claims("sub", "someone@example.com"), true)).statusCode(401)
                .body("error", equalTo("unauthorized_client"));
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", "x").post("/token").then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type")).body("error_description", equalTo("Invalid grant_type: refresh_token"));
        given().formParam("grant_type", JWT_BEARER).post("/token").then().statusCode(400)
                .body("error", equalTo("invalid_request")).body("error_description", equalTo("Missing required parameter: assertion"));
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        String admin = IamWorld.admin();
        given().auth().oauth2(admin).post("/v1/projects/-/serviceAccounts/" + email + ":disable").then().statusCode(200);
        try {
            invalidGrant(JwsSigner.sign(key, claims(), true), "Invalid grant: account not found");
        } finally {
            given().auth().oauth2(admin).post("/v1/projects/-/serviceAccounts/" + email + ":enable").then().statusCode(200);
        }
        exchange(JwsSigner.sign(key, claims(), true)).statusCode(200);
    }
}
