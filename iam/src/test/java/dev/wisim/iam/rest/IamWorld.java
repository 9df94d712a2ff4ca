package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.jose.Certificates;
import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.SigningKey;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Test fixtures through IAM's own APIs: user tokens, the demo project, service accounts, keys. */
final class IamWorld {

    static final String PROJECT = "demo-project";
    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    private IamWorld() {
    }

    static String userToken(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("principal", "user:" + email))
                .post("/_sim/tokens").then().statusCode(200).extract().path("access_token");
    }

    static String admin() {
        String token = userToken("admin@example.com");
        if (given().auth().oauth2(token).get("/v1/projects/" + PROJECT).statusCode() != 200) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("projectId", PROJECT))
                    .post("/v1/projects").then().statusCode(200);
        }
        return token;
    }

    static String serviceAccount(String admin, String accountId) {
        String email = accountId + "@" + PROJECT + ".iam.gserviceaccount.com";
        if (given().auth().oauth2(admin).get("/v1/projects/-/serviceAccounts/" + email).statusCode() == 404) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("accountId", accountId, "serviceAccount", Map.of("displayName", accountId)))
                    .post("/v1/projects/" + PROJECT + "/serviceAccounts").then().statusCode(200);
        }
        return email;
    }

    /** Replaces the account's policy (a blind write) with one unconditional binding. */
    static void bind(String admin, String email, String role, String member) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("policy", Map.of("version", 3, "bindings", List.of(Map.of("role", role, "members", List.of(member))))))
                .post("/v1/projects/-/serviceAccounts/" + email + ":setIamPolicy").then().statusCode(200);
    }

    /** A new user-managed key of the account: its JSON key file, parsed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> keyFile(String admin, String email) {
        String data = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/v1/projects/-/serviceAccounts/" + email + "/keys").then().statusCode(200).extract().path("privateKeyData");
        try {
            return new ObjectMapper().readValue(Base64.getDecoder().decode(data), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key file's key as a signing key (kid = {@code private_key_id}), to sign or forge assertions with. */
    static SigningKey signingKey(Map<String, Object> keyFile) {
        PrivateKey key = Certificates.readPkcs8Pem((String) keyFile.get("private_key"));
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        try {
            return new SigningKey((String) keyFile.get("private_key_id"), key,
                    KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())),
                    Instant.now(), null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token for the account, through its key file and the JWT-bearer grant. */
    static String tokenFromKey(Map<String, Object> keyFile, String scope) {
        long now = Instant.now().getEpochSecond();
        String assertion = JwsSigner.sign(signingKey(keyFile), Map.of("iss", keyFile.get("client_email"),
                "aud", "https://oauth2.googleapis.com/token", "scope", scope, "iat", now, "exp", now + 3600), true);
        return given().formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer").formParam("assertion", assertion)
                .post("/token").then().statusCode(200).extract().path("access_token");
    }
}
