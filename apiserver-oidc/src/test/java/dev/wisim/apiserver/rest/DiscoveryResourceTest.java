package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiscoveryResourceTest {

    @Test
    void reportsVersionMinor32ForTheKubectlDispatcher() {
        given().get("/version?timeout=5s").then().statusCode(200)
                .body("major", equalTo("1")).body("minor", equalTo("32"))
                .body("gitVersion", equalTo("v1.32.4-gke.1106006")).body("platform", equalTo("linux/amd64"));
    }

    @Test
    void servesLegacyDiscovery() {
        given().get("/api").then().statusCode(200).body("kind", equalTo("APIVersions")).body("versions[0]", equalTo("v1"));
        given().get("/apis").then().statusCode(200).body("groups[0].name", equalTo("authentication.k8s.io"));
        given().get("/api/v1").then().statusCode(200).body("groupVersion", equalTo("v1"))
                .body("resources.name", hasItems("namespaces", "pods", "serviceaccounts", "serviceaccounts/token"))
                .body("resources.find { it.name == 'serviceaccounts' }.shortNames[0]", equalTo("sa"));
        given().get("/apis/authentication.k8s.io/v1").then().statusCode(200)
                .body("resources.name", org.hamcrest.Matchers.contains("selfsubjectreviews", "tokenreviews"));
    }
}
