package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Lists with kube-apiserver's resource-version semantics, pages and deletecollection. */
@QuarkusTest
class ListsTest {

    static String serviceAccount(String namespace, String name, String labels) {
        return given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + name + "\",\"labels\":" + labels + "}}")
                .post("/api/v1/namespaces/" + namespace + "/serviceaccounts").then().statusCode(201).extract().path("metadata.resourceVersion");
    }

    private static ValidatableResponse list(String query) {
        return given().get("/api/v1/namespaces/l-page/serviceaccounts" + query).then().statusCode(200);
    }

    @Test
    void pagesAreOneSnapshotWithAContinueTokenAndTheRemainingCount() {
        ObjectsResourceTest.namespace("l-page");
        for (String name : new String[] {"a", "b", "c"}) {
            serviceAccount("l-page", name, "{}");
        }
        ValidatableResponse first = list("?limit=2").body("items.metadata.name", contains("a", "b"))
                .body("metadata.remainingItemCount", equalTo(2)).body("metadata.continue", notNullValue());
        String token = first.extract().path("metadata.continue");
        String resourceVersion = first.extract().path("metadata.resourceVersion");
        serviceAccount("l-page", "bb", "{}");                                  // after the snapshot: not in its pages
        given().delete("/api/v1/namespaces/l-page/serviceaccounts/c").then().statusCode(200);
        list("?limit=2&continue=" + token).body("items.metadata.name", contains("c", "default"))
                .body("metadata.resourceVersion", equalTo(resourceVersion))
                .body("metadata.continue", nullValue()).body("metadata.remainingItemCount", nullValue());
        list("").body("items.metadata.name", contains("a", "b", "bb", "default"));
    }

    @Test
    void anExactListShowsThePastAndAFutureOneIsRefused() {
        ObjectsResourceTest.namespace("l-exact");
        String before = serviceAccount("l-exact", "first", "{}");
        serviceAccount("l-exact", "second", "{}");
        given().get("/api/v1/namespaces/l-exact/serviceaccounts?resourceVersion=" + before + "&resourceVersionMatch=Exact")
                .then().statusCode(200).body("items.metadata.name", contains("default", "first"))
                .body("metadata.resourceVersion", equalTo(before));
        long future = Long.parseLong(before) + 1_000_000;
        given().get("/api/v1/namespaces/l-exact/serviceaccounts?resourceVersion=" + future + "&resourceVersionMatch=NotOlderThan")
                .then().statusCode(504).body("reason", equalTo("Timeout"))
                .body("message", org.hamcrest.Matchers.startsWith("Too large resource version: " + future + ", current: "))
                .body("details.causes[0].reason", equalTo("ResourceVersionTooLarge")).body("details.retryAfterSeconds", equalTo(1));
        given().get("/api/v1/namespaces/l-exact/serviceaccounts?resourceVersion=3&resourceVersionMatch=Exact")
                .then().statusCode(410).body("reason", equalTo("Expired"))
                .body("message", equalTo("The resourceVersion for the provided list is too old."));
    }

    @Test
    void refusesOptionsKubeApiserverRefuses() {
        given().get("/api/v1/pods?resourceVersionMatch=Exact").then().statusCode(422).body("reason", equalTo("Invalid"))
                .body("message", equalTo("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch"
                        + " is forbidden unless resourceVersion is provided"))
                .body("details.kind", equalTo("ListOptions")).body("details.group", equalTo("meta.k8s.io"))
                .body("details.causes[0].reason", equalTo("FieldValueForbidden")).body("details.causes[0].field", equalTo("resourceVersionMatch"));
        given().get("/api/v1/pods?resourceVersion=0&resourceVersionMatch=Exact").then().statusCode(422)
                .body("message", equalTo("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch"
                        + " \"exact\" is forbidden for resourceVersion \"0\""));
        given().get("/api/v1/pods?resourceVersion=1&resourceVersionMatch=Newest").then().statusCode(422)
                .body("message", equalTo("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Unsupported value: \"Newest\":"
                        + " supported values: \"Exact\", \"NotOlderThan\", \"\""));
        given().get("/api/v1/pods?continue=bm90LWpzb24").then().statusCode(400).body("reason", equalTo("BadRequest"))
                .body("message", equalTo("continue key is not valid: illegal base64 data or JSON"));
        given().get("/api/v1/pods?limit=many").then().statusCode(400)
                .body("message", equalTo("invalid value for limit: strconv.ParseInt: parsing \"many\": invalid syntax"));
    }

    @Test
    void aNamespaceThatDoesNotExistHasNoObjects() {
        given().get("/api/v1/namespaces/l-nowhere/pods").then().statusCode(200).body("kind", equalTo("PodList"))
                .body("items", empty());
    }

    @Test
    void deleteCollectionDeletesWhatTheSelectorsSelect() {
        ObjectsResourceTest.namespace("l-dc");
        serviceAccount("l-dc", "web-1", "{\"tier\":\"web\"}");
        serviceAccount("l-dc", "web-2", "{\"tier\":\"web\"}");
        serviceAccount("l-dc", "db", "{\"tier\":\"db\"}");
        given().queryParam("labelSelector", "tier=web").queryParam("dryRun", "All").delete("/api/v1/namespaces/l-dc/serviceaccounts")
                .then().statusCode(200)
                .body("items.metadata.name", contains("web-1", "web-2"));
        given().queryParam("labelSelector", "tier=web").delete("/api/v1/namespaces/l-dc/serviceaccounts").then().statusCode(200)
                .body("kind", equalTo("ServiceAccountList")).body("items.metadata.name", contains("web-1", "web-2"));
        given().get("/api/v1/namespaces/l-dc/serviceaccounts").then().body("items.metadata.name", contains("db", "default"));
        given().delete("/api/v1/namespaces").then().statusCode(405).body("reason", equalTo("MethodNotAllowed"));
    }

    @Test
    void tablesArePagedToo() {
        ObjectsResourceTest.namespace("l-table");
        serviceAccount("l-table", "x", "{}");
        given().accept("application/json;as=Table;v=v1;g=meta.k8s.io,application/json").get("/api/v1/namespaces/l-table/serviceaccounts?limit=1")
                .then().statusCode(200).body("kind", equalTo("Table")).body("rows", org.hamcrest.Matchers.hasSize(1))
                .body("metadata.continue", notNullValue()).body("metadata.remainingItemCount", equalTo(1));
    }
}
