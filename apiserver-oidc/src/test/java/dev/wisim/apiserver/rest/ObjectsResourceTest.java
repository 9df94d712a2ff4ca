package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObjectsResourceTest {

    static void namespace(String name) {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + name + "\"}}")
                .post("/api/v1/namespaces").then().statusCode(201);
    }

    @Test
    void createsANamespaceWithItsNameLabelAndDefaultServiceAccount() {
        given().contentType(ContentType.JSON).body("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"ns-create\"}}")
                .post("/api/v1/namespaces")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("kind", equalTo("Namespace"))
                .body("metadata.name", equalTo("ns-create"))
                .body("metadata.labels.'kubernetes.io/metadata.name'", equalTo("ns-create"))
                .body("metadata.uid", matchesPattern("[0-9a-f-]{36}"))
                .body("metadata.resourceVersion", matchesPattern("\\d+"))
                .body("metadata.creationTimestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("spec.finalizers", contains("kubernetes"))
                .body("status.phase", equalTo("Active"));
        given().get("/api/v1/namespaces/ns-create/serviceaccounts/default").then().statusCode(200)
                .body("metadata.namespace", equalTo("ns-create"));
        given().get("/api/v1/namespaces").then().statusCode(200)
                .body("kind", equalTo("NamespaceList"))
                .body("items.metadata.name", hasItem("kube-system"));
    }

    @Test
    void returnsAlreadyExistsStatusForADuplicateNamespace() {
        namespace("ns-dup");
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"ns-dup\"}}").post("/api/v1/namespaces")
                .then().statusCode(409).contentType(ContentType.JSON)
                .body("kind", equalTo("Status")).body("apiVersion", equalTo("v1")).body("status", equalTo("Failure"))
                .body("message", equalTo("namespaces \"ns-dup\" already exists"))
                .body("reason", equalTo("AlreadyExists"))
                .body("details.name", equalTo("ns-dup")).body("details.kind", equalTo("namespaces"))
                .body("code", equalTo(409));
    }

    @Test
    void returnsInvalidStatusWithTheDns1123TextForABadName() {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"Bad_Name\"}}")
                .post("/api/v1/namespaces/default/serviceaccounts")
                .then().statusCode(422)
                .body("reason", equalTo("Invalid"))
                .body("message", equalTo("ServiceAccount \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": "
                        + "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
                        + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
                        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"))
                .body("details.kind", equalTo("ServiceAccount"))
                .body("details.causes[0].reason", equalTo("FieldValueInvalid"))
                .body("details.causes[0].field", equalTo("metadata.name"));
    }

    @Test
    void returnsNotFoundForAServiceAccountInAMissingNamespace() {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"app\"}}")
                .post("/api/v1/namespaces/nope/serviceaccounts")
                .then().statusCode(404)
                .body("message", equalTo("namespaces \"nope\" not found"))
                .body("details.kind", equalTo("namespaces"));
        given().get("/api/v1/namespaces/default/serviceaccounts/ghost").then().statusCode(404)
                .body("message", equalTo("serviceaccounts \"ghost\" not found"))
                .body("reason", equalTo("NotFound"));
    }

    @Test
    void keepsAnnotationsAndRefusesAStaleUpdate() {
        namespace("ns-update");
        String rv = given().contentType(ContentType.JSON)
                .body("{\"metadata\":{\"name\":\"app\",\"annotations\":{\"iam.gke.io/gcp-service-account\":\"gsa@p.iam.gserviceaccount.com\"}}}")
                .post("/api/v1/namespaces/ns-update/serviceaccounts")
                .then().statusCode(201)
                .body("metadata.annotations.'iam.gke.io/gcp-service-account'", equalTo("gsa@p.iam.gserviceaccount.com"))
                .extract().path("metadata.resourceVersion");
        given().contentType(ContentType.JSON)
                .body("{\"metadata\":{\"name\":\"app\",\"resourceVersion\":\"" + rv + "\"}}")
                .put("/api/v1/namespaces/ns-update/serviceaccounts/app")
                .then().statusCode(200).body("metadata.annotations", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON)
                .body("{\"metadata\":{\"name\":\"app\",\"resourceVersion\":\"" + rv + "\"}}")
                .put("/api/v1/namespaces/ns-update/serviceaccounts/app")
                .then().statusCode(409).body("reason", equalTo("Conflict"))
                .body("message", equalTo("Operation cannot be fulfilled on serviceaccounts \"app\": the object has been modified;"
                        + " please apply your changes to the latest version and try again"));
    }

    @Test
    void aPodGetsTheAddressItAsksItsCniFor() {
        namespace("ns-fixed-ip");
        String pod = "{\"metadata\":{\"name\":\"NAME\",\"annotations\":{\"cni.projectcalico.org/ipAddrs\":\"[\\\"169.254.169.100\\\"]\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}";
        given().contentType(ContentType.JSON).body(pod.replace("NAME", "workload")).post("/api/v1/namespaces/ns-fixed-ip/pods")
                .then().statusCode(201).body("status.podIP", equalTo("169.254.169.100"));
        given().contentType(ContentType.JSON).body(pod.replace("NAME", "twin")).post("/api/v1/namespaces/ns-fixed-ip/pods")
                .then().statusCode(422).body("reason", equalTo("Invalid"));
        given().delete("/api/v1/namespaces/ns-fixed-ip/pods/workload").then().statusCode(200);
        given().contentType(ContentType.JSON).body(pod.replace("NAME", "twin")).post("/api/v1/namespaces/ns-fixed-ip/pods")
                .then().statusCode(201).body("status.podIP", equalTo("169.254.169.100"));
    }

    @Test
    void assignsPodIpsAndSelectsPodsByField() {
        namespace("ns-pods");
        String ip = given().contentType(ContentType.JSON)
                .body("{\"metadata\":{\"name\":\"web\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}")
                .post("/api/v1/namespaces/ns-pods/pods")
                .then().statusCode(201)
                .body("spec.serviceAccountName", equalTo("default"))
                .body("spec.nodeName", notNullValue())
                .body("status.phase", equalTo("Running"))
                .body("status.podIP", startsWith("127.10."))
                .body("status.conditions.type", contains("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"))
                .body("status.conditions.status", everyItem(equalTo("True")))
                .body("status.containerStatuses[0].name", equalTo("c")).body("status.containerStatuses[0].ready", equalTo(true))
                .body("status.containerStatuses[0].state.running.startedAt", notNullValue())
                .extract().path("status.podIP");
        given().queryParam("fieldSelector", "status.podIP=" + ip).get("/api/v1/pods")
                .then().statusCode(200).body("kind", equalTo("PodList"))
                .body("items.metadata.name", contains("web"));
        given().queryParam("fieldSelector", "spec.bogus=x").get("/api/v1/pods")
                .then().statusCode(400).body("message", equalTo("field label not supported: spec.bogus"));
    }

    @Test
    void refusesAPodWhoseServiceAccountDoesNotExist() {
        namespace("ns-nosa");
        given().contentType(ContentType.JSON)
                .body("{\"metadata\":{\"name\":\"p\"},\"spec\":{\"serviceAccountName\":\"ghost\",\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}")
                .post("/api/v1/namespaces/ns-nosa/pods")
                .then().statusCode(403).body("reason", equalTo("Forbidden"))
                .body("message", equalTo("pods \"p\" is forbidden: error looking up service account ns-nosa/ghost: serviceaccount \"ghost\" not found"));
    }

    @Test
    void deletingANamespaceRemovesItsContents() {
        namespace("ns-gone");
        given().delete("/api/v1/namespaces/ns-gone").then().statusCode(200)
                .body("status.phase", equalTo("Terminating")).body("metadata.deletionTimestamp", notNullValue());
        given().get("/api/v1/namespaces/ns-gone/serviceaccounts/default").then().statusCode(404).body("reason", equalTo("NotFound"))
                .body("message", equalTo("serviceaccounts \"default\" not found"));
        given().get("/api/v1/namespaces/ns-gone").then().statusCode(404).body("message", equalTo("namespaces \"ns-gone\" not found"));
    }

    @Test
    void answersMalformedRequestsWithStatusObjects() {
        given().contentType(ContentType.JSON).body("{\"metadata\":").post("/api/v1/namespaces")
                .then().statusCode(400).contentType(ContentType.JSON).body("reason", equalTo("BadRequest"))
                .body("message", startsWith("couldn't get version/kind; json parse error"));
        given().contentType(ContentType.JSON).body("null").post("/api/v1/namespaces/default/serviceaccounts")
                .then().statusCode(400).body("reason", equalTo("BadRequest"));
        given().contentType("text/plain").body("x").post("/api/v1/namespaces")
                .then().statusCode(415).body("reason", equalTo("UnsupportedMediaType"));
        given().put("/api/v1/namespaces").then().statusCode(405).body("reason", equalTo("MethodNotAllowed"));
        given().get("/api/v1/widgets").then().statusCode(404)
                .body("message", equalTo("the server could not find the requested resource"));
        given().get("/nowhere").then().statusCode(404).contentType("text/plain").body(equalTo("404 page not found\n"));
        given().queryParam("dryRun", "Some").contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"x\"}}")
                .post("/api/v1/namespaces").then().statusCode(400).body("reason", equalTo("BadRequest"));
    }

    @Test
    void dryRunValidatesWithoutPersisting() {
        given().queryParam("dryRun", "All").contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"ns-dry\"}}")
                .post("/api/v1/namespaces").then().statusCode(201).body("metadata.name", equalTo("ns-dry"));
        given().get("/api/v1/namespaces/ns-dry").then().statusCode(404).body("reason", equalTo("NotFound"));
    }
}
