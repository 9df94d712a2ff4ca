package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The backplane's view of a caller, for resource servers: every member that names the token's principal. */
@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class CallerResourceTest {

    @Test
    void aFederatedTokenIsNamedByItsPrincipalItsSetsAndTheLegacyForm() {
        String principal = FakeSts.POOL_PREFIX + "demo-project.svc.id.goog/subject/ns/shop/sa/cart";
        given().auth().oauth2(FakeSts.federatedToken("shop", "cart", 600, IamWorld.CLOUD_PLATFORM)).get("/_sim/caller")
                .then().statusCode(200)
                .body("principal", equalTo(principal))
                .body("email", nullValue())
                .body("members", containsInAnyOrder(principal,
                        FakeSts.POOL_PREFIX.replace("principal://", "principalSet://") + "demo-project.svc.id.goog/namespace/shop",
                        "serviceAccount:demo-project.svc.id.goog[shop/cart]", "allAuthenticatedUsers", "allUsers"));
    }

    @Test
    void aUserIsNamedByEmail() {
        given().auth().oauth2(IamWorld.userToken("erin@example.com")).get("/_sim/caller").then().statusCode(200)
                .body("principal", equalTo("user:erin@example.com")).body("email", equalTo("erin@example.com"))
                .body("members", hasItems("user:erin@example.com", "allAuthenticatedUsers"));
    }

    @Test
    void anUnknownTokenIsUnauthenticated() {
        given().auth().oauth2("ya29.nothing").get("/_sim/caller").then().statusCode(401)
                .body("error.status", equalTo("UNAUTHENTICATED"));
        given().get("/_sim/caller").then().statusCode(401);
    }
}
