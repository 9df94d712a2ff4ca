package dev.wisim.sts.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workshop's switches at STS: its clock skewed, its signing key rotated now. */
@QuarkusTest
@QuarkusTestResource(FakeGoogle.class)
class SwitchesTest {

    @AfterEach
    void unskew() {
        given().delete("/_sim/clock").then().statusCode(200).body("skewSeconds", equalTo(0));
    }

    @Test
    void anStsWhoseClockRunsBehindSeesAFreshKsaTokenAsNotYetValid() {
        given().contentType(ContentType.JSON).body("{\"skewSeconds\": -600}").put("/_sim/clock").then().statusCode(200)
                .body("skewSeconds", equalTo(-600));
        String token = FakeGoogle.ksaToken("demo", "app");
        TokenResourceTest.postForm(TokenResourceTest.form(token)).statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", matchesPattern("ID Token is not valid before \\d+\\."));

        given().delete("/_sim/clock").then().statusCode(200);
        TokenResourceTest.postForm(TokenResourceTest.form(token)).statusCode(200);
    }

    @Test
    void aBadSkewIsAnOAuthInvalidRequest() {
        given().contentType(ContentType.JSON).body("{\"skewSeconds\": 1.5}").put("/_sim/clock").then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("error_description", equalTo("the body must be {\"skewSeconds\": N}, N a whole number of seconds"));
    }

    @Test
    void aRotatedKeySignsTheNextTokenAndTheOldOneStaysPublishedWhileItsTokensLive() {
        TokenResourceTest.postForm(TokenResourceTest.form(FakeGoogle.ksaToken("demo", "app"))).statusCode(200);
        String before = given().get("/_sim/keys").then().statusCode(200).extract().path("keys[-1].kid");
        List<String> kids = given().urlEncodingEnabled(false).post("/_sim/keys:rotate").then().statusCode(200)
                .body("activeKid", not(equalTo(before))).body("kids", hasItem(before)).extract().path("kids");
        assertThat(kids).hasSizeGreaterThanOrEqualTo(2);
        given().get("/_sim/keys").then().body("keys.kid", hasItem(before));
    }
}
