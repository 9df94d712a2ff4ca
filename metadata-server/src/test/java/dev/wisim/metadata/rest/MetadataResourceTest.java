package dev.wisim.metadata.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class MetadataResourceTest {

    static final String SA = "/computeMetadata/v1/instance/service-accounts/";
    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    static final String EMAIL_SCOPE = "https://www.googleapis.com/auth/userinfo.email";

    static RequestSpecification google() {
        return given().header("Metadata-Flavor", "Google").redirects().follow(false);
    }

    private static String annotated = FakeUpstreams.GSA;

    @AfterEach
    void reset() {
        if (annotated == null || !annotated.equals(FakeUpstreams.GSA)) {
            annotate(FakeUpstreams.GSA);
        }
        FakeUpstreams.iamStatus.set(200);
        given().delete("/_sim/token-cache").then().statusCode(204);
        given().delete("/_sim/faults").then().statusCode(204);
    }

    /**
     * Changes the KSA's annotation in the API server; the metadata server's view has it (its watch
     * event arrived) within a second, the bound GKE's own informers keep.
     */
    static void annotate(String gsa) {
        FakeUpstreams.annotate(gsa);
        annotated = gsa;
        String expected = gsa == null ? "demo-project.svc.id.goog" : gsa;
        within(Duration.ofSeconds(1), () -> expected.equals(google().get(SA + "default/email").then().extract().asString()),
                "the metadata server saw the annotation " + gsa);
    }

    static void within(Duration time, java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + time.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + time + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void answersTheRootWithTheFlavorHeader() {
        given().get("/").then().statusCode(200).header("Metadata-Flavor", "Google").header("Server", "GKE Metadata Server")
                .contentType("application/text").body(equalTo("computeMetadata/\n"));
    }

    @Test
    void refusesRequestsWithoutMetadataFlavorWithGkesText() {
        given().get(SA + "default/token").then().statusCode(403)
                .contentType("text/plain; charset=utf-8")
                .header("Metadata-Flavor", "Google").header("X-Content-Type-Options", "nosniff")
                .body(equalTo("Missing required header \"Metadata-Flavor\": \"Google\"\n"));
        given().header("Metadata-Flavor", "google-ish").get("/computeMetadata/v1/project/project-id").then().statusCode(403)
                .body(equalTo("Missing required header \"Metadata-Flavor\": \"Google\"\n"));
        google().header("X-Forwarded-For", "10.0.0.1").get("/computeMetadata/v1/project/project-id").then().statusCode(403)
                .header("Metadata-Flavor", "Google");
    }

    @Test
    void relaysTheKsaTokenToAGsaToken() {
        google().get(SA + "default/token").then().statusCode(200)
                .contentType("application/json").header("Metadata-Flavor", "Google")
                .header("ETag", matchesPattern("[0-9a-f]{16}"))
                .body("access_token", equalTo(FakeUpstreams.GSA_TOKEN))
                .body("expires_in", org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(3590)).and(org.hamcrest.Matchers.lessThanOrEqualTo(3600)))
                .body("token_type", equalTo("Bearer"));
        Map<String, Object> sts = FakeUpstreams.lastStsRequest.get();
        assertThat(sts).containsEntry("grantType", "urn:ietf:params:oauth:grant-type:token-exchange")
                .containsEntry("audience", "identitynamespace:demo-project.svc.id.goog:https://container.googleapis.com/v1/projects/"
                        + "demo-project/locations/us-central1/clusters/my-cluster-name")
                .containsEntry("scope", CLOUD_PLATFORM)
                .containsEntry("requestedTokenType", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("subjectToken", "ksa-jwt")
                .containsEntry("subjectTokenType", "urn:ietf:params:oauth:token-type:jwt");
        Map<?, ?> spec = (Map<?, ?>) FakeApiserver.lastTokenRequest.get().get("spec");
        assertThat(spec.get("audiences")).isEqualTo(List.of("demo-project.svc.id.goog"));
        assertThat(spec.get("boundObjectRef").toString()).contains("kind=Pod").contains("name=test-pod");
    }

    @Test
    void theTokenPathAcceptsTheEmailAlias() {
        google().get(SA + FakeUpstreams.GSA + "/token").then().statusCode(200).body("access_token", equalTo(FakeUpstreams.GSA_TOKEN));
        google().get(SA + "other@demo-project.iam.gserviceaccount.com/token").then().statusCode(404).body(equalTo("404 page not found\n"));
    }

    @Test
    void anUnannotatedKsaGetsThePoolAndTheFederatedToken() {
        annotate(null);
        google().get(SA + "default/email").then().statusCode(200).body(equalTo("demo-project.svc.id.goog"));
        google().get(SA + "default/token").then().statusCode(200).body("access_token", equalTo(FakeUpstreams.FEDERATED));
        google().queryParam("audience", "https://example.test").get(SA + "default/identity").then().statusCode(404)
                .contentType("text/plain; charset=utf-8")
                .body(org.hamcrest.Matchers.startsWith("Your Kubernetes service account (demo/test-ksa) is not annotated with a target"
                        + " Google service account, which is a requirement for retrieving Identity Tokens using Workload Identity."));
    }

    @Test
    void aDeniedImpersonationIsGkesForbiddenText() {
        FakeUpstreams.iamStatus.set(403);
        google().get(SA + "default/token").then().statusCode(403).contentType("text/plain; charset=utf-8")
                .header("Metadata-Flavor", "Google")
                .body(equalTo("Unable to generate access token; IAM returned 403 Forbidden: Permission"
                        + " 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).\n"
                        + "This error could be caused by a missing IAM policy binding on the target IAM service account.\n"
                        + "For more information, refer to the Workload Identity documentation:\n"
                        + "\thttps://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity#authenticating_to\n\n"));
        FakeUpstreams.iamStatus.set(404);
        google().get(SA + "default/token").then().statusCode(404)
                .body(equalTo("Unable to generate access token; IAM returned 404 Not Found: Not found; Gaia id not found for email "
                        + FakeUpstreams.GSA + "\n"));
    }

    @Test
    void listsAndDescribesTheServiceAccounts() {
        google().get(SA).then().statusCode(200).contentType("application/text")
                .body(equalTo("default/\n" + FakeUpstreams.GSA + "/\n"));
        google().get("/computeMetadata/v1/instance/service-accounts").then().statusCode(301)
                .header("Location", SA).header("Metadata-Flavor", "Google");
        google().get(SA + "default/").then().statusCode(200).body(equalTo("aliases\nemail\nidentity\nscopes\ntoken\n"));
        google().queryParam("recursive", "true").get(SA + FakeUpstreams.GSA + "/").then().statusCode(200)
                .contentType("application/json")
                .body("aliases", contains("default")).body("email", equalTo(FakeUpstreams.GSA))
                .body("scopes", contains(CLOUD_PLATFORM, EMAIL_SCOPE));
        google().get(SA + "default/scopes").then().statusCode(200).body(equalTo(CLOUD_PLATFORM + "\n" + EMAIL_SCOPE + "\n"));
        google().get(SA + "default/email").then().statusCode(200).contentType("application/text").body(equalTo(FakeUpstreams.GSA));
    }

    @Test
    void answersTheProjectAndUniverse() {
        google().get("/computeMetadata/v1/project/project-id").then().statusCode(200).body(equalTo("demo-project"));
        google().get("/computeMetadata/v1/project/numeric-project-id").then().statusCode(200).body(equalTo("123456789012"));
        google().get("/computeMetadata/v1/universe/universe-domain").then().statusCode(200).body(equalTo("googleapis.com"));
        google().get("/computeMetadata/v1/").then().statusCode(200).body(equalTo("instance/\nproject/\nuniverse/\n"));
        google().queryParam("recursive", "true").get("/computeMetadata/v1/project/").then().statusCode(200)
                .body("numericProjectId", equalTo(123456789012L)).body("projectId", equalTo("demo-project"));
    }

    @Test
    void identifiesTheCallerByItsKsaToken() {
        google().header("Authorization", "Bearer " + FakeUpstreams.GOOD_KSA_TOKEN).get(SA + "default/email")
                .then().statusCode(200).body(equalTo(FakeUpstreams.GSA));
        google().header("Authorization", "Bearer expired").get(SA + "default/email").then().statusCode(401)
                .contentType("text/plain; charset=utf-8")
                .body(equalTo("Unable to authenticate the Kubernetes service account token: [invalid bearer token, service account"
                        + " token has expired]\n"));
    }

    @Test
    void servesTheGsasIdTokenAsABareJwt() {
        google().queryParam("audience", "https://example.test").queryParam("format", "full").queryParam("licenses", "TRUE")
                .get(SA + "default/identity").then().statusCode(200)
                .contentType("text/html; charset=utf-8").header("Metadata-Flavor", "Google")
                .body(equalTo(FakeUpstreams.ID_TOKEN));
        assertThat(FakeUpstreams.lastIdTokenRequest.get()).containsEntry("audience", "https://example.test")
                .containsEntry("includeEmail", true);
        // cached until shortly before the token's own exp: the same request does not reach IAM again
        FakeUpstreams.lastIdTokenRequest.set(null);
        google().queryParam("audience", "https://example.test").queryParam("format", "full")
                .get(SA + "default/identity").then().statusCode(200).body(equalTo(FakeUpstreams.ID_TOKEN));
        assertThat(FakeUpstreams.lastIdTokenRequest.get()).isNull();
        google().queryParam("audience", "a").queryParam("format", "weird").get(SA + "default/identity").then().statusCode(400)
                .contentType("text/plain; charset=utf-8").body(equalTo("format must be one of standard, full\n"));
    }

    @Test
    void handsOutTheSameTokenUntilItNearlyExpiresAndRelaysOnceForConcurrentCallers() throws Exception {
        int before = FakeUpstreams.stsCalls.get();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<String>> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(pool.submit(() -> google().get(SA + "default/token").then().statusCode(200).extract().<String>path("access_token")));
        }
        for (java.util.concurrent.Future<String> token : tokens) {
            assertThat(token.get()).isEqualTo(FakeUpstreams.GSA_TOKEN);
        }
        pool.shutdown();
        assertThat(FakeUpstreams.stsCalls.get() - before).isEqualTo(1);
        FakeUpstreams.iamStatus.set(403);
        google().get(SA + "default/token").then().statusCode(200).body("access_token", equalTo(FakeUpstreams.GSA_TOKEN));
        annotate(null);
        google().get(SA + "default/token").then().statusCode(200).body("access_token", equalTo(FakeUpstreams.FEDERATED));
    }

    @Test
    void anotherScopeSetReusesThePodsFederatedTokenAsGkeDoes() {
        google().get(SA + "default/token").then().statusCode(200);
        int before = FakeUpstreams.stsCalls.get();
        google().queryParam("scopes", "https://www.googleapis.com/auth/devstorage.read_only").get(SA + "default/token")
                .then().statusCode(200).body("access_token", equalTo(FakeUpstreams.GSA_TOKEN));
        assertThat(FakeUpstreams.stsCalls.get()).isEqualTo(before);
        given().get("/_sim/relays").then().statusCode(200)
                .body("relays[0].hops.hop", contains("IAM generateAccessToken"))
                .body("relays[0].reused", contains("federated token"));
    }

    @Test
    void listsTheRecentRelaysWithTheirHops() {
        google().get(SA + "default/token").then().statusCode(200);
        given().get("/_sim/relays").then().statusCode(200)
                .body("relays[0].pod", equalTo("demo/test-pod"))
                .body("relays[0].ksa", equalTo("demo/test-ksa"))
                .body("relays[0].gsa", equalTo(FakeUpstreams.GSA))
                .body("relays[0].outcome", equalTo("ok"))
                .body("relays[0].hops.hop", contains("TokenRequest", "STS token exchange", "IAM generateAccessToken"))
                .body("relays[0].hops.status", contains(201, 200, 200))
                .body("relays[0].reused", org.hamcrest.Matchers.empty());
    }

    @Test
    void waitsForAChangeOfTheKsaAnnotation() throws Exception {
        String etag = google().get(SA + "default/email").then().statusCode(200).extract().header("ETag");
        google().queryParam("wait_for_change", "true").queryParam("last_etag", "other").get(SA + "default/email")
                .then().statusCode(200).body(equalTo(FakeUpstreams.GSA)).header("ETag", etag);
        google().queryParam("wait_for_change", "true").queryParam("last_etag", etag).queryParam("timeout_sec", "1")
                .get(SA + "default/email").then().statusCode(200).body(equalTo(FakeUpstreams.GSA)).header("ETag", etag);
        java.util.concurrent.CompletableFuture<String> waiting = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                google().queryParam("wait_for_change", "true").queryParam("last_etag", etag).queryParam("timeout_sec", "20")
                        .get(SA + "default/email").then().statusCode(200).extract().asString());
        Thread.sleep(500);
        annotate(null);
        assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("demo-project.svc.id.goog");
        google().queryParam("wait_for_change", "true").queryParam("timeout_sec", "soon").get(SA + "default/email").then().statusCode(400)
                .body(equalTo("timeout_sec must be a non-negative integer\n"));
    }

    @Test
    void eachHopShowsWhatItsTokenStandsForNeverTheToken() {
        google().get(SA + "default/token").then().statusCode(200);
        String relays = given().get("/_sim/relays").then().statusCode(200)
                .body("relays[0].hops[1].token.format", equalTo("opaque"))
                .body("relays[0].hops[1].token.prefix", equalTo("ya29.d."))
                .body("relays[0].hops[1].token.subject", equalTo("serviceAccount:demo-project.svc.id.goog[demo/test-ksa]"))
                .body("relays[0].hops[2].token.prefix", equalTo("ya29.c."))
                .body("relays[0].hops[2].token.subject", equalTo(FakeUpstreams.GSA))
                .body("relays[0].hops[2].token.expiresAt", org.hamcrest.Matchers.notNullValue())
                .extract().asString();
        assertThat(relays).doesNotContain(FakeUpstreams.FEDERATED).doesNotContain(FakeUpstreams.GSA_TOKEN).doesNotContain("ksa-jwt");
    }

    @Test
    void aFaultSwitchMakesOneHopFailInItsServicesShapeUntilItIsSwitchedOff() {
        given().contentType("application/json").body("{\"status\": 503}").put("/_sim/faults/sts").then().statusCode(200)
                .body("sts.status", equalTo(503));
        given().get("/_sim/faults").then().statusCode(200).body("faults.sts.status", equalTo(503));
        google().get(SA + "default/token").then().statusCode(403).contentType("text/plain; charset=utf-8")
                .body(org.hamcrest.Matchers.startsWith("Unable to generate token; STS returned 503 Service Unavailable: temporarily_unavailable"));
        given().get("/_sim/relays").then().body("relays[0].hops.hop", contains("TokenRequest", "STS token exchange"))
                .body("relays[0].hops[1].status", equalTo(503));

        given().delete("/_sim/faults/sts").then().statusCode(204);
        google().get(SA + "default/token").then().statusCode(200).body("access_token", equalTo(FakeUpstreams.GSA_TOKEN));
    }

    @Test
    void aFaultAtIamIsGkesTextForIamsStatus() {
        given().contentType("application/json").body("{\"status\": 403}").put("/_sim/faults/iam").then().statusCode(200);
        google().get(SA + "default/token").then().statusCode(403)
                .body(org.hamcrest.Matchers.startsWith("Unable to generate access token; IAM returned 403 Forbidden: a fault switched on"));
    }

    @Test
    void addedLatencyShowsInTheHopsTime() {
        given().contentType("application/json").body("{\"latencyMs\": 300}").put("/_sim/faults/apiserver").then().statusCode(200);
        google().get(SA + "default/token").then().statusCode(200);
        given().get("/_sim/relays").then().body("relays[0].hops[0].hop", equalTo("TokenRequest"))
                .body("relays[0].hops[0].millis", org.hamcrest.Matchers.greaterThanOrEqualTo(300));
    }

    @Test
    void aFaultTheSwitchesDoNotKnowIsABadRequest() {
        given().contentType("application/json").body("{\"status\": 503}").put("/_sim/faults/storage").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("the hops are apiserver, sts and iam"));
        given().contentType("application/json").body("{\"status\": 200}").put("/_sim/faults/sts").then().statusCode(400);
        given().contentType("application/json").body("{\"latencyMs\": -1}").put("/_sim/faults/sts").then().statusCode(400);
        given().contentType("application/json").body("{\"latencyMs\": \"soon\"}").put("/_sim/faults/sts").then().statusCode(400);
        given().contentType("application/json").body("[1]").put("/_sim/faults/sts").then().statusCode(400);
        given().contentType("application/json").body("{").put("/_sim/faults/sts").then().statusCode(400);
        given().get("/_sim/faults").then().body("faults.size()", equalTo(0));
    }

    @Test
    void rendersRecursiveAnswersAsText() {
        google().queryParam("recursive", "true").queryParam("alt", "text").get(SA + "default/").then().statusCode(200)
                .contentType("application/text")
                .body(equalTo("aliases default\nemail " + FakeUpstreams.GSA + "\nscopes " + CLOUD_PLATFORM + "\nscopes " + EMAIL_SCOPE + "\n"));
        google().queryParam("alt", "json").get("/computeMetadata/v1/project/project-id").then().statusCode(200)
                .contentType("application/json").body(equalTo("\"demo-project\""));
    }

    @Test
    void identifiesAPodByTheAddressTheRequestArrivedOn() {
        int port = io.restassured.RestAssured.port;
        given().baseUri("http://" + FakeUpstreams.POD_IP).port(port).header("Metadata-Flavor", "Google")
                .get("/computeMetadata/v1/instance/service-accounts/default/email").then().statusCode(200).body(equalTo(FakeUpstreams.GSA));
        given().baseUri("http://127.0.0.9").port(port).header("Metadata-Flavor", "Google")
                .get("/computeMetadata/v1/instance/service-accounts/default/email").then().statusCode(404)
                .body(equalTo("Unable to identify the calling pod: no pod on this node has the IP address 127.0.0.9\n"));
    }

    @Test
    void answersUnknownPathsAndBadRequestsInPlainText() {
        google().get("/computeMetadata/v1/instance/attributes/kube-env").then().statusCode(404)
                .contentType("text/plain; charset=utf-8").header("Metadata-Flavor", "Google").body(equalTo("404 page not found\n"));
        google().get("/computeMetadata/v1/project/project-id/").then().statusCode(404).body(equalTo("404 page not found\n"));
        google().get(SA + "default/identity").then().statusCode(400).body(equalTo("non-empty audience parameter required\n"));
        google().post(SA + "default/token").then().statusCode(405).header("Metadata-Flavor", "Google");
    }
}
