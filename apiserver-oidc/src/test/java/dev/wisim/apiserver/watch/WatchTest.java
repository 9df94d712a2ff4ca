package dev.wisim.apiserver.watch;

import static dev.wisim.apiserver.watch.Watching.name;
import static dev.wisim.apiserver.watch.Watching.type;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Watches as kube-apiserver serves them: where they start, what they carry, how they end. */
@QuarkusTest
class WatchTest {

    @TestHTTPResource("/")
    URL base;

    private String url() {
        return base.toString().replaceAll("/$", "");
    }

    static String namespace(String name) {
        return given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + name + "\"}}").post("/api/v1/namespaces")
                .then().statusCode(201).extract().path("metadata.resourceVersion");
    }

    static String serviceAccount(String namespace, String name, String labels) {
        return given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"" + name + "\",\"labels\":" + labels + "}}")
                .post("/api/v1/namespaces/" + namespace + "/serviceaccounts").then().statusCode(201).extract().path("metadata.resourceVersion");
    }

    static void label(String namespace, String name, String labels) {
        given().contentType("application/merge-patch+json").body("{\"metadata\":{\"labels\":" + labels + "}}")
                .patch("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + name).then().statusCode(200);
    }

    @Test
    void startsWithTheCurrentObjectsThenFollowsEveryChangeInOrder() throws Exception {
        namespace("w-now");
        try (Watching watch = Watching.open(url(), "/api/v1/namespaces/w-now/serviceaccounts?watch=true")) {
            assertThat(watch.response.statusCode()).isEqualTo(200);
            assertThat(watch.response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode initial = watch.next();
            assertThat(type(initial)).isEqualTo("ADDED");
            assertThat(name(initial)).isEqualTo("default");
            String created = serviceAccount("w-now", "app", "{}");
            label("w-now", "app", "{\"tier\":\"web\"}");
            given().delete("/api/v1/namespaces/w-now/serviceaccounts/app").then().statusCode(200);
            List<JsonNode> events = watch.next(3);
            assertThat(events).extracting(Watching::type).containsExactly("ADDED", "MODIFIED", "DELETED");
            assertThat(events).extracting(Watching::name).containsOnly("app");
            assertThat(events.get(0).path("object").path("metadata").path("resourceVersion").asText()).isEqualTo(created);
            assertThat(events.get(1).path("object").path("metadata").path("labels").path("tier").asText()).isEqualTo("web");
            long first = events.get(0).path("object").path("metadata").path("resourceVersion").asLong();
            long last = events.get(2).path("object").path("metadata").path("resourceVersion").asLong();
            assertThat(last).isGreaterThan(first);
            assertThat(events.get(0).path("object").path("kind").asText()).isEqualTo("ServiceAccount");
        }
    }

    @Test
    void rbacObjectsAreWatchedToo() throws Exception {
        namespace("w-rbac");
        try (Watching watch = Watching.open(url(), "/apis/rbac.authorization.k8s.io/v1/namespaces/w-rbac/rolebindings?watch=true")) {
            assertThat(watch.response.statusCode()).isEqualTo(200);
            given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"b\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\","
                    + "\"kind\":\"ClusterRole\",\"name\":\"view\"},\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"default\"}]}")
                    .post("/apis/rbac.authorization.k8s.io/v1/namespaces/w-rbac/rolebindings").then().statusCode(201);
            JsonNode added = watch.next();
            assertThat(type(added)).isEqualTo("ADDED");
            assertThat(added.path("object").path("kind").asText()).isEqualTo("RoleBinding");
            assertThat(added.path("object").path("apiVersion").asText()).isEqualTo("rbac.authorization.k8s.io/v1");
        }
        try (Watching watch = Watching.open(url(), "/apis/rbac.authorization.k8s.io/v1/clusterroles?watch=true&fieldSelector=metadata.name%3Dview")) {
            JsonNode initial = watch.next();
            assertThat(type(initial)).isEqualTo("ADDED");
            assertThat(name(initial)).isEqualTo("view");
        }
    }

    @Test
    void aPodIsFirstTerminatingThenDeleted() throws Exception {
        namespace("w-pod");
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}")
                .post("/api/v1/namespaces/w-pod/pods").then().statusCode(201);
        try (Watching watch = Watching.open(url(), "/api/v1/namespaces/w-pod/pods?watch=true")) {
            assertThat(type(watch.next())).isEqualTo("ADDED");
            String answered = given().delete("/api/v1/namespaces/w-pod/pods/p").then().statusCode(200)
                    .body("metadata.deletionGracePeriodSeconds", org.hamcrest.Matchers.equalTo(30))
                    .extract().path("metadata.resourceVersion");
            List<JsonNode> events = watch.next(2);
            assertThat(events).extracting(Watching::type).containsExactly("MODIFIED", "DELETED");
            assertThat(events.get(0).path("object").path("metadata").path("resourceVersion").asText()).isEqualTo(answered);
            assertThat(events).allSatisfy(e -> assertThat(e.path("object").path("metadata").path("deletionTimestamp").isTextual()).isTrue());
        }
    }

    @Test
    void fromAResourceVersionReplaysWhatCameAfterIt() {
        String before = namespace("w-replay");
        serviceAccount("w-replay", "one", "{}");
        serviceAccount("w-replay", "two", "{}");
        try (Watching watch = Watching.open(url(), "/api/v1/namespaces/w-replay/serviceaccounts?watch=1&resourceVersion=" + before)) {
            assertThat(watch.next(3)).extracting(Watching::name).containsExactly("default", "one", "two");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aResourceVersionOlderThanTheHistoryIsAnExpiredErrorEvent() throws Exception {
        try (Watching watch = Watching.open(url(), "/api/v1/pods?watch=true&resourceVersion=5")) {
            assertThat(watch.response.statusCode()).isEqualTo(200);
            JsonNode error = watch.next();
            assertThat(type(error)).isEqualTo("ERROR");
            assertThat(error.path("object").path("kind").asText()).isEqualTo("Status");
            assertThat(error.path("object").path("reason").asText()).isEqualTo("Expired");
            assertThat(error.path("object").path("code").asInt()).isEqualTo(410);
            assertThat(error.path("object").path("message").asText()).matches("too old resource version: 5 \\(\\d{16}\\)");
            assertThat(watch.endsWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void selectorsTurnChangesIntoAddedAndDeletedForTheWatcher() throws Exception {
        namespace("w-select");
        try (Watching watch = Watching.open(url(), "/api/v1/namespaces/w-select/serviceaccounts?watch=true&labelSelector=tier%3Dweb")) {
            serviceAccount("w-select", "quiet", "{}");
            label("w-select", "quiet", "{\"tier\":\"web\"}");
            label("w-select", "quiet", "{\"tier\":\"web\",\"v\":\"2\"}");
            label("w-select", "quiet", "{\"tier\":\"db\"}");
            List<JsonNode> events = watch.next(3);
            assertThat(events).extracting(Watching::type).containsExactly("ADDED", "MODIFIED", "DELETED");
            assertThat(events.get(2).path("object").path("metadata").path("labels").path("tier").asText()).isEqualTo("db");
            assertThat(watch.quietFor(Duration.ofMillis(300))).isTrue();
        }
    }

    @Test
    void theLegacyPathWatchesOneObject() throws Exception {
        namespace("w-one");
        serviceAccount("w-one", "mine", "{}");
        serviceAccount("w-one", "other", "{}");
        try (Watching watch = Watching.open(url(), "/api/v1/watch/namespaces/w-one/serviceaccounts/mine")) {
            assertThat(name(watch.next())).isEqualTo("mine");
            label("w-one", "other", "{\"a\":\"b\"}");
            label("w-one", "mine", "{\"a\":\"b\"}");
            JsonNode modified = watch.next();
            assertThat(type(modified)).isEqualTo("MODIFIED");
            assertThat(name(modified)).isEqualTo("mine");
        }
    }

    @Test
    void bookmarksCarryOnlyTheResourceVersionAndEndTheInitialEventsWhenAsked() throws Exception {
        namespace("w-mark");
        try (Watching watch = Watching.open(url(), "/api/v1/namespaces/w-mark/serviceaccounts?watch=true&allowWatchBookmarks=true"
                + "&sendInitialEvents=true&resourceVersionMatch=NotOlderThan")) {
            assertThat(name(watch.next())).isEqualTo("default");
            JsonNode end = watch.next();
            assertThat(type(end)).isEqualTo("BOOKMARK");
            assertThat(end.path("object").path("kind").asText()).isEqualTo("ServiceAccount");
            assertThat(end.path("object").path("metadata").path("annotations").path("k8s.io/initial-events-end").asText()).isEqualTo("true");
            JsonNode periodic = watch.next();
            assertThat(type(periodic)).isEqualTo("BOOKMARK");
            assertThat(periodic.path("object").path("metadata").path("resourceVersion").asLong())
                    .isGreaterThanOrEqualTo(end.path("object").path("metadata").path("resourceVersion").asLong());
            assertThat(periodic.path("object").path("metadata").has("annotations")).isFalse();
        }
    }

    @Test
    void timeoutSecondsEndsTheWatch() throws Exception {
        String now = given().get("/api/v1/namespaces").then().extract().path("metadata.resourceVersion");
        try (Watching watch = Watching.open(url(), "/api/v1/namespaces?watch=true&timeoutSeconds=1&resourceVersion=" + now)) {
            assertThat(watch.endsWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void kubectlGetWatchGetsOneRowTables() throws Exception {
        namespace("w-table");
        try (Watching watch = Watching.open(url(), "/api/v1/namespaces/w-table/serviceaccounts?watch=true",
                "Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")) {
            JsonNode event = watch.next();
            assertThat(event.path("object").path("kind").asText()).isEqualTo("Table");
            assertThat(event.path("object").path("rows")).hasSize(1);
            assertThat(event.path("object").path("rows").get(0).path("cells").get(0).asText()).isEqualTo("default");
        }
    }

    @Test
    void aWebSocketWatchGetsAMessagePerEvent() throws Exception {
        namespace("w-socket");
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create(url().replaceFirst("^http", "ws") + "/api/v1/namespaces/w-socket/serviceaccounts?watch=true"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        try {
            JsonNode first = Watching.JSON.readTree(messages.poll(5, TimeUnit.SECONDS));
            assertThat(type(first)).isEqualTo("ADDED");
            assertThat(name(first)).isEqualTo("default");
            serviceAccount("w-socket", "live", "{}");
            assertThat(name(Watching.JSON.readTree(messages.poll(5, TimeUnit.SECONDS)))).isEqualTo("live");
        } finally {
            socket.abort();
        }
    }

    @Test
    void refusesBadOptionsAndUnknownResourcesWithStatusObjects() {
        given().get("/api/v1/namespaces/default/serviceaccounts?watch=true&resourceVersionMatch=Exact&resourceVersion=1")
                .then().statusCode(422).body("reason", org.hamcrest.Matchers.equalTo("Invalid"))
                .body("message", org.hamcrest.Matchers.equalTo("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden:"
                        + " resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
        given().get("/api/v1/namespaces/default/serviceaccounts?watch=yes").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("invalid value for watch: strconv.ParseBool: parsing \"yes\": invalid syntax"));
        given().get("/api/v1/secrets?watch=true").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("the server could not find the requested resource"));
        given().auth().oauth2("not-a-token").get("/api/v1/pods?watch=true").then().statusCode(401)
                .body("reason", org.hamcrest.Matchers.equalTo("Unauthorized"));
    }
}
