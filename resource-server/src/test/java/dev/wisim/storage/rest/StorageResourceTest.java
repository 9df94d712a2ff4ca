package dev.wisim.storage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeIam.class)
class StorageResourceTest {

    static final String JSON_UTF8 = "application/json; charset=UTF-8";

    static void bucket(String name, List<Map<String, Object>> extraBindings) {
        if (given().auth().oauth2(FakeIam.OWNER).get("/storage/v1/b/" + name).statusCode() == 200) {
            return;
        }
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/storage/v1/b?project=demo-project").then().statusCode(200);
        List<Map<String, Object>> bindings = new java.util.ArrayList<>(List.of(Map.of("role", "roles/storage.legacyBucketOwner",
                "members", List.of("projectOwner:demo-project"))));
        bindings.addAll(extraBindings);
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body(Map.of("bindings", bindings))
                .put("/storage/v1/b/" + name + "/iam").then().statusCode(200);
    }

    static void upload(String bucket, String name, String text) {
        given().auth().oauth2(FakeIam.OWNER).contentType("text/plain").body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("uploadType", "media").queryParam("name", name)
                .post("/upload/storage/v1/b/" + bucket + "/o").then().statusCode(200);
    }

    @Test
    void createsABucketWithGooglesDefaultPolicy() {
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body("{\"name\":\"fresh-bucket\"}")
                .post("/storage/v1/b?project=demo-project")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("kind", equalTo("storage#bucket")).body("name", equalTo("fresh-bucket"))
                .body("projectNumber", equalTo("123456789012")).body("metageneration", equalTo("1"))
                .body("selfLink", equalTo("http://127.0.0.1:8083/storage/v1/b/fresh-bucket"))
                .body("iamConfiguration.uniformBucketLevelAccess.enabled", equalTo(true));
        given().auth().oauth2(FakeIam.OWNER).get("/storage/v1/b/fresh-bucket/iam").then().statusCode(200)
                .body("kind", equalTo("storage#policy")).body("resourceId", equalTo("projects/_/buckets/fresh-bucket"))
                .body("etag", equalTo("CAE="))
                .body("bindings[0].role", equalTo("roles/storage.legacyBucketOwner"))
                .body("bindings[0].members", contains("projectEditor:demo-project", "projectOwner:demo-project"))
                .body("bindings[1].members", contains("projectViewer:demo-project"));
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body("{\"name\":\"fresh-bucket\"}")
                .post("/storage/v1/b?project=demo-project").then().statusCode(409).body("error.errors[0].reason", equalTo("conflict"));
        given().auth().oauth2(FakeIam.READER).contentType(ContentType.JSON).body("{\"name\":\"readers-bucket\"}")
                .post("/storage/v1/b?project=demo-project").then().statusCode(403).body("error.errors[0].reason", equalTo("forbidden"));
    }

    @Test
    void uploadsAndDownloadsWithGooglesHeaders() {
        bucket("data-bucket", List.of(Map.of("role", "roles/storage.objectViewer", "members", List.of("serviceAccount:" + FakeIam.READER_EMAIL))));
        upload("data-bucket", "dir/a b.txt", "hello");
        given().auth().oauth2(FakeIam.READER).urlEncodingEnabled(false).get("/storage/v1/b/data-bucket/o/dir%2Fa%20b.txt")
                .then().statusCode(200)
                .body("name", equalTo("dir/a b.txt")).body("size", equalTo("5"))
                .body("md5Hash", equalTo("XUFAKrxLKna5cZ2REBfFkg==")).body("crc32c", equalTo("mnG7TA=="))
                .body("generation", matchesPattern("\\d{16}"))
                .body("mediaLink", matchesPattern("http://127.0.0.1:8083/download/storage/v1/b/data-bucket/o/dir%2Fa%20b.txt\\?generation=\\d+&alt=media"));
        given().auth().oauth2(FakeIam.READER).urlEncodingEnabled(false).get("/download/storage/v1/b/data-bucket/o/dir%2Fa%20b.txt?alt=media")
                .then().statusCode(200).contentType("text/plain").body(equalTo("hello"))
                .header("x-goog-hash", "crc32c=mnG7TA==,md5=XUFAKrxLKna5cZ2REBfFkg==")
                .header("x-goog-stored-content-length", "5").header("x-goog-metageneration", "1");
        given().auth().oauth2(FakeIam.READER).urlEncodingEnabled(false).header("Range", "bytes=1-3")
                .get("/storage/v1/b/data-bucket/o/dir%2Fa%20b.txt?alt=media")
                .then().statusCode(206).header("Content-Range", "bytes 1-3/5").body(equalTo("ell"));
        given().auth().oauth2(FakeIam.READER).urlEncodingEnabled(false).header("Range", "bytes=9-")
                .get("/storage/v1/b/data-bucket/o/dir%2Fa%20b.txt?alt=media").then().statusCode(416);
    }

