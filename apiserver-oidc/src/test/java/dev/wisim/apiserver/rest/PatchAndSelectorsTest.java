package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every PATCH type kubectl and fabric8 send, field validation, label selectors and Tables. */
@QuarkusTest
class PatchAndSelectorsTest {

    static final String SA = "/api/v1/namespaces/patches/serviceaccounts/";

    @BeforeEach
    void namespace() {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"patches\"}}").post("/api/v1/namespaces");
    }

    private static String sa(String name, String labels) {
        return given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + name + "\",\"labels\":" + labels + "}}")
                .post(SA.substring(0, SA.length() - 1)).then().statusCode(201).extract().path("metadata.resourceVersion");
    }

    @Test
    void annotatesWithAMergePatchAndRemovesWithNull() {
        sa("merge", "{}");
        given().contentType("application/merge-patch+json").queryParam("fieldManager", "kubectl-annotate")
                .body("{\"metadata\":{\"annotations\":{\"iam.gke.io/gcp-service-account\":\"gsa@p.iam.gserviceaccount.com\"}}}")
                .patch(SA + "merge").then().statusCode(200)
                .body("metadata.annotations.'iam.gke.io/gcp-service-account'", equalTo("gsa@p.iam.gserviceaccount.com"));
        given().contentType("application/merge-patch+json")
                .body("{\"metadata\":{\"annotations\":{\"iam.gke.io/gcp-service-account\":null}}}")
                .patch(SA + "merge").then().statusCode(200).body("metadata", not(hasKey("annotations")));
    }

    @Test
    void strategicMergeDropsDirectivesAndMergesListsOnTheirKey() {
        sa("strategic", "{}");
        given().contentType("application/strategic-merge-patch+json")
                .body("{\"imagePullSecrets\":[{\"name\":\"a\"}],\"metadata\":{\"labels\":{\"x\":\"1\"}}}")
                .patch(SA + "strategic").then().statusCode(200);
        given().contentType("application/strategic-merge-patch+json")
                .body("{\"$setElementOrder/imagePullSecrets\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"imagePullSecrets\":[{\"name\":\"b\"}]}")
                .patch(SA + "strategic").then().statusCode(200)
                .body("imagePullSecrets.name", contains("a", "b")).body("metadata.labels.x", equalTo("1"));
    }

    @Test
    void aJsonPatchWithAStaleResourceVersionIsAConflict() {
        String rv = sa("jsonpatch", "{}");
        given().contentType("application/json-patch+json")
                .body("[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{\"a\":\"b\"}},"
                        + "{\"op\":\"add\",\"path\":\"/metadata/resourceVersion\",\"value\":\"" + rv + "\"}]")
                .patch(SA + "jsonpatch").then().statusCode(200).body("metadata.annotations.a", equalTo("b"));
        given().contentType("application/json-patch+json")
                .body("[{\"op\":\"replace\",\"path\":\"/metadata/annotations/a\",\"value\":\"c\"},"
                        + "{\"op\":\"add\",\"path\":\"/metadata/resourceVersion\",\"value\":\"" + rv + "\"}]")
                .patch(SA + "jsonpatch").then().statusCode(409).body("reason", equalTo("Conflict"))
                .body("message", equalTo("Operation cannot be fulfilled on serviceaccounts \"jsonpatch\": the object has been modified;"
                        + " please apply your changes to the latest version and try again"));
        given().contentType("application/json-patch+json").body("[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]")
                .patch(SA + "jsonpatch").then().statusCode(422);
    }

    @Test
    void serverSideApplyCreatesThenUpdates() {
        String manifest = "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"applied\",\"namespace\":\"patches\","
                + "\"annotations\":{\"iam.gke.io/gcp-service-account\":\"a@p.iam.gserviceaccount.com\"}}}";
        given().contentType("application/apply-patch+yaml").queryParam("fieldManager", "kubectl").queryParam("fieldValidation", "Strict")
                .body(manifest.getBytes()).patch(SA + "applied").then().statusCode(201).body("metadata.uid", not(nullValue()));
        given().contentType("application/apply-patch+yaml").queryParam("fieldManager", "kubectl")
                .body(manifest.replace("a@p", "b@p").getBytes()).patch(SA + "applied").then().statusCode(200)
                .body("metadata.annotations.'iam.gke.io/gcp-service-account'", equalTo("b@p.iam.gserviceaccount.com"));
    }

    @Test
    void refusesUnknownFieldsWhenStrictAndWarnsOtherwise() {
        given().contentType(ContentType.JSON).queryParam("fieldValidation", "Strict")
                .body("{\"metadata\":{\"name\":\"strict\"},\"bogus\":1}").post(SA.substring(0, SA.length() - 1))
                .then().statusCode(400).body("reason", equalTo("BadRequest"))
                .body("message", equalTo("ServiceAccount in version \"v1\" cannot be handled as a ServiceAccount: strict decoding error:"
                        + " unknown field \"bogus\""));
        given().contentType(ContentType.JSON).queryParam("fieldValidation", "Warn")
                .body("{\"metadata\":{\"name\":\"warned\",\"colour\":\"red\"}}").post(SA.substring(0, SA.length() - 1))
                .then().statusCode(201).header("Warning", "299 - \"unknown field \\\"metadata.colour\\\"\"")
                .body("metadata", not(hasKey("colour")));
        given().contentType("application/merge-patch+json").queryParam("fieldValidation", "Strict")
                .body("{\"spec\":{\"x\":1}}").patch(SA + "warned").then().statusCode(400).body("kind", equalTo("Status"))
                .body("reason", equalTo("BadRequest")).body("message", containsString("unknown field \"spec\""));
        given().contentType("text/plain").body("x").patch(SA + "warned").then().statusCode(415);
    }

    @Test
    void selectsByLabelAndRendersTables() {
        sa("blue-one", "{\"team\":\"blue\",\"tier\":\"web\"}");
        sa("red-one", "{\"team\":\"red\"}");
        given().queryParam("labelSelector", "team=blue").get(SA.substring(0, SA.length() - 1))
                .then().statusCode(200).body("items.metadata.name", contains("blue-one"));
        given().queryParam("labelSelector", "team in (blue,red),!tier").get(SA.substring(0, SA.length() - 1))
                .then().statusCode(200).body("items.metadata.name", contains("red-one"));
        given().queryParam("labelSelector", "team in (blue").get("/api/v1/serviceaccounts").then().statusCode(400)
                .body("kind", equalTo("Status")).body("reason", equalTo("BadRequest"));
        given().accept("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json")
                .queryParam("labelSelector", "team=blue").get(SA.substring(0, SA.length() - 1))
                .then().statusCode(200).contentType("application/json;as=Table;v=v1;g=meta.k8s.io")
                .body("kind", equalTo("Table"))
                .body("columnDefinitions.name", contains("Name", "Secrets", "Age"))
                .body("rows[0].cells[0]", equalTo("blue-one")).body("rows[0].cells[1]", equalTo(0))
                .body("rows[0].object.kind", equalTo("PartialObjectMetadata"))
                .body("rows[0].object.metadata.namespace", equalTo("patches"));
        given().accept("application/json;as=Table;v=v1;g=meta.k8s.io").get("/api/v1/namespaces/patches")
                .then().statusCode(200).body("columnDefinitions.name", contains("Name", "Status", "Age"))
                .body("rows[0].cells[1]", equalTo("Active"));
    }

    @Test
    void podTablesCarryTheWideColumns() {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"web\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}")
                .post("/api/v1/namespaces/patches/pods").then().statusCode(201);
        given().accept("application/json;as=Table;v=v1;g=meta.k8s.io").get("/api/v1/namespaces/patches/pods")
                .then().statusCode(200)
                .body("columnDefinitions.name", contains("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node",
                        "Readiness Gates"))
                .body("columnDefinitions.find { it.name == 'IP' }.priority", equalTo(1))
                .body("rows[0].cells[1]", equalTo("1/1")).body("rows[0].cells[2]", equalTo("Running"))
                .body("rows[0].cells[5]", org.hamcrest.Matchers.startsWith("127.10."));
    }

    @Test
    void servesTheOpenApiDocumentsKubectlLooksFor() {
        String url = given().get("/openapi/v3").then().statusCode(200).extract().path("paths.'api/v1'.serverRelativeURL");
        given().urlEncodingEnabled(false).get(url).then().statusCode(200)
                .body("paths.'/api/v1/namespaces/{namespace}/serviceaccounts/{name}'.patch.parameters[0].name", equalTo("fieldValidation"))
                .body("paths.'/api/v1/namespaces/{namespace}/serviceaccounts/{name}'.patch.'x-kubernetes-group-version-kind'.kind",
                        equalTo("ServiceAccount"));
        given().get("/openapi/v2").then().statusCode(404).contentType("text/plain").body(equalTo("404 page not found\n"));
    }
}
