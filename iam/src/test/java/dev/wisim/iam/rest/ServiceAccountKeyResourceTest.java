package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.jose.Certificates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class ServiceAccountKeyResourceTest {

    private static String keys(String email) {
        return "/v1/projects/-/serviceAccounts/" + email + "/keys";
    }

    @Test
    void createsAJsonKeyFileAsGoogleDoes() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "key-json");
        Map<String, Object> created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"privateKeyType\":\"TYPE_GOOGLE_CREDENTIALS_FILE\",\"keyAlgorithm\":\"KEY_ALG_RSA_2048\"}")
                .post(keys(email)).then().statusCode(200).contentType(ContentType.JSON)
                .body("name", matchesPattern("projects/demo-project/serviceAccounts/" + email.replace(".", "\\.") + "/keys/[0-9a-f]{40}"))
                .body("privateKeyType", equalTo("TYPE_GOOGLE_CREDENTIALS_FILE"))
                .body("keyAlgorithm", equalTo("KEY_ALG_RSA_2048"))
                .body("keyOrigin", equalTo("GOOGLE_PROVIDED"))
                .body("keyType", equalTo("USER_MANAGED"))
                .body("validBeforeTime", equalTo("9999-12-31T23:59:59Z"))
                .body("validAfterTime", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("disabled", nullValue())
                .extract().as(Map.class);
        Map<String, Object> file = parse((String) created.get("privateKeyData"));
        String keyId = ((String) created.get("name")).substring(((String) created.get("name")).lastIndexOf('/') + 1);

        assertThat(file).containsEntry("type", "service_account").containsEntry("project_id", "demo-project")
                .containsEntry("private_key_id", keyId).containsEntry("client_email", email)
                .containsEntry("token_uri", "http://127.0.0.1:8082/token")
                .containsEntry("universe_domain", "googleapis.com")
                .containsKeys("client_id", "auth_uri", "auth_provider_x509_cert_url", "client_x509_cert_url");
        assertThat((String) file.get("private_key")).startsWith("-----BEGIN PRIVATE KEY-----\n");

        given().auth().oauth2(admin).get(keys(email)).then().statusCode(200)
                .body("keys.find { it.name.endsWith('" + keyId + "') }.keyType", equalTo("USER_MANAGED"))
                .body("keys.find { it.name.endsWith('" + keyId + "') }.privateKeyData", nullValue());
        given().auth().oauth2(admin).queryParam("keyTypes", "SYSTEM_MANAGED").get(keys(email)).then().statusCode(200)
                .body("keys.name", not(hasItem(created.get("name"))));
        given().auth().oauth2(admin).queryParam("keyTypes", "ALL").get(keys(email)).then().statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void thePublicCertificateMatchesTheKeyFile() throws Exception {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "key-cert");
        Map<String, Object> file = IamWorld.keyFile(admin, email);
        String keyId = (String) file.get("private_key_id");
        String pem = new String(Base64.getDecoder().decode(given().auth().oauth2(admin)
                .queryParam("publicKeyType", "TYPE_X509_PEM_FILE").get(keys(email) + "/" + keyId)
                .then().statusCode(200).body("privateKeyData", nullValue()).extract().<String>path("publicKeyData")), StandardCharsets.US_ASCII);
        X509Certificate certificate = certificate(pem);
        assertThat(certificate.getPublicKey()).isEqualTo(IamWorld.signingKey(file).publicKey());
        given().auth().oauth2(admin).get(keys(email) + "/" + keyId).then().statusCode(200).body("publicKeyData", nullValue());

        given().get("/service_accounts/v1/metadata/x509/" + email).then().statusCode(200)
                .body("'" + keyId + "'", equalTo(pem));
        given().get("/robot/v1/metadata/x509/" + email).then().statusCode(200).body("'" + keyId + "'", equalTo(pem));
        given().get("/service_accounts/v1/metadata/jwk/" + email).then().statusCode(200)
                .body("keys.find { it.kid == '" + keyId + "' }.alg", equalTo("RS256"));
        given().get("/service_accounts/v1/metadata/x509/nobody@demo-project.iam.gserviceaccount.com").then().statusCode(404)
                .body("error.status", equalTo("NOT_FOUND"));
    }

    @Test
    void aP12KeyFileOpensWithGooglesPassword() throws Exception {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "key-p12");
        String data = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"privateKeyType\":\"TYPE_PKCS12_FILE\"}")
                .post(keys(email)).then().statusCode(200).body("privateKeyType", equalTo("TYPE_PKCS12_FILE"))
                .extract().path("privateKeyData");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Base64.getDecoder().decode(data)), "notasecret".toCharArray());
        assertThat(store.getKey("privatekey", "notasecret".toCharArray())).isNotNull();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"privateKeyType\":\"TYPE_PEM\"}")
                .post(keys(email)).then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"keyAlgorithm\":\"KEY_ALG_RSA_1024\"}")
                .post(keys(email)).then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void aDisabledOrDeletedKeyNoLongerSignsIn() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "key-life");
        Map<String, Object> file = IamWorld.keyFile(admin, email);
        String key = keys(email) + "/" + file.get("private_key_id");
        IamWorld.tokenFromKey(file, IamWorld.CLOUD_PLATFORM);

        given().auth().oauth2(admin).post(key + ":disable").then().statusCode(200).body(equalTo("{}"));
        given().auth().oauth2(admin).get(key).then().statusCode(200).body("disabled", equalTo(true));
        OAuthTokenResourceTest.refused(file, "invalid_grant", "Invalid JWT Signature.");
        given().auth().oauth2(admin).post(key + ":enable").then().statusCode(200);
        IamWorld.tokenFromKey(file, IamWorld.CLOUD_PLATFORM);

        given().auth().oauth2(admin).delete(key).then().statusCode(200).body(equalTo("{}"));
        given().auth().oauth2(admin).get(key).then().statusCode(404).body("error.status", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("Service account key " + file.get("private_key_id") + " does not exist."));
        OAuthTokenResourceTest.refused(file, "invalid_grant", "Invalid JWT Signature.");
        given().auth().oauth2(admin).post(key + ":rotate").then().statusCode(404).body("error.status", equalTo("NOT_FOUND"));
    }

    @Test
    void anUploadedCertificateBecomesAUserManagedKey() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "key-upload");
        KeyPair pair = Certificates.newRsaKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String pem = Certificates.pem(Certificates.selfSigned(pair.getPublic(), pair.getPrivate(), "mine", now, now.plus(30, ChronoUnit.DAYS)));
        String body = "{\"publicKeyData\":\"" + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)) + "\"}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post(keys(email) + ":upload")
                .then().statusCode(200).body("keyOrigin", equalTo("USER_PROVIDED")).body("keyType", equalTo("USER_MANAGED"))
                .body("validBeforeTime", equalTo(now.plus(30, ChronoUnit.DAYS).toString()));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post(keys(email) + ":upload")
                .then().statusCode(409).body("error.status", equalTo("ALREADY_EXISTS"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"publicKeyData\":\"bm90IGEgY2VydA==\"}")
                .post(keys(email) + ":upload").then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void keysNeedPermissionAndStopAtTen() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "key-limit");
        given().auth().oauth2(IamWorld.userToken("mallory@example.com")).contentType(ContentType.JSON).body("{}").post(keys(email))
                .then().statusCode(403).body("error.details[0].metadata.permission", equalTo("iam.serviceAccountKeys.create"));
        given().contentType(ContentType.JSON).body("{}").post(keys(email)).then().statusCode(401)
                .body("error.status", equalTo("UNAUTHENTICATED"));
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post(keys(email)).then().statusCode(200);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post(keys(email))
                .then().statusCode(400).body("error.status", equalTo("FAILED_PRECONDITION"));
        given().auth().oauth2(admin).get(keys("nobody@demo-project.iam.gserviceaccount.com")).then().statusCode(404)
                .body("error.status", equalTo("NOT_FOUND"));
    }

    @Test
    void systemManagedKeysCannotBeDeleted() {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "key-system");
        IamWorld.bind(admin, email, "roles/iam.serviceAccountTokenCreator", "user:admin@example.com");
        String keyId = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"payload\":\"aGk=\"}")
                .post("/v1/projects/-/serviceAccounts/" + email + ":signBlob").then().statusCode(200).extract().path("keyId");
        given().auth().oauth2(admin).queryParam("keyTypes", "SYSTEM_MANAGED").get(keys(email)).then().statusCode(200)
                .body("keys[0].keyType", equalTo("SYSTEM_MANAGED")).body("keys[0].name", matchesPattern(".*/keys/" + keyId));
        given().auth().oauth2(admin).delete(keys(email) + "/" + keyId).then().statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String privateKeyData) {
        try {
            return new ObjectMapper().readValue(Base64.getDecoder().decode(privateKeyData), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
