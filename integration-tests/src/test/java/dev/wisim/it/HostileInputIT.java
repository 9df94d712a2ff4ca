package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A corpus of hostile requests to every service — malformed JSON, invalid UTF-8, bodies of the wrong
 * kind, bodies over the stated limit, bad form escapes, names with {@code ..}, NUL, line feeds and
 * encoded separators — each answered with a 4xx in the service's own error shape, no stack trace and
 * no class name leaving the service, and nothing written outside the state directory.
 */
@ExtendWith(SharedStack.class)
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** How a service renders an error. */
    enum Shape {
        GOOGLE(body -> body.get("error") instanceof Map<?, ?> e && e.get("message") instanceof String && e.get("status") instanceof String),
        OAUTH(body -> body.get("error") instanceof String && body.get("error_description") instanceof String),
        STATUS(body -> "Status".equals(body.get("kind")) && "Failure".equals(body.get("status")) && body.get("message") instanceof String),
        STORAGE(body -> body.get("error") instanceof Map<?, ?> e && e.get("message") instanceof String
                && e.get("errors") instanceof List<?> errors && !errors.isEmpty()),
        /** the simulator's own control surface: {@code {"error": "…"}} */
        SIM(body -> body.size() == 1 && body.get("error") instanceof String),
        /** the GKE metadata server: a line of plain text */
        TEXT(null);

        final Predicate<Map<String, Object>> test;

        Shape(Predicate<Map<String, Object>> test) {
            this.test = test;
        }
    }

    record Hostile(String what, Service service, String method, String path, String contentType, byte[] body, int status, Shape shape) {
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8() {
        byte[] bytes = text("{\"accountId\":\"xxxx\"}");
        bytes[14] = (byte) 0xff;
        bytes[15] = (byte) 0xfe;
        return bytes;
    }

    private static byte[] ofSize(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    static List<Hostile> corpus() {
        String sa = "/v1/projects/demo-project/serviceAccounts";
        String gsa = "/v1/projects/-/serviceAccounts/" + RelayIT.GSA;
        String json = "application/json";
        String upload = "/upload/storage/v1/b/demo-bucket/o?uploadType=media&name=";
        List<Hostile> all = new ArrayList<>();
        // IAM (and Resource Manager): Google's API error shape
        all.add(new Hostile("malformed JSON", Service.IAM, "POST", sa, json, text("{\"accountId\": "), 400, Shape.GOOGLE));
        all.add(new Hostile("invalid UTF-8", Service.IAM, "POST", sa, json, invalidUtf8(), 400, Shape.GOOGLE));
        all.add(new Hostile("an array for an object", Service.IAM, "POST", sa, json, text("[1, 2]"), 400, Shape.GOOGLE));
        all.add(new Hostile("a string for the policy", Service.IAM, "POST", gsa + ":setIamPolicy", json, text("{\"policy\": \"all\"}"), 400, Shape.GOOGLE));
        all.add(new Hostile("a number for the scopes", Service.IAM, "POST", gsa + ":generateAccessToken", json, text("{\"scope\": 5}"), 400, Shape.GOOGLE));
        all.add(new Hostile("over 10 MiB", Service.IAM, "POST", sa, json, ofSize(10 * 1024 * 1024 + 1), 400, Shape.GOOGLE));
        all.add(new Hostile("an encoded separator in an account", Service.IAM, "GET", "/v1/projects/-/serviceAccounts/a%2F..%2F..%2Fb@x", null, null, 404, Shape.GOOGLE));
        all.add(new Hostile("NUL in an account", Service.IAM, "GET", "/v1/projects/-/serviceAccounts/a%00b", null, null, 404, Shape.GOOGLE));
        all.add(new Hostile("a project id with ..", Service.IAM, "POST", "/v1/projects", json, text("{\"projectId\": \"../../etc\"}"), 400, Shape.GOOGLE));
        // STS: OAuth 2.0 errors; the front end's own limit in Google's shape
        all.add(new Hostile("a bad form escape", Service.STS, "POST", "/v1/token", "application/x-www-form-urlencoded", text("grant_type=%zz&audience=x"), 400, Shape.OAUTH));
        all.add(new Hostile("malformed JSON", Service.STS, "POST", "/v1/token", json, text("{\"grantType\": "), 400, Shape.OAUTH));
        all.add(new Hostile("invalid UTF-8", Service.STS, "POST", "/v1/token", json, invalidUtf8(), 400, Shape.OAUTH));
        all.add(new Hostile("an array for an object", Service.STS, "POST", "/v1/token", json, text("[1]"), 400, Shape.OAUTH));
        all.add(new Hostile("a number for the subject token", Service.STS, "POST", "/v1/token", json, text("{\"subjectToken\": 7}"), 400, Shape.OAUTH));
        all.add(new Hostile("over 10 MiB", Service.STS, "POST", "/v1/token", json, ofSize(10 * 1024 * 1024 + 1), 400, Shape.GOOGLE));
        // the API server: kube-apiserver's Status
        String ksas = "/api/v1/namespaces/demo/serviceaccounts";
        all.add(new Hostile("malformed JSON", Service.APISERVER, "POST", ksas, json, text("{\"metadata\": "), 400, Shape.STATUS));
        all.add(new Hostile("invalid UTF-8", Service.APISERVER, "POST", ksas, json, invalidUtf8(), 400, Shape.STATUS));
        all.add(new Hostile("a name with ..", Service.APISERVER, "POST", ksas, json, text("{\"metadata\": {\"name\": \"../x\"}}"), 422, Shape.STATUS));
        all.add(new Hostile("a name with NUL", Service.APISERVER, "POST", ksas, json, text("{\"metadata\": {\"name\": \"a\\u0000b\"}}"), 422, Shape.STATUS));
        all.add(new Hostile("an encoded separator in a name", Service.APISERVER, "GET", ksas + "/..%2F..%2Fx", null, null, 404, Shape.STATUS));
        all.add(new Hostile("over 3 MiB", Service.APISERVER, "POST", ksas, json, ofSize(3 * 1024 * 1024 + 1), 413, Shape.STATUS));
        String roles = "/apis/rbac.authorization.k8s.io/v1/namespaces/demo/roles";
        all.add(new Hostile("malformed JSON for a role", Service.APISERVER, "POST", roles, json, text("{\"rules\": "), 400, Shape.STATUS));
        all.add(new Hostile("a role name with a slash", Service.APISERVER, "POST", roles, json,
                text("{\"metadata\": {\"name\": \"a%2Fb\"}, \"rules\": []}"), 422, Shape.STATUS));
        all.add(new Hostile("a binding to a pod", Service.APISERVER, "POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/demo/rolebindings", json,
                text("{\"metadata\": {\"name\": \"x\"}, \"roleRef\": {\"apiGroup\": \"rbac.authorization.k8s.io\", \"kind\": \"Pod\", \"name\": \"x\"}}"),
                422, Shape.STATUS));
        all.add(new Hostile("an array for an access review", Service.APISERVER, "POST",
                "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", json, text("[1]"), 400, Shape.STATUS));
        all.add(new Hostile("an access review asking nothing", Service.APISERVER, "POST",
                "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", json, text("{\"spec\": {}}"), 422, Shape.STATUS));
        all.add(new Hostile("a cluster's token for the GKE API", Service.APISERVER, "GET",
                "/v1/projects/demo-project/locations/us-central1/clusters/my-cluster-name", null, null, 401, Shape.GOOGLE));
        all.add(new Hostile("a role name with a space", Service.IAM, "GET", "/v1/roles/bad%20name", null, null, 400, Shape.GOOGLE));
        // storage: Cloud Storage's error shape
        all.add(new Hostile("an object named ..", Service.STORAGE, "POST", upload + "..", "text/plain", text("x"), 400, Shape.STORAGE));
        all.add(new Hostile("an object named .", Service.STORAGE, "POST", upload + ".", "text/plain", text("x"), 400, Shape.STORAGE));
        all.add(new Hostile("NUL in an object name", Service.STORAGE, "POST", upload + "a%00b", "text/plain", text("x"), 400, Shape.STORAGE));
        all.add(new Hostile("a line feed in an object name", Service.STORAGE, "POST", upload + "a%0Ab", "text/plain", text("x"), 400, Shape.STORAGE));
        all.add(new Hostile("malformed JSON", Service.STORAGE, "POST", "/storage/v1/b?project=demo-project", json, text("{\"name\": "), 400, Shape.STORAGE));
        all.add(new Hostile("invalid UTF-8", Service.STORAGE, "POST", "/storage/v1/b?project=demo-project", json, invalidUtf8(), 400, Shape.STORAGE));
        all.add(new Hostile("an array for a bucket", Service.STORAGE, "POST", "/storage/v1/b?project=demo-project", json, text("[1]"), 400, Shape.STORAGE));
        // the metadata server: GKE's plain text for its paths, JSON for the simulator's /_sim
        all.add(new Hostile("an encoded separator in an account", Service.METADATA, "GET",
                "/computeMetadata/v1/instance/service-accounts/..%2F..%2Fx/token", null, null, 404, Shape.TEXT));
        all.add(new Hostile("NUL in a path", Service.METADATA, "GET", "/computeMetadata/v1/instance/%00", null, null, 404, Shape.TEXT));
        all.add(new Hostile("malformed JSON", Service.METADATA, "PUT", "/_sim/faults/sts", json, text("{\"latencyMs\": "), 400, Shape.SIM));
        all.add(new Hostile("invalid UTF-8", Service.METADATA, "PUT", "/_sim/faults/sts", json, invalidUtf8(), 400, Shape.SIM));
        all.add(new Hostile("an array for an object", Service.METADATA, "PUT", "/_sim/faults/sts", json, text("[1]"), 400, Shape.SIM));
        all.add(new Hostile("a hop that is not one", Service.METADATA, "PUT", "/_sim/faults/..%2Fiam", json, text("{\"status\": 503}"), 400, Shape.SIM));
        all.add(new Hostile("a bucket named ..", Service.STORAGE, "POST", "/storage/v1/b?project=demo-project", json, text("{\"name\": \"..\"}"), 400, Shape.STORAGE));
        return all;
    }

    @Test
    void everyHostileRequestGetsAClientErrorInItsServicesShape(Stack stack) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Hostile hostile : corpus()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(hostile.service()) + hostile.path()));
            if (hostile.service() != Service.METADATA) {   // a bearer token there would be taken for a KSA token
                request.header("Authorization", "Bearer " + stack.adminToken());
            }
            if (hostile.body() == null) {
                request.method(hostile.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", hostile.contentType()).method(hostile.method(), HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
            }
            if (hostile.service() == Service.METADATA) {
                request.header("Metadata-Flavor", "Google");
            }
            if (hostile.service() == Service.APISERVER) {
                request.setHeader("Authorization", "Bearer " + Files.readString(stack.stateDir().resolve("kube-admin-token")).strip());
            }
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String what = hostile.service() + " " + hostile.what() + ": " + answer.statusCode() + " " + answer.body();
            softly.assertThat(answer.statusCode()).as(what).isEqualTo(hostile.status());
            softly.assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.wisim");
            if (hostile.shape() == Shape.TEXT) {
                softly.assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/plain");
                softly.assertThat(answer.body()).as(what).isNotBlank().doesNotStartWith("{");
                continue;
            }
            Map<String, Object> body;
            try {
                body = JSON.readValue(answer.body(), Map.class);
            } catch (Exception notJson) {
                softly.fail("%s: not JSON", what);
                continue;
            }
            softly.assertThat(hostile.shape().test.test(body)).as(what + " in the " + hostile.shape() + " shape").isTrue();
        }
        softly.assertAll();
        Http.delete(stack.url(Service.METADATA) + "/_sim/faults");
    }

    @Test
    void aNameThatLooksLikeAPathStaysAName(Stack stack) throws Exception {
        Path outside = Path.of(System.getProperty("java.io.tmpdir"), "wisim-hostile-" + ProcessHandle.current().pid());
        String name = "../../../../../../../.." + outside;
        Http.Reply uploaded = send(stack, "/upload/storage/v1/b/demo-bucket/o?uploadType=media&name="
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), "mine");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(Files.exists(outside)).as("nothing is written outside the state directory").isFalse();
        Http.Reply read = Http.get(stack.url(Service.STORAGE) + "/storage/v1/b/demo-bucket/o/"
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "?alt=media", "Authorization", "Bearer " + stack.adminToken());
        assertThat(read.body()).isEqualTo("mine");
    }

    private static Http.Reply send(Stack stack, String path, String text) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Service.STORAGE) + path))
                .header("Authorization", "Bearer " + stack.adminToken()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Reply(answer.statusCode(), answer.headers().map(), answer.body());
    }
}
