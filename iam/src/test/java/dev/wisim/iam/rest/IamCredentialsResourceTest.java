package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class IamCredentialsResourceTest {

    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    static final String BODY = "{\"delegates\":[],\"scope\":[\"" + CLOUD_PLATFORM
            + "\",\"https://www.googleapis.com/auth/userinfo.email\"],\"lifetime\":\"3600s\"}";

    private static ValidatableResponse generate(String caller, String email, String body, int status) {
        return given().auth().oauth2(caller).contentType(ContentType.JSON).body(body)
                .post("/v1/projects/-/serviceAccounts/" + email + ":generateAccessToken")
                .then().statusCode(status).contentType("application/json; charset=UTF-8");
    }

    private static void granted(String caller, String email) {
        generate(caller, email, BODY, 200).body("accessToken", startsWith("ya29.")).body("expireTime", matchesPattern(".+Z"));
    }

    private static void denied(String caller, String email) {
        generate(caller, email, BODY, 403).body("error.status", equalTo("PERMISSION_DENIED"))
                .body("error.details[0].metadata.permission", equalTo("iam.serviceAccounts.getAccessToken"));
    }

    private static void unauthenticated(String caller, String email) {
        generate(caller, email, BODY, 401).body("error.code", equalTo(401)).body("error.status", equalTo("UNAUTHENTICATED"))
                .body("error.message", equalTo(IamException.INVALID_CREDENTIALS));
    }

    @Test
    void aKsaBoundAsWorkloadIdentityUserGetsTheGsaToken() {
        String admin = IamWorld.admin();
        String gsa = IamWorld.serviceAccount(admin, "wi-legacy");
        IamWorld.bind(admin, gsa, "roles/iam.workloadIdentityUser", "serviceAccount:demo-project.svc.id.goog[demo/app]");
        String federated = FakeSts.federatedToken("demo", "app", 3600, CLOUD_PLATFORM);

        String token = given().auth().oauth2(federated).contentType(ContentType.JSON).body(BODY)
                .post("/v1/projects/-/serviceAccounts/" + gsa + ":generateAccessToken")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("accessToken", startsWith("ya29.c."))
                .body("expireTime", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .extract().path("accessToken");

        given().header("Authorization", "Bearer " + token).get("/oauth2/v1/tokeninfo")
                .then().statusCode(200)
                .body("email", equalTo(gsa)).body("verified_email", equalTo(true))
                .body("scope", equalTo(CLOUD_PLATFORM + " https://www.googleapis.com/auth/userinfo.email"))
                .body("access_type", equalTo("online"));
    }

    @Test
    void thePrincipalFormNamesTheSameKsa() {
        String admin = IamWorld.admin();
        String gsa = IamWorld.serviceAccount(admin, "wi-principal");
        IamWorld.bind(admin, gsa, "roles/iam.workloadIdentityUser",
                FakeSts.POOL_PREFIX + "demo-project.svc.id.goog/subject/ns/team/sa/worker");
        granted(FakeSts.federatedToken("team", "worker", 3600, CLOUD_PLATFORM), gsa);
        denied(FakeSts.federatedToken("team", "other", 3600, CLOUD_PLATFORM), gsa);
    }

    @Test
    void aPrincipalSetCoversTheNamespace() {
        String admin = IamWorld.admin();
        String gsa = IamWorld.serviceAccount(admin, "wi-set");
        IamWorld.bind(admin, gsa, "roles/iam.workloadIdentityUser",
                FakeSts.POOL_PREFIX.replace("principal://", "principalSet://") + "demo-project.svc.id.goog/namespace/batch");
        granted(FakeSts.federatedToken("batch", "any", 3600, CLOUD_PLATFORM), gsa);
    }

    @Test
    void anUnboundKsaIsDeniedWithGooglesBody() {
        String gsa = IamWorld.serviceAccount(IamWorld.admin(), "wi-denied");
        given().auth().oauth2(FakeSts.federatedToken("demo", "nobody", 3600, CLOUD_PLATFORM)).contentType(ContentType.JSON).body(BODY)
                .post("/v1/projects/-/serviceAccounts/" + gsa + ":generateAccessToken")
                .then().statusCode(403).contentType("application/json; charset=UTF-8")
                .body("error.code", equalTo(403))
                .body("error.status", equalTo("PERMISSION_DENIED"))
                .body("error.message", equalTo("Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist)."))
                .body("error.details[0].'@type'", equalTo("type.googleapis.com/google.rpc.ErrorInfo"))
                .body("error.details[0].reason", equalTo("IAM_PERMISSION_DENIED"))
                .body("error.details[0].domain", equalTo("iam.googleapis.com"))
                .body("error.details[0].metadata.permission", equalTo("iam.serviceAccounts.getAccessToken"));
    }

    @Test
    void anUnknownGsaIsGaiaIdNotFound() {
        given().auth().oauth2(FakeSts.federatedToken("demo", "app", 3600, CLOUD_PLATFORM)).contentType(ContentType.JSON).body(BODY)
                .post("/v1/projects/-/serviceAccounts/ghost@demo-project.iam.gserviceaccount.com:generateAccessToken")
                .then().statusCode(404)
                .body("error.message", equalTo("Not found; Gaia id not found for email ghost@demo-project.iam.gserviceaccount.com"))
                .body("error.status", equalTo("NOT_FOUND"));
    }

    @Test
    void validatesTheRequest() {
        String admin = IamWorld.admin();
        String gsa = IamWorld.serviceAccount(admin, "wi-validate");
        IamWorld.bind(admin, gsa, "roles/iam.workloadIdentityUser", "serviceAccount:demo-project.svc.id.goog[demo/app]");
        String caller = FakeSts.federatedToken("demo", "app", 3600, CLOUD_PLATFORM);
        generate(caller, gsa, "{\"scope\":[]}", 400).body("error.status", equalTo("INVALID_ARGUMENT"));
        generate(caller, gsa, "{\"scope\":[null]}", 400).body("error.status", equalTo("INVALID_ARGUMENT"));
        generate(caller, gsa, "{\"delegates\":[null],\"scope\":[\"" + CLOUD_PLATFORM + "\"]}", 400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(caller).contentType(ContentType.JSON).body("{\"scope\":[\"x\"],\"lifetime\":\"7200s\"}")
                .post("/v1/projects/-/serviceAccounts/" + gsa + ":generateAccessToken")
                .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        generate(caller, gsa, "{\"delegates\":null,\"scope\":[\"" + CLOUD_PLATFORM + "\"]}", 200).body("accessToken", startsWith("ya29."));
        given().auth().oauth2(FakeSts.federatedToken("demo", "app", 3600, "https://www.googleapis.com/auth/devstorage.read_only"))
                .contentType(ContentType.JSON).body(BODY)
                .post("/v1/projects/-/serviceAccounts/" + gsa + ":generateAccessToken")
                .then().statusCode(403).body("error.message", equalTo("Request had insufficient authentication scopes."));
    }

    @Test
    void refusesExpiredAndForgedCallers() {
        String gsa = IamWorld.serviceAccount(IamWorld.admin(), "wi-forged");
        unauthenticated(FakeSts.federatedToken("demo", "app", -10, CLOUD_PLATFORM), gsa);
        String real = FakeSts.federatedToken("demo", "app", 3600, CLOUD_PLATFORM);
        String[] parts = real.substring("ya29.d.".length()).split("\\.");
        String tampered = "ya29.d." + parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        unauthenticated(tampered, gsa);
        unauthenticated("ya29.d.garbage", gsa);
    }

    @Test
    void generatesGoogleIdTokensVerifiableAgainstTheCerts() throws Exception {
        String admin = IamWorld.admin();
        String gsa = IamWorld.serviceAccount(admin, "wi-idtoken");
        IamWorld.bind(admin, gsa, "roles/iam.workloadIdentityUser", "serviceAccount:demo-project.svc.id.goog[demo/app]");
        String caller = FakeSts.federatedToken("demo", "app", 3600, CLOUD_PLATFORM);
        String token = given().auth().oauth2(caller).contentType(ContentType.JSON)
                .body("{\"delegates\":null,\"audience\":\"https://example.test\",\"includeEmail\":true}")
                .post("/v1/projects/-/serviceAccounts/" + gsa + ":generateIdToken")
                .then().statusCode(200).extract().path("token");
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        org.assertj.core.api.Assertions.assertThat(header).matches("\\{\"alg\":\"RS256\",\"kid\":\"[A-Za-z0-9_-]+\",\"typ\":\"JWT\"}");
        String jwks = given().get("/oauth2/v3/certs").then().statusCode(200).body("keys[0].alg", equalTo("RS256")).extract().asString();
        dev.wisim.jose.VerifiedJwt jwt = new dev.wisim.jose.JwtVerifier(java.time.Clock.systemUTC()).verify(token,
                dev.wisim.jose.Jwks.parse(jwks), dev.wisim.jose.VerificationRules.rs256().issuer("https://accounts.google.com")
                        .audience("https://example.test"));
        org.assertj.core.api.Assertions.assertThat(jwt.claims()).containsEntry("email", gsa).containsEntry("email_verified", true)
                .containsKeys("azp", "sub", "iat", "exp");
        org.assertj.core.api.Assertions.assertThat(((Number) jwt.claims().get("exp")).longValue()
                - ((Number) jwt.claims().get("iat")).longValue()).isEqualTo(3600);

        given().auth().oauth2(caller).contentType(ContentType.JSON).body("{\"audience\":\"\"}")
                .post("/v1/projects/-/serviceAccounts/" + gsa + ":generateIdToken").then().statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(FakeSts.federatedToken("demo", "other", 3600, CLOUD_PLATFORM)).contentType(ContentType.JSON)
                .body("{\"audience\":\"x\"}").post("/v1/projects/-/serviceAccounts/" + gsa + ":generateIdToken")
                .then().statusCode(403).body("error.message",
                        equalTo("Permission 'iam.serviceAccounts.getOpenIdToken' denied on resource (or it may not exist)."));
    }
}
