package dev.wisim.sts.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.JwtVerifier;
import dev.wisim.jose.SigningKey;
import dev.wisim.jose.TokenForge;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Workload identity federation with an OIDC provider of a pool: validation, attribute mapping, condition, principal sets. */
@QuarkusTest
@QuarkusTestResource(FakeGoogle.class)
class ProviderFederationTest {

    static final String POOL = "principalSet://iam.googleapis.com/projects/" + FakeGoogle.PROJECT_NUMBER
            + "/locations/global/workloadIdentityPools/ci";

    static ValidatableResponse exchange(String provider, String token) {
        Map<String, String> form = TokenResourceTest.form(token);
        form.put("audience", FakeGoogle.providerAudience("ci", provider));
        return TokenResourceTest.postForm(form);
    }

    static String sign(Map<String, Object> claims) {
        return JwsSigner.sign(FakeGoogle.CI_KEYS.active(), claims);
    }

    @Test
    void aJobTokenBecomesItsPoolPrincipalWithItsAttributeSets() {
        String token = exchange("github", sign(FakeGoogle.ciClaims("github", "repo:org/app:ref:main", "org/app"))).statusCode(200)
                .body("access_token", startsWith("ya29.d.")).body("token_type", equalTo("Bearer")).extract().path("access_token");
        Map<String, Object> claims = JwtVerifier.unverifiedClaims(token.substring("ya29.d.".length()));
        assertThat(claims.get("sub")).isEqualTo("principal://iam.googleapis.com/projects/" + FakeGoogle.PROJECT_NUMBER
                + "/locations/global/workloadIdentityPools/ci/subject/repo:org/app:ref:main");
        assertThat(claims.get("principalSets")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder(POOL + "/*",
                POOL + "/attribute.repository/org/app", POOL + "/group/builders", POOL + "/group/admins");

        given().contentType(ContentType.URLENC).formParam("token", token).formParam("token_type_hint",
                        "urn:ietf:params:oauth:token-type:access_token")
                .header("Authorization", "Basic Y2xpZW50OnNlY3JldA==").post("/v1/introspect")
                .then().statusCode(200).body("active", equalTo(true)).body("username", equalTo(claims.get("sub")))
                .body("scope", equalTo(TokenResourceTest.SCOPE));
        given().contentType(ContentType.URLENC).formParam("token", "ya29.d.forged").post("/v1/introspect")
                .then().statusCode(200).body(equalTo("{\"active\":false}"));
    }

    @Test
    void theConditionAdmitsOneRepositoryAndRefusesAnother() {
        exchange("github", sign(FakeGoogle.ciClaims("github", "repo:other/app", "other/app"))).statusCode(400)
                .body("error", equalTo("unauthorized_client"))
                .body("error_description", equalTo("The given credential is rejected by the attribute condition."));
        Map<String, Object> noRepository = new HashMap<>(FakeGoogle.ciClaims("github", "repo:x", "org/x"));
        noRepository.remove("repository");
        exchange("github", sign(noRepository)).statusCode(400).body("error", equalTo("invalid_grant"));
        exchange("github", sign(FakeGoogle.ciClaims("github", "s".repeat(128), "org/app"))).statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", startsWith("The size of mapped attribute google.subject exceeds the 127 bytes limit."));
    }

    @Test
    void audiencesAreTheProvidersNameUnlessListed() {
        Map<String, Object> claims = FakeGoogle.ciClaims("github", "repo:org/app", "org/app");
        claims.put("aud", FakeGoogle.providerAudience("ci", "github"));
        exchange("github", sign(claims)).statusCode(200);
        exchange("audiences", sign(claims)).statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", startsWith("The audience in ID Token"));
        claims.put("aud", "https://ci.example/sts");
        exchange("audiences", sign(claims)).statusCode(200);
    }

    @Test
    void disabledDeletedOrUnknownProvidersAreInvalidTargets() {
        String token = sign(FakeGoogle.ciClaims("github", "repo:org/app", "org/app"));
        for (String provider : List.of("disabled", "deleted", "unknown")) {
            exchange(provider, token).statusCode(400).body("error", equalTo("invalid_target"));
        }
        Map<String, String> form = TokenResourceTest.form(token);
        form.put("audience", FakeGoogle.providerAudience("gone", "github"));
        TokenResourceTest.postForm(form).statusCode(400).body("error", equalTo("invalid_target"));
        form.put("audience", "//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci");
        TokenResourceTest.postForm(form).statusCode(400).body("error", equalTo("invalid_request"));
    }

    static Stream<Arguments> badTokens() {
        SigningKey key = FakeGoogle.CI_KEYS.active();
        Map<String, Object> good = FakeGoogle.ciClaims("github", "repo:org/app", "org/app");
        long iat = ((Number) good.get("iat")).longValue();
        return Stream.of(
                Arguments.of("expired", JwsSigner.sign(key, with(good, "exp", iat - 3600, "iat", iat - 7200)),
                        "ID Token issued at " + (iat - 7200) + " is stale to sign-in."),
                Arguments.of("over 48 hours", JwsSigner.sign(key, with(good, "exp", iat + 49 * 3600)),
                        "The lifetime of the ID Token, from iat to exp, exceeds the maximum of 48 hours."),
                Arguments.of("not yet valid", JwsSigner.sign(key, with(good, "nbf", iat + 600)),
                        "ID Token is not valid before " + (iat + 600) + "."),
                Arguments.of("wrong issuer", JwsSigner.sign(key, with(good, "iss", "https://evil.example")),
                        "The issuer in ID Token [https://evil.example] does not match the expected issuer."),
                Arguments.of("wrong audience", JwsSigner.sign(key, with(good, "aud", "https://elsewhere.example")),
                        "The audience in ID Token [https://elsewhere.example] does not match the expected audience."),
                Arguments.of("tampered", TokenForge.tampered(key, good, "sub", "repo:org/admin"), "Invalid ID Token signature."),
                Arguments.of("unknown kid", TokenForge.signedByStranger(good),
                        "The key ID in the ID Token header does not match any key in the issuer's JSON Web Key Set."),
                Arguments.of("no kid", TokenForge.withoutKid(key, good), "The ID Token is missing the \"kid\" header field."),
                Arguments.of("alg none", TokenForge.algNone(good),
                        "The ID Token signing algorithm is not supported. Supported algorithms: RS256, ES256."),
                Arguments.of("HS256 with the public key", TokenForge.hs256WithPublicKey(key, good),
                        "The ID Token signing algorithm is not supported. Supported algorithms: RS256, ES256."),
                Arguments.of("garbage", "garbage", "Unable to parse the ID Token."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesBadTokensWithGooglesText(String name, String token, String description) {
        exchange("github", token).statusCode(400).body("error", equalTo("invalid_grant")).body("error_description", equalTo(description));
    }

    private static Map<String, Object> with(Map<String, Object> claims, Object... pairs) {
        Map<String, Object> changed = new HashMap<>(claims);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put((String) pairs[i], pairs[i + 1]);
        }
        return changed;
    }
}