    @Test
    void acceptsMultipartUploadsWithDeclaredHashes() {
        bucket("multi-bucket", List.of());
        String body = "--XX\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{\"name\":\"m.txt\",\"crc32c\":\"mnG7TA==\"}\r\n"
                + "--XX\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XX--\r\n";
        given().auth().oauth2(FakeIam.OWNER).contentType("multipart/related; boundary=XX").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/upload/storage/v1/b/multi-bucket/o?uploadType=multipart")
                .then().statusCode(200).body("name", equalTo("m.txt")).body("contentType", equalTo("text/plain"));
        String apitools = "--'===1=='\n".replace("'", "") + "Content-Type: application/json\n\n{\"name\":\"bad.txt\",\"md5Hash\":\"AAAA\"}\n"
                + "--===1==\nContent-Type: text/plain\n\nhello\n--===1==--\n";
        given().auth().oauth2(FakeIam.OWNER).contentType("multipart/related; boundary='===1=='").body(apitools.getBytes(StandardCharsets.UTF_8))
                .post("/upload/storage/v1/b/multi-bucket/o?uploadType=multipart")
                .then().statusCode(400).body("error.errors[0].reason", equalTo("invalid"));
    }

    @Test
    void listsWithPrefixAndDelimiter() {
        bucket("list-bucket", List.of());
        upload("list-bucket", "a.txt", "1");
        upload("list-bucket", "dir/b.txt", "2");
        upload("list-bucket", "dir/sub/c.txt", "3");
        given().auth().oauth2(FakeIam.OWNER).queryParam("delimiter", "/").get("/storage/v1/b/list-bucket/o")
                .then().statusCode(200).body("kind", equalTo("storage#objects"))
                .body("items.name", contains("a.txt")).body("prefixes", contains("dir/"));
        given().auth().oauth2(FakeIam.OWNER).queryParam("prefix", "dir/").get("/storage/v1/b/list-bucket/o")
                .then().statusCode(200).body("items.name", contains("dir/b.txt", "dir/sub/c.txt"));
        String token = given().auth().oauth2(FakeIam.OWNER).queryParam("maxResults", 1).get("/storage/v1/b/list-bucket/o")
                .then().statusCode(200).body("items.name", contains("a.txt")).extract().path("nextPageToken");
        given().auth().oauth2(FakeIam.OWNER).queryParam("maxResults", 5).queryParam("pageToken", token).get("/storage/v1/b/list-bucket/o")
                .then().statusCode(200).body("items.name", contains("dir/b.txt", "dir/sub/c.txt"));
    }

