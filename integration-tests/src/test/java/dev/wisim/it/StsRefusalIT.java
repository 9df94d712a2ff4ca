package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.TokenForge;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** STS, reached as the metadata server reaches it, refuses KSA tokens that are forged, stale or meant for someone else. */
@ExtendWith(SharedStack.class)
class StsRefusalIT {

    static final String ISSUER = "https://container.googleapis.com/v1/projects/demo-project/locations/us-central1/clusters/my-cluster-name";
    static final String AUDIENCE = "identitynamespace:demo-project.svc.id.goog:" + ISSUER;

    private static Http.Reply exchange(Stack stack, String subjectToken) {
        return Http.postForm(stack.url(Service.STS) + "/v1/token", Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "audience", AUDIENCE,
                "scope", "https://www.googleapis.com/auth/cloud-platform",
                "requested_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "subject_token", subjectToken,
                "subject_token_type", "urn:ietf:params:oauth:token-type:jwt"));
    }

    private static Map<String, Object> ksaClaims(long iat, long exp) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("aud", List.of("demo-project.svc.id.goog"));
        claims.put("iss", ISSUER);
        claims.put("sub", "system:serviceaccount:demo:test-ksa");
        claims.put("iat", iat);
        claims.put("nbf", iat);
        claims.put("exp", exp);
        return claims;
    }

    @Test
    void acceptsTheClustersOwnToken(Stack stack) {
        String token = (String) ((Map<?, ?>) Http.postJson(stack.url(Service.APISERVER)
                + "/api/v1/namespaces/demo/serviceaccounts/test-ksa/token",
                Map.of("spec", Map.of("audiences", List.of("demo-project.svc.id.goog")))).json().get("status")).get("token");
        Http.Reply reply = exchange(stack, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("token_type", "Bearer")
                .containsEntry("issued_token_type", "urn:ietf:params:oauth:token-type:access_token");
    }

    @Test
    void refusesATokenSignedByAnotherKey(Stack stack) {
        long now = Instant.now().getEpochSecond();
        Http.Reply reply = exchange(stack, TokenForge.signedByStranger(ksaClaims(now, now + 600)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void refusesAnExpiredToken(Stack stack) {
        KeyRing clusterKeys = KeyRing.loadOrCreate(stack.stateDir().resolve("apiserver-oidc/service-account-keys.json"), Clock.systemUTC());
        long now = Instant.now().getEpochSecond();
        Http.Reply reply = exchange(stack, JwsSigner.sign(clusterKeys.active(), ksaClaims(now - 7200, now - 3600)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "ID Token issued at " + (now - 7200) + " is stale to sign-in.");
    }

    @Test
    void refusesATokenForTheWrongAudience(Stack stack) {
        String token = (String) ((Map<?, ?>) Http.postJson(stack.url(Service.APISERVER)
                + "/api/v1/namespaces/demo/serviceaccounts/test-ksa/token", Map.of("spec", Map.of())).json().get("status")).get("token");
        Http.Reply reply = exchange(stack, token);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "The audience in ID Token [" + ISSUER + "] does not match the expected audience.");
    }
}
