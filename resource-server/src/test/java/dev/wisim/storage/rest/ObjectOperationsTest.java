package dev.wisim.storage.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resumable uploads, preconditions, copy/rewrite/compose, patch, listing filters, partial responses, other token kinds. */
@QuarkusTest
@QuarkusTestResource(FakeIam.class)
class ObjectOperationsTest {

    static final String BUCKET = "ops-bucket";

    static void ready() {
        StorageResourceTest.bucket(BUCKET, List.of(Map.of("role", "roles/storage.objectViewer",
                "members", List.of("serviceAccount:" + FakeIam.READER_EMAIL))));
    }

    private static String generation(String name) {
        return given().auth().oauth2(FakeIam.OWNER).get("/storage/v1/b/" + BUCKET + "/o/" + name).then().statusCode(200)
                .extract().path("generation");
    }

    @Test
    void aResumableUploadFollowsGooglesProtocol() {
        ready();
        String location = given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON)
                .header("X-Upload-Content-Type", "text/plain").body(Map.of("name", "big/file.txt", "metadata", Map.of("k", "v")))
                .queryParam("uploadType", "resumable").post("/upload/storage/v1/b/" + BUCKET + "/o")
                .then().statusCode(200).header("X-GUploader-UploadID", startsWith("ADPycd")).extract().header("Location");
        assertThat(location).startsWith("http://127.0.0.1:8083/upload/storage/v1/b/ops-bucket/o?uploadType=resumable&name=big%2Ffile.txt&upload_id=");
        String path = location.substring("http://127.0.0.1:8083".length());
        given().urlEncodingEnabled(false).header("Content-Range", "bytes */*").put(path).then().statusCode(308).header("Range", nullValue());
        given().urlEncodingEnabled(false).header("Content-Range", "bytes 0-4/*").body("hello".getBytes()).put(path)
                .then().statusCode(308).header("Range", equalTo("bytes=0-4"));
        // a chunk starting beyond what was received is not taken; a resent overlap is skipped
        given().urlEncodingEnabled(false).header("Content-Range", "bytes 9-10/*").body("xx".getBytes()).put(path)
                .then().statusCode(308).header("Range", equalTo("bytes=0-4"));
        given().urlEncodingEnabled(false).header("Content-Range", "bytes 3-7/*").body("lo wo".getBytes()).put(path)
                .then().statusCode(308).header("Range", equalTo("bytes=0-7"));
        given().urlEncodingEnabled(false).header("Content-Range", "bytes 8-10/11").body("rld".getBytes()).put(path)
                .then().statusCode(200).body("name", equalTo("big/file.txt")).body("size", equalTo("11"))
                .body("contentType", equalTo("text/plain")).body("metadata.k", equalTo("v"));
        given().urlEncodingEnabled(false).header("Content-Range", "bytes */*").put(path).then().statusCode(200).body("size", equalTo("11"));
        assertThat(given().auth().oauth2(FakeIam.READER).urlEncodingEnabled(false)
                .get("/download/storage/v1/b/ops-bucket/o/big%2Ffile.txt?alt=media").then().statusCode(200).extract().asString())
                .isEqualTo("hello world");
    }

    @Test
    void aResumableUploadIsInvisibleUntilCompleteAndCanBeCancelled() {
        ready();
        String location = given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body("{\"name\":\"pending.bin\"}")
                .queryParam("uploadType", "resumable").post("/resumable/upload/storage/v1/b/" + BUCKET + "/o")
                .then().statusCode(200).extract().header("Location");
        assertThat(location).contains("/resumable/upload/storage/v1/b/ops-bucket/o?");
        String path = location.substring("http://127.0.0.1:8083".length());
        given().urlEncodingEnabled(false).header("Content-Range", "bytes 0-2/*").body("abc".getBytes()).put(path).then().statusCode(308);
        given().auth().oauth2(FakeIam.OWNER).get("/storage/v1/b/" + BUCKET + "/o/pending.bin").then().statusCode(404).body("error.errors[0].reason", equalTo("notFound"));
        given().urlEncodingEnabled(false).delete(path).then().statusCode(499);
        given().urlEncodingEnabled(false).header("Content-Range", "bytes */3").put(path).then().statusCode(404);

        String wrongHash = given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body("{\"name\":\"checked.bin\"}")
                .queryParam("uploadType", "resumable").post("/upload/storage/v1/b/" + BUCKET + "/o").then().extract().header("Location");
        given().urlEncodingEnabled(false).header("Content-Range", "bytes 0-2/3").header("X-Goog-Hash", "crc32c=AAAAAA==")
                .body("abc".getBytes()).put(wrongHash.substring("http://127.0.0.1:8083".length()))
                .then().statusCode(400).body("error.message", startsWith("Provided CRC32C"));
        given().auth().oauth2(FakeIam.READER).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .queryParam("uploadType", "resumable").post("/upload/storage/v1/b/" + BUCKET + "/o").then().statusCode(403).body("error.errors[0].reason", equalTo("forbidden"));
    }

    @Test
    void aGzipEncodedMultipartUploadIsDecodedAsGoogleApiClientSendsIt() throws Exception {
        ready();
        String body = "--b\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{\"name\":\"zipped.txt\"}\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nunzipped\r\n--b--\r\n";
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(body.getBytes(StandardCharsets.UTF_8));
        }
        given().auth().oauth2(FakeIam.OWNER).contentType("multipart/related; boundary=b").header("Content-Encoding", "gzip")
                .body(zipped.toByteArray()).queryParam("uploadType", "multipart").post("/upload/storage/v1/b/" + BUCKET + "/o")
                .then().statusCode(200).body("name", equalTo("zipped.txt")).body("size", equalTo("8"));
    }

    /** Two writers racing to create the same object with ifGenerationMatch=0: exactly one wins, the other gets 412. */
    @Test
    void ofTwoCreatesWithIfGenerationMatchZeroExactlyOneWins() throws Exception {
        ready();
        for (int round = 0; round < 10; round++) {
            String name = "race-" + round + ".txt";
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<io.restassured.response.Response>> writes = new java.util.ArrayList<>();
            for (String body : List.of("first", "second")) {
                writes.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(FakeIam.OWNER).contentType("text/plain").body(body).queryParam("uploadType", "media")
                            .queryParam("name", name).queryParam("ifGenerationMatch", 0).post("/upload/storage/v1/b/" + BUCKET + "/o");
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var write : writes) {
                statuses.add(write.get().statusCode());
            }
            pool.shutdown();
            org.assertj.core.api.Assertions.assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            String winner = statuses.get(0) == 200 ? "first" : "second";
            given().auth().oauth2(FakeIam.OWNER).queryParam("alt", "media").get("/download/storage/v1/b/" + BUCKET + "/o/" + name)
                    .then().statusCode(200).body(equalTo(winner));
        }
    }

    @Test
    void preconditionsGuardWritesAndReads() {
        ready();
        StorageResourceTest.upload(BUCKET, "guarded.txt", "v1");
        String generation = generation("guarded.txt");
        given().auth().oauth2(FakeIam.OWNER).contentType("text/plain").body("v2").queryParam("uploadType", "media")
                .queryParam("name", "guarded.txt").queryParam("ifGenerationMatch", 0).post("/upload/storage/v1/b/" + BUCKET + "/o")
                .then().statusCode(412).body("error.errors[0].reason", equalTo("conditionNotMet"));
        given().auth().oauth2(FakeIam.OWNER).contentType("text/plain").body("v2").queryParam("uploadType", "media")
                .queryParam("name", "guarded.txt").queryParam("ifGenerationMatch", generation).post("/upload/storage/v1/b/" + BUCKET + "/o")
                .then().statusCode(200);
        given().auth().oauth2(FakeIam.OWNER).queryParam("ifGenerationNotMatch", generation("guarded.txt"))
                .get("/storage/v1/b/" + BUCKET + "/o/guarded.txt").then().statusCode(304);
        given().auth().oauth2(FakeIam.OWNER).queryParam("ifMetagenerationMatch", 2).delete("/storage/v1/b/" + BUCKET + "/o/guarded.txt")
                .then().statusCode(412).body("error.errors[0].reason", equalTo("conditionNotMet"));
        given().auth().oauth2(FakeIam.OWNER).queryParam("generation", generation).get("/storage/v1/b/" + BUCKET + "/o/guarded.txt")
                .then().statusCode(404).body("error.errors[0].reason", equalTo("notFound"));
    }

    @Test
    void copiesRewritesComposesAndPatches() {
        ready();
        StorageResourceTest.upload(BUCKET, "part-1", "Hello, ");
        StorageResourceTest.upload(BUCKET, "part-2", "world");
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON)
                .body(Map.of("sourceObjects", List.of(Map.of("name", "part-1"), Map.of("name", "part-2")),
                        "destination", Map.of("contentType", "text/plain")))
                .post("/storage/v1/b/" + BUCKET + "/o/whole.txt/compose")
                .then().statusCode(200).body("size", equalTo("12")).body("componentCount", equalTo(2));
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body("{}").urlEncodingEnabled(false)
                .post("/storage/v1/b/" + BUCKET + "/o/whole.txt/copyTo/b/" + BUCKET + "/o/copies%2Fwhole.txt")
                .then().statusCode(200).body("name", equalTo("copies/whole.txt")).body("contentType", equalTo("text/plain"));
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body("{}")
                .post("/storage/v1/b/" + BUCKET + "/o/whole.txt/rewriteTo/b/" + BUCKET + "/o/rewritten.txt")
                .then().statusCode(200).body("kind", equalTo("storage#rewriteResponse")).body("done", equalTo(true))
                .body("totalBytesRewritten", equalTo("12")).body("resource.name", equalTo("rewritten.txt"));
        assertThat(given().auth().oauth2(FakeIam.READER).get("/storage/v1/b/" + BUCKET + "/o/rewritten.txt?alt=media")
                .then().statusCode(200).extract().asString()).isEqualTo("Hello, world");
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON)
                .body(Map.of("cacheControl", "no-cache", "metadata", Map.of("team", "blue")))
                .patch("/storage/v1/b/" + BUCKET + "/o/rewritten.txt").then().statusCode(200)
                .body("metageneration", equalTo("2")).body("cacheControl", equalTo("no-cache")).body("metadata.team", equalTo("blue"));
        given().auth().oauth2(FakeIam.READER).contentType(ContentType.JSON).body("{}")
                .post("/storage/v1/b/" + BUCKET + "/o/whole.txt/copyTo/b/" + BUCKET + "/o/stolen.txt").then().statusCode(403).body("error.errors[0].reason", equalTo("forbidden"));
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body(Map.of("sourceObjects", List.of(Map.of("name", "nope"))))
                .post("/storage/v1/b/" + BUCKET + "/o/x/compose").then().statusCode(404).body("error.errors[0].reason", equalTo("notFound"));
    }

    @Test
    void listsWithOffsetsGlobsTrailingDelimitersAndPartialResponses() {
        ready();
        for (String name : List.of("logs/a.log", "logs/b.txt", "logs/c.log", "logs/", "logs/deep/d.log")) {
            StorageResourceTest.upload(BUCKET, name, name);
        }
        given().auth().oauth2(FakeIam.READER).queryParam("prefix", "logs/").queryParam("matchGlob", "logs/*.log")
                .get("/storage/v1/b/" + BUCKET + "/o").then().statusCode(200).body("items.name", contains("logs/a.log", "logs/c.log"));
        given().auth().oauth2(FakeIam.READER).queryParam("matchGlob", "logs/**.log")
                .get("/storage/v1/b/" + BUCKET + "/o").then().body("items.name", contains("logs/a.log", "logs/c.log", "logs/deep/d.log"));
        given().auth().oauth2(FakeIam.READER).queryParam("prefix", "logs/").queryParam("startOffset", "logs/b").queryParam("endOffset", "logs/d")
                .get("/storage/v1/b/" + BUCKET + "/o").then().body("items.name", contains("logs/b.txt", "logs/c.log"));
        given().auth().oauth2(FakeIam.READER).queryParam("delimiter", "/").queryParam("includeTrailingDelimiter", true)
                .queryParam("prefix", "logs").get("/storage/v1/b/" + BUCKET + "/o")
                .then().body("prefixes", contains("logs/")).body("items.name", contains("logs/"));
        given().auth().oauth2(FakeIam.READER).queryParam("prefix", "logs/").queryParam("fields", "items/name,nextPageToken")
                .queryParam("maxResults", 2).get("/storage/v1/b/" + BUCKET + "/o")
                .then().body("items[0].keySet()", contains("name")).body("nextPageToken", org.hamcrest.Matchers.notNullValue())
                .body("kind", nullValue());
        given().auth().oauth2(FakeIam.READER).queryParam("fields", "items(name,size)").queryParam("prefix", "logs/a")
                .get("/storage/v1/b/" + BUCKET + "/o").then().body("items[0].keySet()", contains("name", "size"));
        given().auth().oauth2(FakeIam.READER).queryParam("matchGlob", "logs/{a").get("/storage/v1/b/" + BUCKET + "/o").then().statusCode(400).body("error.errors[0].reason", equalTo("invalid"));
    }

    @Test
    void patchesAndPagesBuckets() {
        ready();
        StorageResourceTest.bucket("ops-bucket-2", List.of());
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body(Map.of("labels", Map.of("env", "test")))
                .patch("/storage/v1/b/" + BUCKET).then().statusCode(200).body("labels.env", equalTo("test"));
        given().auth().oauth2(FakeIam.OWNER).contentType(ContentType.JSON).body("{}").queryParam("ifMetagenerationMatch", 1)
                .patch("/storage/v1/b/" + BUCKET).then().statusCode(412).body("error.errors[0].reason", equalTo("conditionNotMet"));
        given().auth().oauth2(FakeIam.READER).contentType(ContentType.JSON).body("{}").patch("/storage/v1/b/" + BUCKET).then().statusCode(403).body("error.errors[0].reason", equalTo("forbidden"));
        given().auth().oauth2(FakeIam.OWNER).queryParam("project", "demo-project").queryParam("maxResults", 1)
                .get("/storage/v1/b").then().statusCode(200).body("items.size()", equalTo(1))
                .body("nextPageToken", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void tokensWithoutTheEmailScopeAndIdTokensNameTheirAccount() {
        ready();
        StorageResourceTest.upload(BUCKET, "for-reader.txt", "yes");
        for (String token : List.of(FakeIam.READER_WITHOUT_EMAIL, FakeIam.READER_ID_TOKEN)) {
            assertThat(given().auth().oauth2(token).get("/storage/v1/b/" + BUCKET + "/o/for-reader.txt?alt=media")
                    .then().statusCode(200).extract().asByteArray()).isEqualTo("yes".getBytes(StandardCharsets.UTF_8));
        }
        given().auth().oauth2("eyJ.forged.id").get("/storage/v1/b/" + BUCKET + "/o/for-reader.txt").then().statusCode(401).body("error.errors[0].reason", equalTo("authError"));
    }
}