    @Test
    void deniesWithGooglesMessages() {
        bucket("private-bucket", List.of());
        upload("private-bucket", "secret.txt", "s");
        given().auth().oauth2(FakeIam.STRANGER).get("/storage/v1/b/private-bucket/o/secret.txt?alt=media")
                .then().statusCode(403).contentType(JSON_UTF8)
                .body("error.code", equalTo(403))
                .body("error.message", equalTo(FakeIam.STRANGER_EMAIL + " does not have storage.objects.get access to the Google"
                        + " Cloud Storage object. Permission 'storage.objects.get' denied on resource (or it may not exist)."))
                .body("error.errors[0].domain", equalTo("global")).body("error.errors[0].reason", equalTo("forbidden"));
        given().auth().oauth2(FakeIam.STRANGER).get("/storage/v1/b/private-bucket/o")
                .then().statusCode(403).body("error.message", org.hamcrest.Matchers.containsString(
                        "does not have storage.objects.list access to the Google Cloud Storage bucket."));
        given().get("/storage/v1/b/private-bucket/o/secret.txt").then().statusCode(401)
                .body("error.message", org.hamcrest.Matchers.startsWith("Anonymous caller does not have storage.objects.get access"))
                .body("error.errors[0].reason", equalTo("required"));
        given().auth().oauth2("not-a-token").get("/storage/v1/b/private-bucket/o/secret.txt").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("error.message", equalTo("Invalid Credentials"))
                .body("error.errors[0].reason", equalTo("authError"))
                .body("error.errors[0].location", equalTo("Authorization"));
    }

    @Test
    void aFederatedPrincipalBoundDirectlyReadsObjects() {
        bucket("wif-bucket", List.of(Map.of("role", "roles/storage.objectViewer",
                "members", List.of("principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/"
                        + "demo-project.svc.id.goog/namespace/demo"))));
        upload("wif-bucket", "x.txt", "x");
        bucket("other-bucket", List.of());
        upload("other-bucket", "secret.txt", "s");
        given().auth().oauth2(FakeIam.KSA).get("/download/storage/v1/b/wif-bucket/o/x.txt?alt=media").then().statusCode(200).body(equalTo("x"));
        given().auth().oauth2(FakeIam.KSA).get("/storage/v1/b/other-bucket/o/secret.txt").then().statusCode(403)
                .body("error.message", org.hamcrest.Matchers.startsWith(FakeIam.KSA_PRINCIPAL + " does not have"));
    }

    @Test
    void answersMissingThingsAndBadRequestsInGooglesEnvelope() {
        bucket("misc-bucket", List.of());
        given().auth().oauth2(FakeIam.OWNER).get("/storage/v1/b/misc-bucket/o/nope.txt").then().statusCode(404)
                .body("error.message", equalTo("No such object: misc-bucket/nope.txt"));
        given().auth().oauth2(FakeIam.OWNER).get("/storage/v1/b/no-such-bucket").then().statusCode(404)
                .body("error.message", equalTo("The specified bucket does not exist."));
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body("{oops").post("/storage/v1/b?project=demo-project")
                .then().statusCode(400).contentType(JSON_UTF8).body("error.errors[0].reason", equalTo("invalid"));
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body("null").put("/storage/v1/b/misc-bucket/iam")
                .then().statusCode(400).body("error.errors[0].reason", equalTo("invalid"));
        given().auth().oauth2(FakeIam.OWNER).queryParam("pageToken", "%%%").get("/storage/v1/b/misc-bucket/o")
                .then().statusCode(400).body("error.errors[0].reason", equalTo("invalid"));
        given().auth().oauth2(FakeIam.OWNER).post("/upload/storage/v1/b/misc-bucket/o?name=x").then().statusCode(400)
                .body("error.errors[0].reason", equalTo("required"));
        given().auth().oauth2(FakeIam.OWNER).get("/storage/v2/whatever").then().statusCode(404).contentType(JSON_UTF8);
        upload("misc-bucket", "keep.txt", "k");
        given().auth().oauth2(FakeIam.OWNER).post("/storage/v1/b/misc-bucket/o/keep.txt").then().statusCode(404)
                .contentType(JSON_UTF8).body("error.errors[0].reason", equalTo("notFound"));
        given().auth().oauth2(FakeIam.OWNER).delete("/storage/v1/b/misc-bucket").then().statusCode(409).body("error.errors[0].reason", equalTo("conflict"));
    }
}
