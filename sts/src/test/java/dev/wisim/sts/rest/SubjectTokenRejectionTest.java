package dev.wisim.sts.rest;

import static org.hamcrest.Matchers.equalTo;

import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.SigningKey;
import dev.wisim.jose.TokenForge;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad subject token STS must refuse, with the OAuth2 error and Google's text for each. */
@QuarkusTest
@QuarkusTestResource(FakeGoogle.class)
class SubjectTokenRejectionTest {

    static Stream<Arguments> badTokens() {
        SigningKey key = FakeGoogle.CLUSTER_KEYS.active();
        Map<String, Object> good = FakeGoogle.ksaClaims("demo", "app", 0, 3600);
        Map<String, Object> expired = FakeGoogle.ksaClaims("demo", "app", 7200, 3600);
        Map<String, Object> tooLong = FakeGoogle.ksaClaims("demo", "app", 0, 49 * 3600);
        Map<String, Object> future = new HashMap<>(FakeGoogle.ksaClaims("demo", "app", -600, 3600));
        future.remove("nbf");
        Map<String, Object> notYet = new HashMap<>(good);
        notYet.put("nbf", ((Number) good.get("iat")).longValue() + 600);
        Map<String, Object> wrongIssuer = new HashMap<>(good);
        wrongIssuer.put("iss", "https://kubernetes.default.svc.cluster.local");
        Map<String, Object> wrongAudience = new HashMap<>(good);
        wrongAudience.put("aud", List.of("https://kubernetes.default.svc.cluster.local"));
        Map<String, Object> notAKsa = new HashMap<>(good);
        notAKsa.put("sub", "alice");
        return Stream.of(
                Arguments.of("expired", JwsSigner.sign(key, expired),
                        "ID Token issued at " + expired.get("iat") + " is stale to sign-in."),
                Arguments.of("lifetime over 48 hours", JwsSigner.sign(key, tooLong),
                        "The lifetime of the ID Token, from iat to exp, exceeds the maximum of 48 hours."),
                Arguments.of("issued in the future", JwsSigner.sign(key, future),
                        "ID Token issued at " + future.get("iat") + " is in the future."),
                Arguments.of("not yet valid", JwsSigner.sign(key, notYet), "ID Token is not valid before " + notYet.get("nbf") + "."),
                Arguments.of("tampered payload", TokenForge.tampered(key, good, "sub", "system:serviceaccount:kube-system:admin"),
                        "Invalid ID Token signature."),
                Arguments.of("signed by another key under the cluster's kid", TokenForge.signedByStrangerWithKid(key.kid(), good),
                        "Invalid ID Token signature."),
                Arguments.of("unknown kid", TokenForge.signedByStranger(good),
                        "The key ID in the ID Token header does not match any key in the issuer's JSON Web Key Set."),
                Arguments.of("no kid", TokenForge.withoutKid(key, good), "The ID Token is missing the \"kid\" header field."),
                Arguments.of("alg none", TokenForge.algNone(good),
                        "The ID Token signing algorithm is not supported. Supported algorithms: RS256, ES256."),
                Arguments.of("HS256 keyed with the public key", TokenForge.hs256WithPublicKey(key, good),
                        "The ID Token signing algorithm is not supported. Supported algorithms: RS256, ES256."),
                Arguments.of("ES256 with a mismatched curve", TokenForge.es256WithMismatchedCurve(key.kid(), good),
                        "Invalid ID Token signature."),
                Arguments.of("wrong issuer", JwsSigner.sign(key, wrongIssuer),
                        "The issuer in ID Token [https://kubernetes.default.svc.cluster.local] does not match the expected issuer."),
                Arguments.of("wrong audience", JwsSigner.sign(key, wrongAudience),
                        "The audience in ID Token [https://kubernetes.default.svc.cluster.local] does not match the expected audience."),
                Arguments.of("not a KSA", JwsSigner.sign(key, notAKsa), "The subject in the ID Token [alice] is not a Kubernetes service account."),
                Arguments.of("garbage", "garbage", "Unable to parse the ID Token."),
                Arguments.of("three garbage parts", "a.b.c", "Unable to parse the ID Token."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesWithInvalidGrant(String name, String token, String description) {
        TokenResourceTest.postForm(TokenResourceTest.form(token))
                .statusCode(400).contentType("application/json")
                .body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo(description));
    }

    @org.junit.jupiter.api.Test
    void refusesAnEmptySubjectTokenAsAMissingField() {
        TokenResourceTest.postForm(TokenResourceTest.form(""))
                .statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", equalTo("Missing required field: subject_token."));
    }
}
