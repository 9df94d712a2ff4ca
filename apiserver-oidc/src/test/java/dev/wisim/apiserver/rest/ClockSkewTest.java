package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workshop's clock skew at the cluster: the KSA tokens it mints carry its skewed time. */
@QuarkusTest
class ClockSkewTest {

    @AfterEach
    void unskew() {
        given().delete("/_sim/clock").then().statusCode(200).body("skewSeconds", equalTo(0));
    }

    @Test
    void aSkewedClusterMintsTokensAtItsOwnTime() throws Exception {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"skew\"}}").post("/api/v1/namespaces");
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"robot\"}}").post("/api/v1/namespaces/skew/serviceaccounts");

        given().contentType(ContentType.JSON).body("{\"skewSeconds\": 3600}").put("/_sim/clock").then().statusCode(200)
                .body("skewSeconds", equalTo(3600));
        String token = given().contentType(ContentType.JSON).body("{\"spec\":{}}")
                .post("/api/v1/namespaces/skew/serviceaccounts/robot/token").then().statusCode(201).extract().path("status.token");

        Map<?, ?> claims = new ObjectMapper().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
        long iat = ((Number) claims.get("iat")).longValue();
        assertThat(iat - Instant.now().getEpochSecond()).isBetween(3590L, 3610L);
        String now = given().get("/_sim/clock").then().statusCode(200).extract().path("now");
        assertThat(Instant.parse(now)).isAfter(Instant.now().plusSeconds(3590));
    }

    @Test
    void aSkewThatIsNotWholeSecondsOrOverADayIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"skewSeconds\": \"soon\"}").put("/_sim/clock").then().statusCode(400)
                .body("kind", equalTo("Status")).body("reason", equalTo("BadRequest"))
                .body("message", equalTo("the body must be {\"skewSeconds\": N}, N a whole number of seconds"));
        given().contentType(ContentType.JSON).body("{\"skewSeconds\": 90000}").put("/_sim/clock").then().statusCode(400)
                .body("message", equalTo("skewSeconds must be between -86400 and 86400"));
        given().get("/_sim/clock").then().statusCode(200).body("skewSeconds", equalTo(0));
    }
}
