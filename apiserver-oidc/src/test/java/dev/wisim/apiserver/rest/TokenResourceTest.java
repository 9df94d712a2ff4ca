package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.wisim.jose.CanonicalJson;
import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.TokenForge;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenResourceTest {

    static final String POOL = "demo-project.svc.id.goog";

    @Inject
    KeyRing keys;

    String saUid;
    String podUid;

    @BeforeEach
    void world() {
        if (given().get("/api/v1/namespaces/tok").statusCode() == 404) {
            ObjectsResourceTest.namespace("tok");
            given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"app\"}}")
                    .post("/api/v1/namespaces/tok/serviceaccounts").then().statusCode(201);
            given().contentType(ContentType.JSON)
                    .body("{\"metadata\":{\"name\":\"p1\"},\"spec\":{\"serviceAccountName\":\"app\",\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}")
                    .post("/api/v1/namespaces/tok/pods").then().statusCode(201);
            given().contentType(ContentType.JSON)
                    .body("{\"metadata\":{\"name\":\"p2\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}")
                    .post("/api/v1/namespaces/tok/pods").then().statusCode(201);
        }
        saUid = given().get("/api/v1/namespaces/tok/serviceaccounts/app").then().extract().path("metadata.uid");
        podUid = given().get("/api/v1/namespaces/tok/pods/p1").then().extract().path("metadata.uid");
    }

    private ValidatableResponse tokenRequest(String spec) {
        return given().contentType(ContentType.JSON)
                .body("{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\",\"spec\":" + spec + "}")
                .post("/api/v1/namespaces/tok/serviceaccounts/app/token").then();
    }

    private static Map<String, Object> part(String token, int index) {
        return CanonicalJson.read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    @Test
    void issuesAJwtInKubeApiserversExactForm() {
        String token = tokenRequest("{\"audiences\":[\"" + POOL + "\"],\"expirationSeconds\":600}")
                .statusCode(201).contentType(ContentType.JSON)
                .body("kind", equalTo("TokenRequest"))
                .body("metadata.name", equalTo("app")).body("metadata.namespace", equalTo("tok"))
                .body("spec.audiences", contains(POOL)).body("spec.expirationSeconds", equalTo(600))
                .extract().path("status.token");
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("{\"alg\":\"RS256\",\"kid\":\"" + keys.active().kid() + "\"}");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).startsWith("{\"aud\":[\"" + POOL + "\"],\"exp\":");
        Map<String, Object> claims = part(token, 1);
        assertThat(claims.keySet()).containsExactly("aud", "exp", "iat", "iss", "jti", "kubernetes.io", "nbf", "sub");
        assertThat(claims.get("iss")).isEqualTo(OidcResourceTest.ISSUER);
        assertThat(claims.get("sub")).isEqualTo("system:serviceaccount:tok:app");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(600);
        assertThat(claims.get("nbf")).isEqualTo(claims.get("iat"));
        assertThat((String) claims.get("jti")).matches("[0-9a-f-]{36}");
        assertThat(claims.get("kubernetes.io")).isEqualTo(Map.of("namespace", "tok",
                "serviceaccount", Map.of("name", "app", "uid", saUid)));
    }

    @Test
    void defaultsToOneHourAndTheApiServersAudience() {
        tokenRequest("{}").statusCode(201).body("spec.expirationSeconds", equalTo(3600))
                .body("spec.audiences", contains(OidcResourceTest.ISSUER));
    }

    @Test
    void refusesLessThanTenMinutesWithKubeApiserversMessage() {
        tokenRequest("{\"expirationSeconds\":300}").statusCode(422)
                .body("message", equalTo("TokenRequest.authentication.k8s.io \"\" is invalid: spec.expirationSeconds: "
                        + "Invalid value: 300: may not specify a duration less than 10 minutes"))
                .body("details.group", equalTo("authentication.k8s.io"))
                .body("details.kind", equalTo("TokenRequest"))
                .body("details.causes[0].field", equalTo("spec.expirationSeconds"));
    }

    @Test
    void bindsTokensToPods() {
        String token = tokenRequest("{\"audiences\":[\"" + POOL + "\"],\"boundObjectRef\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"name\":\"p1\"}}")
                .statusCode(201).body("spec.boundObjectRef.name", equalTo("p1")).extract().path("status.token");
        @SuppressWarnings("unchecked")
        Map<String, Object> k8s = (Map<String, Object>) part(token, 1).get("kubernetes.io");
        assertThat(k8s.get("pod")).isEqualTo(Map.of("name", "p1", "uid", podUid));
        assertThat(k8s.keySet()).containsExactly("namespace", "node", "pod", "serviceaccount");

        tokenRequest("{\"boundObjectRef\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"name\":\"nope\"}}").statusCode(404)
                .body("message", equalTo("pods \"nope\" not found"));
        tokenRequest("{\"boundObjectRef\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"name\":\"p2\"}}").statusCode(400)
                .body("message", equalTo("cannot bind token for serviceaccount \"app\" to pod running with different serviceaccount name."));
        tokenRequest("{\"boundObjectRef\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"name\":\"p1\",\"uid\":\"123\"}}").statusCode(409)
                .body("reason", equalTo("Conflict"))
                .body("message", equalTo("Operation cannot be fulfilled on Pod \"p1\": the UID in the bound object reference (123)"
                        + " does not match the UID in record. The object might have been deleted and then recreated"));
        tokenRequest("{\"boundObjectRef\":{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"name\":\"c\"}}").statusCode(400)
                .body("message", equalTo("cannot bind token to object of type ConfigMap"));
    }

    @Test
    void refusesATokenForAMissingServiceAccount() {
        given().contentType(ContentType.JSON).body("{\"spec\":{}}")
                .post("/api/v1/namespaces/tok/serviceaccounts/ghost/token")
                .then().statusCode(404).body("message", equalTo("serviceaccounts \"ghost\" not found"));
    }

    private ValidatableResponse review(String token, List<String> audiences) {
        Map<String, Object> spec = new HashMap<>();
        spec.put("token", token);
        if (audiences != null) {
            spec.put("audiences", audiences);
        }
        return given().contentType(ContentType.JSON)
                .body(Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "TokenReview", "spec", spec))
                .post("/apis/authentication.k8s.io/v1/tokenreviews").then().statusCode(201)
                .body("kind", equalTo("TokenReview"));
    }

    @Test
    void reviewsAPodBoundTokenWithTheUserKubeApiserverReports() {
        String token = tokenRequest("{\"audiences\":[\"" + POOL + "\"],\"boundObjectRef\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"name\":\"p1\"}}")
                .extract().path("status.token");
        review(token, List.of(POOL))
                .body("status.authenticated", equalTo(true))
                .body("status.user.username", equalTo("system:serviceaccount:tok:app"))
                .body("status.user.uid", equalTo(saUid))
                .body("status.user.groups", contains("system:serviceaccounts", "system:serviceaccounts:tok", "system:authenticated"))
                .body("status.user.extra.'authentication.kubernetes.io/pod-name'", contains("p1"))
                .body("status.user.extra.'authentication.kubernetes.io/pod-uid'", contains(podUid))
                .body("status.audiences", contains(POOL));
        review(token, null)
                .body("status.authenticated", nullValue())
                .body("status.error", equalTo("[invalid bearer token, token audiences [\"" + POOL
                        + "\"] is invalid for the target audiences [\"" + OidcResourceTest.ISSUER + "\"]]"));
    }

    @Test
    void reviewRejectsEveryBadToken() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> good = claims(now - 10, now + 600);
        review(JwsSigner.sign(keys.active(), claims(now - 7200, now - 3600)), List.of(POOL))
                .body("status.error", equalTo("[invalid bearer token, service account token has expired]"));
        Map<String, Object> future = new HashMap<>(good);
        future.put("nbf", now + 600);
        review(JwsSigner.sign(keys.active(), future), List.of(POOL))
                .body("status.error", equalTo("[invalid bearer token, service account token is not valid yet]"));
        String badSignature = "[invalid bearer token, square/go-jose: error in cryptographic primitive]";
        review(TokenForge.tampered(keys.active(), good, "sub", "system:serviceaccount:kube-system:default"), List.of(POOL))
                .body("status.error", equalTo(badSignature));
        review(TokenForge.signedByStranger(good), List.of(POOL)).body("status.error", equalTo(badSignature));
        review(TokenForge.algNone(good), List.of(POOL)).body("status.authenticated", nullValue())
                .body("status.error", org.hamcrest.Matchers.containsString("not allowed"));
        review(TokenForge.hs256WithPublicKey(keys.active(), good), List.of(POOL)).body("status.authenticated", nullValue());
        Map<String, Object> otherIssuer = new HashMap<>(good);
        otherIssuer.put("iss", "https://kubernetes.default.svc.cluster.local");
        review(JwsSigner.sign(keys.active(), otherIssuer), List.of(POOL))
                .body("status.authenticated", nullValue()).body("status.user", equalTo(Map.of()));
        review("garbage", List.of(POOL)).body("status.authenticated", nullValue());
        Map<String, Object> wrongUid = new HashMap<>(good);
        wrongUid.put("kubernetes.io", Map.of("namespace", "tok", "serviceaccount", Map.of("name", "app", "uid", "other")));
        review(JwsSigner.sign(keys.active(), wrongUid), List.of(POOL))
                .body("status.error", equalTo("[invalid bearer token, service account UID (" + saUid + ") does not match claim (other)]"));
    }

    @Test
    void reviewNeedsAToken() {
        given().contentType(ContentType.JSON).body("{\"spec\":{}}").post("/apis/authentication.k8s.io/v1/tokenreviews")
                .then().statusCode(400).body("message", equalTo("token is required for TokenReview in authentication"));
    }

    private Map<String, Object> claims(long iat, long exp) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("aud", List.of(POOL));
        claims.put("iat", iat);
        claims.put("nbf", iat);
        claims.put("exp", exp);
        claims.put("iss", OidcResourceTest.ISSUER);
        claims.put("sub", "system:serviceaccount:tok:app");
        claims.put("kubernetes.io", Map.of("namespace", "tok", "serviceaccount", Map.of("name", "app", "uid", saUid)));
        return claims;
    }
}
