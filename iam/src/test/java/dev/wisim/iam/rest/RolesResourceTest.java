package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IAM roles API for predefined roles, and the permission question GKE's authorizer asks. */
@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class RolesResourceTest {

    @Test
    void describesAPredefinedRoleWithItsPermissions() {
        Map<String, Object> role = given().auth().oauth2(IamWorld.admin()).get("/v1/roles/iam.workloadIdentityUser")
                .then().statusCode(200).extract().as(Map.class);
        assertThat(role).containsEntry("name", "roles/iam.workloadIdentityUser").containsEntry("title", "Workload Identity User")
                .containsEntry("stage", "GA").containsEntry("etag", "AA==");
        assertThat((List<String>) role.get("includedPermissions"))
                .containsExactly("iam.serviceAccounts.get", "iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.getOpenIdToken",
                        "iam.serviceAccounts.list");
    }

    @Test
    void gkeRolesHoldWhatTheirNamesSay() {
        String admin = IamWorld.admin();
        List<String> viewer = permissions(admin, "container.viewer");
        assertThat(viewer).contains("container.pods.list", "container.pods.get", "container.namespaces.list", "container.clusters.get")
                .doesNotContain("container.pods.create", "container.secrets.get", "container.pods.getLogs", "container.pods.exec");
        List<String> developer = permissions(admin, "container.developer");
        assertThat(developer).contains("container.pods.create", "container.secrets.get", "container.pods.exec",
                        "container.roleBindings.list", "container.serviceAccounts.createToken")
                .doesNotContain("container.roleBindings.create", "container.clusterRoles.escalate", "container.clusters.impersonate");
        List<String> containerAdmin = permissions(admin, "container.admin");
        assertThat(containerAdmin).contains("container.roleBindings.create", "container.clusterRoles.bind", "container.clusters.impersonate");
        assertThat(permissions(admin, "container.clusterViewer")).containsExactly("container.clusters.connect", "container.clusters.get",
                "container.clusters.list", "resourcemanager.projects.get", "resourcemanager.projects.list");
        assertThat(permissions(admin, "editor")).contains("container.pods.create", "container.clusters.getCredentials")
                .doesNotContain("container.serviceAccounts.createToken", "container.roleBindings.create");
        assertThat(permissions(admin, "viewer")).contains("container.pods.getLogs", "container.selfSubjectAccessReviews.create")
                .doesNotContain("container.deployments.getScale", "container.secrets.list");
    }

    @Test
    void listsInTheBasicViewUnlessAskedForTheFullOneAndPages() {
        String admin = IamWorld.admin();
        List<Map<String, Object>> basic = given().auth().oauth2(admin).get("/v1/roles").then().statusCode(200).extract().path("roles");
        assertThat(basic).extracting(r -> r.get("name")).contains("roles/container.viewer", "roles/owner");
        assertThat(basic).allSatisfy(r -> assertThat(r).doesNotContainKey("includedPermissions").containsKeys("title", "description"));

        List<Object> paged = new ArrayList<>();
        String token = null;
        do {
            var request = given().auth().oauth2(admin).queryParam("view", "FULL").queryParam("pageSize", 5);
            if (token != null) {
                request.queryParam("pageToken", token);
            }
            Map<String, Object> page = request.get("/v1/roles").then().statusCode(200).extract().as(Map.class);
            List<Map<String, Object>> roles = (List<Map<String, Object>>) page.get("roles");
            assertThat(roles).hasSizeLessThanOrEqualTo(5).allSatisfy(r -> assertThat(r).containsKey("includedPermissions"));
            roles.forEach(r -> paged.add(r.get("name")));
            token = (String) page.get("nextPageToken");
        } while (token != null);
        assertThat(paged).containsExactlyElementsOf(basic.stream().map(r -> r.get("name")).toList());
    }

    @Test
    void refusesUnknownRolesBadNamesAndAnonymousCallers() {
        String admin = IamWorld.admin();
        given().auth().oauth2(admin).get("/v1/roles/container.nothing").then().statusCode(404)
                .body("error.status", equalTo("NOT_FOUND")).body("error.message", equalTo("The role named roles/container.nothing was not found."));
        given().auth().oauth2(admin).get("/v1/roles/bad%20name").then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(admin).queryParam("view", "ALL").get("/v1/roles").then().statusCode(400);
        given().get("/v1/roles/container.viewer").then().statusCode(401).body("error.status", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void answersWhichPermissionsAMemberHoldsOnAProject() {
        String admin = IamWorld.admin();
        Map<String, Object> policy = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/v1/projects/" + IamWorld.PROJECT + ":getIamPolicy").then().statusCode(200).extract().as(Map.class);
        List<Object> bindings = new ArrayList<>((List<Object>) policy.getOrDefault("bindings", List.of()));
        bindings.add(Map.of("role", "roles/container.viewer", "members", List.of("user:gke-viewer@example.com")));
        policy.put("bindings", bindings);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("policy", policy))
                .post("/v1/projects/" + IamWorld.PROJECT + ":setIamPolicy").then().statusCode(200);

        List<String> held = given().contentType(ContentType.JSON).body(Map.of("member", "user:gke-viewer@example.com",
                        "resource", "projects/" + IamWorld.PROJECT, "permissions", List.of("container.pods.list", "container.pods.create")))
                .post("/_sim/test-permissions").then().log().ifValidationFails().statusCode(200).extract().path("permissions");
        assertThat(held).containsExactly("container.pods.list");
        List<String> none = given().contentType(ContentType.JSON).body(Map.of("member", "serviceAccount:nobody@example.com",
                        "resource", "projects/" + IamWorld.PROJECT, "permissions", List.of("container.pods.list")))
                .post("/_sim/test-permissions").then().statusCode(200).extract().path("permissions");
        assertThat(none).isEmpty();
        given().contentType(ContentType.JSON).body(Map.of("member", "group:x@example.com", "resource", "projects/" + IamWorld.PROJECT))
                .post("/_sim/test-permissions").then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().contentType(ContentType.JSON).body(Map.of("member", "user:a@example.com", "resource", "projects/nope"))
                .post("/_sim/test-permissions").then().statusCode(404);
    }

    private static List<String> permissions(String token, String role) {
        return given().auth().oauth2(token).get("/v1/roles/" + role).then().statusCode(200).extract().path("includedPermissions");
    }
}
