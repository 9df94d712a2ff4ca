package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a history of a few changes only: a paged list whose snapshot is compacted away goes on only inconsistently. */
@QuarkusTest
@TestProfile(CompactedHistoryTest.ShortHistory.class)
class CompactedHistoryTest {

    public static class ShortHistory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("apiserver.watch-history", "3");
        }
    }

    @Test
    void aContinueTokenOfACompactedSnapshotIsExpiredWithOneThatGoesOnFromNow() {
        ObjectsResourceTest.namespace("c-page");
        ListsTest.serviceAccount("c-page", "a", "{}");
        ListsTest.serviceAccount("c-page", "b", "{}");
        String token = given().get("/api/v1/namespaces/c-page/serviceaccounts?limit=1").then().statusCode(200)
                .body("items.metadata.name", contains("a")).extract().path("metadata.continue");
        for (String name : new String[] {"c", "d", "e", "f"}) {
            ListsTest.serviceAccount("c-page", name, "{}");
        }
        String inconsistent = given().get("/api/v1/namespaces/c-page/serviceaccounts?limit=1&continue=" + token).then().statusCode(410)
                .body("kind", equalTo("Status")).body("reason", equalTo("Expired")).body("code", equalTo(410))
                .body("message", startsWith("The provided continue parameter is too old to display a consistent list result."))
                .extract().path("metadata.continue");
        given().get("/api/v1/namespaces/c-page/serviceaccounts?limit=10&continue=" + inconsistent).then().statusCode(200)
                .body("items.metadata.name", contains("b", "c", "d", "default", "e", "f"));
    }
}
