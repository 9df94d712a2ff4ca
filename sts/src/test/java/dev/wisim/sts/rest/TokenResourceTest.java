package dev.wisim.sts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import dev.wisim.jose.CanonicalJson;
import dev.wisim.jose.KeyRing;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeGoogle.class)
class TokenResourceTest {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS = "urn:ietf:params:oauth:token-type:access_token";
    static final String JWT = "urn:ietf:params:oauth:token-type:jwt";
    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    @Inject
    KeyRing stsKeys;

    static Map<String, String> form(String subjectToken) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", GRANT);
        form.put("audience", FakeGoogle.AUDIENCE);
        form.put("scope", SCOPE);
        form.put("requested_token_type", ACCESS);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", JWT);
        return form;
    }

    static ValidatableResponse postForm(Map<String, String> form) {
        return given().contentType(ContentType.URLENC).formParams(form).post("/v1/token").then();
    }

    @Test
    void exchangesAKsaTokenSentAsJsonTheWayTheMetadataServerSendsIt() {
        Map<String, Object> body = Map.of("grantType", GRANT, "audience", FakeGoogle.AUDIENCE, "scope", SCOPE,
                "requestedTokenType", ACCESS, "subjectToken", FakeGoogle.ksaToken("demo", "app"), "subjectTokenType", JWT);
        String token = given().contentType(ContentType.JSON).body(body).post("/v1/token")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("access_token", startsWith("ya29.d."))
                .body("issued_token_type", equalTo(ACCESS))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(3500)).body("expires_in", lessThanOrEqualTo(3600))
                .extract().path("access_token");
        String payload = new String(Base64.getUrlDecoder().decode(token.substring("ya29.d.".length()).split("\\.")[1]), StandardCharsets.UTF_8);
        Map<String, Object> claims = CanonicalJson.read(payload);
        String pool = "//iam.googleapis.com/projects/" + FakeGoogle.PROJECT_NUMBER + "/locations/global/workloadIdentityPools/" + FakeGoogle.POOL;
        org.assertj.core.api.Assertions.assertThat(claims.get("sub")).isEqualTo("principal:" + pool + "/subject/ns/demo/sa/app");
        org.assertj.core.api.Assertions.assertThat(claims.get("principalSets").toString())
                .contains("principalSet:" + pool + "/namespace/demo");
    }

    @Test
    void exchangesAFormRequestAndDecodesDoubleEncodedOptions() {
        Map<String, String> form = form(FakeGoogle.ksaToken("demo", "app"));
        form.put("options", URLEncoder.encode("{\"userProject\":\"demo-project\"}", StandardCharsets.UTF_8));
        postForm(form).statusCode(200).body("token_type", equalTo("Bearer"));
    }

    @Test
    void federatedTokensNeverOutliveTheSubjectToken() {
        String shortLived = dev.wisim.jose.JwsSigner.sign(FakeGoogle.CLUSTER_KEYS.active(), FakeGoogle.ksaClaims("demo", "app", 0, 700));
        postForm(form(shortLived)).statusCode(200).body("expires_in", lessThanOrEqualTo(700));
    }

    @Test
    void validatesTheRequestFields() {
        String ksa = FakeGoogle.ksaToken("demo", "app");
        Map<String, String> missingGrant = form(ksa);
        missingGrant.remove("grant_type");
        postForm(missingGrant).statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", equalTo("Missing required field: grant_type."));
        Map<String, String> wrongGrant = form(ksa);
        wrongGrant.put("grant_type", "client_credentials");
        postForm(wrongGrant).statusCode(400).body("error", equalTo("unsupported_grant_type"));
        Map<String, String> wrongRequested = form(ksa);
        wrongRequested.put("requested_token_type", "urn:ietf:params:oauth:token-type:id_token");
        postForm(wrongRequested).statusCode(400).body("error", equalTo("invalid_request"));
        Map<String, String> badAudience = form(ksa);
        badAudience.put("audience", "my-audience");
        postForm(badAudience).statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", equalTo("Invalid value for \"audience\". This value should be the full resource name of"
                        + " the Identity Provider. See https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token for"
                        + " the list of possible formats."));
        Map<String, String> otherCluster = form(ksa);
        otherCluster.put("audience", "identitynamespace:demo-project.svc.id.goog:https://container.googleapis.com/v1/projects/demo-project/locations/us-central1/clusters/gone");
        postForm(otherCluster).statusCode(400).body("error", equalTo("invalid_target"))
                .body("error_description", equalTo("The target service indicated by the \"audience\" parameters is invalid. This"
                        + " might either be because the pool or provider is disabled or deleted or because it doesn't exist."));
        Map<String, String> otherPool = form(ksa);
        otherPool.put("audience", "identitynamespace:other-project.svc.id.goog:" + FakeGoogle.ISSUER);
        postForm(otherPool).statusCode(400).body("error", equalTo("invalid_target"));
        Map<String, String> badOptions = form(ksa);
        badOptions.put("options", "not json");
        postForm(badOptions).statusCode(400).body("error", equalTo("invalid_request"));
        badOptions.put("options", "%zz");
        postForm(badOptions).statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void answersMalformedRequestsWithOAuthErrors() {
        given().contentType(ContentType.JSON).body("{not json").post("/v1/token")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.TEXT).body("x").post("/v1/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().get("/v1/token").then().statusCode(405).contentType(ContentType.JSON).body("error", equalTo("invalid_request"));
        given().get("/v2/elsewhere").then().statusCode(404).contentType(ContentType.JSON);
        given().contentType(ContentType.JSON).body("{\"grantType\":5}").post("/v1/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void publishesItsTokenSigningKeysForIamAndStorage() {
        given().get("/_sim/keys").then().statusCode(200).body("keys.kid", org.hamcrest.Matchers.hasItem(stsKeys.active().kid()))
                .body("keys.alg", org.hamcrest.Matchers.everyItem(equalTo("RS256")));
    }

    @Test
    void aRealClusterRegisteredWithItsOwnIssuerAndKeysIsAGkeClusterToo() {
        Map<String, Object> claims = new HashMap<>(FakeGoogle.ksaClaims("shop", "cart", 0, 600));
        claims.put("iss", FakeGoogle.REAL_ISSUER);
        Map<String, String> form = form(dev.wisim.jose.JwsSigner.sign(FakeGoogle.REAL_CLUSTER_KEYS.active(), claims));
        form.put("audience", "identitynamespace:" + FakeGoogle.POOL + ":" + FakeGoogle.REAL_ISSUER);
        postForm(form).statusCode(200).body("access_token", startsWith("ya29.d."));
        // signed by the simulated cluster's key, the real cluster's token is refused
        Map<String, String> forged = form(dev.wisim.jose.JwsSigner.sign(FakeGoogle.CLUSTER_KEYS.active(), claims));
        forged.put("audience", "identitynamespace:" + FakeGoogle.POOL + ":" + FakeGoogle.REAL_ISSUER);
        postForm(forged).statusCode(400).body("error", equalTo("invalid_grant"));
    }
}
