package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workshop's switches at IAM: its clock skewed, its token-signing key rotated now. */
@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class SwitchesResourceTest {

    @AfterEach
    void unskew() {
        given().delete("/_sim/clock").then().statusCode(200).body("skewSeconds", equalTo(0));
    }

    @Test
    void anIamWhoseClockRunsAheadSeesAnHourTokenAsExpired() {
        String token = IamWorld.userToken("carol@example.com");
        given().queryParam("access_token", token).get("/oauth2/v3/tokeninfo").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"skewSeconds\": 7200}").put("/_sim/clock").then().statusCode(200)
                .body("skewSeconds", equalTo(7200));
        given().queryParam("access_token", token).get("/oauth2/v3/tokeninfo").then().statusCode(400)
                .body("error", equalTo("invalid_token"));

        given().delete("/_sim/clock").then().statusCode(200);
        given().queryParam("access_token", token).get("/oauth2/v3/tokeninfo").then().statusCode(200);
    }

    @Test
    void aBadSkewIsGooglesInvalidArgument() {
        given().contentType(ContentType.JSON).body("{\"skewSeconds\": -100000}").put("/_sim/clock").then().statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.message", equalTo("skewSeconds must be between -86400 and 86400"));
        given().contentType(ContentType.JSON).body("{").put("/_sim/clock").then().statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void aRotatedKeySignsFromNowOnAndTheOldOneStaysInTheCertsWhileItsTokensLive() {
        String before = given().urlEncodingEnabled(false).post("/_sim/keys:rotate").then().statusCode(200).extract().path("activeKid");
        IamWorld.userToken("dave@example.com");
        given().urlEncodingEnabled(false).post("/_sim/keys:rotate").then().statusCode(200)
                .body("activeKid", not(equalTo(before))).body("kids", hasItem(before));
        given().get("/oauth2/v3/certs").then().statusCode(200).body("keys.kid", hasItem(before));
    }
}
