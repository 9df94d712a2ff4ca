package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** RBAC as kube-apiserver evaluates it: the bootstrap policy, bindings that grant exactly where they say, escalation, reviews, impersonation. */
@QuarkusTest
class RbacTest {

    private static final String RBAC = "/apis/rbac.authorization.k8s.io/v1";

    private static String token(String namespace, String sa) {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + namespace + "\"}}").post("/api/v1/namespaces");
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + sa + "\"}}").post("/api/v1/namespaces/" + namespace + "/serviceaccounts");
        return given().contentType(ContentType.JSON).body("{\"spec\":{}}")
                .post("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + sa + "/token").then().statusCode(201)
                .extract().path("status.token");
    }

    private static void bind(String namespace, String name, String role, String sa) {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + name + "\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\","
                        + "\"kind\":\"ClusterRole\",\"name\":\"" + role + "\"},\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"" + sa + "\"}]}")
                .post(RBAC + "/namespaces/" + namespace + "/rolebindings").then().statusCode(201);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void servesTheBootstrapPolicy() {
        given().get(RBAC + "/clusterroles/view").then().statusCode(200)
                .body("apiVersion", equalTo("rbac.authorization.k8s.io/v1"))
                .body("aggregationRule.clusterRoleSelectors[0].matchLabels", org.hamcrest.Matchers.hasKey("rbac.authorization.k8s.io/aggregate-to-view"))
                .body("rules.resources.flatten()", hasItem("pods"))
                .body("metadata.labels.'kubernetes.io/bootstrapping'", equalTo("rbac-defaults"));
        given().get(RBAC + "/clusterrolebindings/system:basic-user").then().statusCode(200)
                .body("subjects[0].name", equalTo("system:authenticated"));
        given().get(RBAC + "/clusterroles/nothing").then().statusCode(404)
                .body("message", equalTo("clusterroles.rbac.authorization.k8s.io \"nothing\" not found"));
    }

    @Test
    void aRoleBindingGrantsInItsNamespaceOnly() {
        String token = token("rbac-a", "reader");
        token("rbac-b", "other");
        as(token).get("/api/v1/namespaces/rbac-a/pods").then().statusCode(403);
        bind("rbac-a", "reader-view", "view", "reader");
        as(token).get("/api/v1/namespaces/rbac-a/pods").then().statusCode(200);
        as(token).get("/api/v1/namespaces/rbac-b/pods").then().statusCode(403)
                .body("message", equalTo("pods is forbidden: User \"system:serviceaccount:rbac-a:reader\" cannot list resource \"pods\""
                        + " in API group \"\" in the namespace \"rbac-b\""));
        as(token).body("{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}")
                .post("/api/v1/namespaces/rbac-a/pods").then().statusCode(403);
        as(token).body("{\"spec\":{\"resourceAttributes\":{\"namespace\":\"rbac-a\",\"verb\":\"list\",\"resource\":\"pods\"}}}")
                .post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").then().statusCode(201)
                .body("status.allowed", equalTo(true))
                .body("status.reason", equalTo("RBAC: allowed by RoleBinding \"reader-view/rbac-a\" of ClusterRole \"view\" to ServiceAccount \"reader/rbac-a\""));
        as(token).body("{\"spec\":{\"resourceAttributes\":{\"namespace\":\"rbac-b\",\"verb\":\"list\",\"resource\":\"pods\"}}}")
                .post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").then().statusCode(201).body("status.allowed", equalTo(false));
    }

    @Test
    void resourceNamesAllowOnlyTheNamedObject() {
        String token = token("rbac-names", "named");
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"one-sa\"},\"rules\":[{\"apiGroups\":[\"\"],"
                + "\"resources\":[\"serviceaccounts\"],\"resourceNames\":[\"named\"],\"verbs\":[\"get\",\"list\"]}]}")
                .post(RBAC + "/namespaces/rbac-names/roles").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"one-sa\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\","
                        + "\"kind\":\"Role\",\"name\":\"one-sa\"},\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"named\",\"namespace\":\"rbac-names\"}]}")
                .post(RBAC + "/namespaces/rbac-names/rolebindings").then().statusCode(201);
        as(token).get("/api/v1/namespaces/rbac-names/serviceaccounts/named").then().statusCode(200);
        as(token).get("/api/v1/namespaces/rbac-names/serviceaccounts/default").then().statusCode(403)
                .body("message", startsWith("serviceaccounts \"default\" is forbidden"));
        as(token).get("/api/v1/namespaces/rbac-names/serviceaccounts").then().statusCode(403);
    }

    @Test
    void validatesRolesAndKeepsRoleRefs() {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"bad\"},\"rules\":[{\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}]}")
                .post(RBAC + "/clusterroles").then().statusCode(422)
                .body("message", containsString("rules[0].verbs: Required value"));
        token("rbac-ref", "x");
        bind("rbac-ref", "fixed", "view", "x");
        given().contentType("application/merge-patch+json").body("{\"roleRef\":{\"name\":\"edit\"}}")
                .patch(RBAC + "/namespaces/rbac-ref/rolebindings/fixed").then().statusCode(422)
                .body("message", containsString("cannot change roleRef"));
    }

    @Test
    void aRoleCannotGrantWhatItsWriterDoesNotHold() {
        String token = token("rbac-esc", "admin");
        bind("rbac-esc", "ns-admin", "admin", "admin");
        as(token).body("{\"metadata\":{\"name\":\"readers\"},\"rules\":[{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\"]}]}")
                .post(RBAC + "/namespaces/rbac-esc/roles").then().statusCode(201);
        as(token).body("{\"metadata\":{\"name\":\"nodes\"},\"rules\":[{\"apiGroups\":[\"\"],\"resources\":[\"nodes\"],\"verbs\":[\"get\"]}]}")
                .post(RBAC + "/namespaces/rbac-esc/roles").then().statusCode(403)
                .body("message", containsString("is attempting to grant RBAC permissions not currently held"))
                .body("message", containsString("Resources:[\"nodes\"]"));
        as(token).body("{\"metadata\":{\"name\":\"root\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\","
                        + "\"name\":\"cluster-admin\"},\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"admin\"}]}")
                .post(RBAC + "/namespaces/rbac-esc/rolebindings").then().statusCode(403);
    }

    @Test
    void impersonationNeedsTheImpersonateVerb() {
        String token = token("rbac-imp", "plain");
        as(token).header("Impersonate-User", "someone@example.com").get("/api/v1/namespaces").then().statusCode(403)
                .body("message", equalTo("users \"someone@example.com\" is forbidden: User \"system:serviceaccount:rbac-imp:plain\" cannot"
                        + " impersonate resource \"users\" in API group \"\" at the cluster scope"));
        given().header("Impersonate-User", "system:serviceaccount:rbac-imp:plain").get("/api/v1/namespaces/rbac-imp/pods").then().statusCode(403)
                .body("message", containsString("User \"system:serviceaccount:rbac-imp:plain\" cannot list"));
        given().header("Impersonate-User", "system:serviceaccount:rbac-imp:plain").contentType(ContentType.JSON)
                .body("{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}")
                .post("/apis/authentication.k8s.io/v1/selfsubjectreviews").then().statusCode(201)
                .body("status.userInfo.groups", org.hamcrest.Matchers.contains("system:serviceaccounts", "system:serviceaccounts:rbac-imp",
                        "system:authenticated"));
    }

    @Test
    void aRulesReviewListsWhatRbacGrants() {
        String token = token("rbac-rules", "lister");
        as(token).body("{\"spec\":{\"namespace\":\"rbac-rules\"}}").post("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .then().statusCode(201)
                .body("status.resourceRules.resources.flatten()", hasItem("selfsubjectaccessreviews"))
                .body("status.nonResourceRules.nonResourceURLs.flatten()", hasItem("/openid/v1/jwks"))
                .body("status.incomplete", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"spec\":{\"user\":\"system:serviceaccount:rbac-rules:lister\",\"groups\":[\"system:authenticated\"],"
                        + "\"nonResourceAttributes\":{\"path\":\"/version\",\"verb\":\"get\"}}}")
                .post("/apis/authorization.k8s.io/v1/subjectaccessreviews").then().statusCode(201).body("status.allowed", equalTo(true));
        as(token).body("{\"spec\":{\"user\":\"x\",\"resourceAttributes\":{\"verb\":\"get\",\"resource\":\"pods\"}}}")
                .post("/apis/authorization.k8s.io/v1/subjectaccessreviews").then().statusCode(403);
    }
}
