package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.wisim.jose.JwtVerifier;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** signBlob and signJwt, verified the way a relying party does: with the account's published certificate. */
@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class IamCredentialsSigningTest {

    private static String path(String email, String verb) {
        return "/v1/projects/-/serviceAccounts/" + email + ":" + verb;
    }

    private static PublicKey publishedKey(String email, String keyId) throws Exception {
        String pem = given().get("/service_accounts/v1/metadata/x509/" + email).then().statusCode(200)
                .extract().path("'" + keyId + "'");
        return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                .getPublicKey();
    }

    @Test
    void signsABlobWithAPublishedKey() throws Exception {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "signer-blob");
        IamWorld.bind(admin, email, "roles/iam.serviceAccountTokenCreator", "user:admin@example.com");
        byte[] blob = "the blob".getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("delegates", java.util.List.of(), "payload", Base64.getEncoder().encodeToString(blob)))
                .post(path(email, "signBlob")).then().statusCode(200).contentType(ContentType.JSON).extract().as(Map.class);

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publishedKey(email, signed.get("keyId")));
        verifier.update(blob);
        assertThat(verifier.verify(Base64.getDecoder().decode(signed.get("signedBlob")))).isTrue();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"payload\":\"not base64!\"}").post(path(email, "signBlob"))
                .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post(path(email, "signBlob"))
                .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void signsAJwtWithGooglesHeaderAndExpRules() throws Exception {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "signer-jwt");
        IamWorld.bind(admin, email, "roles/iam.serviceAccountTokenCreator", "user:admin@example.com");
        long now = Instant.now().getEpochSecond();
        String payload = "{\"sub\":\"" + email + "\",\"aud\":\"https://api.example\",\"exp\":" + (now + 600) + "}";
        Map<String, String> signed = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("delegates", java.util.List.of(), "payload", payload))
                .post(path(email, "signJwt")).then().statusCode(200).extract().as(Map.class);
        String[] parts = signed.get("signedJwt").split("\\.");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"RS256\",\"kid\":\"" + signed.get("keyId") + "\",\"typ\":\"JWT\"}");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).isEqualTo(payload);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publishedKey(email, signed.get("keyId")));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String withoutExp = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("payload", "{\"sub\":\"x\"}"))
                .post(path(email, "signJwt")).then().statusCode(200).extract().path("signedJwt");
        assertThat(((Number) JwtVerifier.unverifiedClaims(withoutExp).get("exp")).longValue()).isBetween(now + 3590, now + 3610);

        for (String bad : new String[] {"{\"exp\":" + (now - 60) + "}", "{\"exp\":" + (now + 13 * 3600) + "}", "{\"exp\":\"soon\"}",
                "{\"exp\":1.5}", "[1,2]", "not json"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("payload", bad)).post(path(email, "signJwt"))
                    .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        }
    }

    @Test
    void aWorkloadIdentityUserMayNotSign() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "signer-denied");
        IamWorld.bind(admin, email, "roles/iam.workloadIdentityUser", "serviceAccount:demo-project.svc.id.goog[demo/app]");
        String federated = FakeSts.federatedToken("demo", "app", 600, IamWorld.CLOUD_PLATFORM);
        given().auth().oauth2(federated).contentType(ContentType.JSON).body("{\"payload\":\"aGk=\"}").post(path(email, "signBlob"))
                .then().statusCode(403).body("error.details[0].metadata.permission", equalTo("iam.serviceAccounts.signBlob"))
                .body("error.message", equalTo("Permission 'iam.serviceAccounts.signBlob' denied on resource (or it may not exist)."));
        given().auth().oauth2(federated).contentType(ContentType.JSON).body("{\"payload\":\"{}\"}").post(path(email, "signJwt"))
                .then().statusCode(403).body("error.details[0].metadata.permission", equalTo("iam.serviceAccounts.signJwt"));
    }
}
