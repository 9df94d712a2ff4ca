package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IAM's side of the relay console's world: projects and service accounts, each with its policy. */
@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class WorldResourceTest {

    @Test
    void listsEveryProjectAndServiceAccountWithTheirBindings() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "world-gsa");
        IamWorld.bind(admin, email, "roles/iam.workloadIdentityUser", "serviceAccount:demo-project.svc.id.goog[demo/world]");

        Map<String, Object> world = given().get("/_sim/world").then().statusCode(200).extract().as(Map.class);

        List<Map<String, Object>> projects = (List<Map<String, Object>>) world.get("projects");
        assertThat(projects).anySatisfy(p -> assertThat(p).containsEntry("projectId", "demo-project")
                .containsKey("projectNumber").containsKey("bindings"));
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) world.get("serviceAccounts");
        assertThat(accounts).anySatisfy(a -> assertThat(a).containsEntry("email", email).containsEntry("disabled", false)
                .containsEntry("bindings", List.of(Map.of("role", "roles/iam.workloadIdentityUser",
                        "members", List.of("serviceAccount:demo-project.svc.id.goog[demo/world]")))));
    }
}
