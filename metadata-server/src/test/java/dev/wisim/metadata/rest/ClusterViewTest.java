package dev.wisim.metadata.rest;

import static dev.wisim.metadata.rest.MetadataResourceTest.SA;
import static dev.wisim.metadata.rest.MetadataResourceTest.google;
import static dev.wisim.metadata.rest.MetadataResourceTest.within;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The metadata server's informer-fed view of its node: no API server call per request, and changes seen within a second. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class ClusterViewTest {

    @AfterEach
    void reset() {
        MetadataResourceTest.annotate(FakeUpstreams.GSA);
        given().delete("/_sim/token-cache").then().statusCode(204);
    }

    @Test
    void aCachedTokenCostsNoApiServerCall() {
        google().get(SA + "default/token").then().statusCode(200).body("access_token", equalTo(FakeUpstreams.GSA_TOKEN));
        int before = FakeUpstreams.apiserver.requests();
        for (int i = 0; i < 5; i++) {
            google().get(SA + "default/token").then().statusCode(200).body("access_token", equalTo(FakeUpstreams.GSA_TOKEN));
            google().get(SA + "default/email").then().statusCode(200).body(equalTo(FakeUpstreams.GSA));
        }
        assertThat(FakeUpstreams.apiserver.requests()).isEqualTo(before);
    }

    @Test
    void aDeletedPodIsNotServedWithinASecond() {
        FakeUpstreams.apiserver.client().pods().inNamespace("demo").resource(FakeApiserver.pod("brief-pod", "127.0.0.8")).create();
        within(Duration.ofSeconds(1), () -> podAt("127.0.0.8").then().extract().statusCode() == 200, "the new pod is served");
        podAt("127.0.0.8").then().statusCode(200).body(equalTo(FakeUpstreams.GSA));
        FakeUpstreams.apiserver.client().pods().inNamespace("demo").withName("brief-pod").delete();
        within(Duration.ofSeconds(1), () -> podAt("127.0.0.8").then().extract().statusCode() == 404, "the deleted pod is not served");
        podAt("127.0.0.8").then().statusCode(404)
                .body(equalTo("Unable to identify the calling pod: no pod on this node has the IP address 127.0.0.8\n"));
    }

    @Test
    void aRemovedAnnotationStopsTheGsaTokenWithinASecond() {
        google().get(SA + "default/token").then().statusCode(200).body("access_token", equalTo(FakeUpstreams.GSA_TOKEN));
        MetadataResourceTest.annotate(null);
        google().get(SA + "default/token").then().statusCode(200).body("access_token", equalTo(FakeUpstreams.FEDERATED));
    }

    private static io.restassured.response.Response podAt(String ip) {
        return given().baseUri("http://" + ip).port(io.restassured.RestAssured.port).header("Metadata-Flavor", "Google")
                .get("/computeMetadata/v1/instance/service-accounts/default/email");
    }
}
