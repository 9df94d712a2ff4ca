package dev.wisim.metadata.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The relay console: its page, the world it shows, and the clock and key switches it passes on. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class ConsoleResourceTest {

    @Test
    void servesThePageAndItsScript() {
        given().redirects().follow(false).get("/_sim/console").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/_sim/console/"));
        given().get("/_sim/console/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("relay console")).body(containsString("console.js"));
        given().get("/_sim/console/console.js").then().statusCode(200).body(containsString("/_sim/relays"));
    }

    @Test
    void theWorldHasTheNodesPodsAndKsasAndIamsAccounts() {
        given().get("/_sim/world").then().statusCode(200)
                .body("cluster.workloadPool", equalTo("demo-project.svc.id.goog"))
                .body("cluster.pods.name", hasItem("test-pod"))
                .body("cluster.serviceAccounts.name", hasItem("test-ksa"))
                .body("iam.serviceAccounts.email", hasItem(FakeUpstreams.GSA));
    }

    @Test
    void passesTheClockAndKeySwitchesOnToTheService() {
        given().contentType(ContentType.JSON).body("{\"skewSeconds\": 600}").put("/_sim/switches/sts/clock").then().statusCode(200)
                .body("skewSeconds", equalTo(600)).body("method", equalTo("PUT"));
        given().delete("/_sim/switches/iam/clock").then().statusCode(200).body("method", equalTo("DELETE"));
        given().urlEncodingEnabled(false).post("/_sim/switches/iam/keys:rotate").then().statusCode(200)
                .body("activeKid", equalTo("kid-2"));
        given().get("/_sim/switches/storage/clock").then().statusCode(400)
                .body("error", equalTo("unknown service storage; the services are apiserver, sts and iam"));
    }
}
