package dev.wisim.metadata.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenViewTest {

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJwtIsShownByItsHeaderAndClaimsNeverItsSignature() {
        String jwt = part("{\"alg\":\"RS256\",\"kid\":\"k1\"}") + "."
                + part("{\"iss\":\"https://container.googleapis.com/v1/projects/p/locations/l/clusters/c\","
                + "\"sub\":\"system:serviceaccount:demo:test-ksa\",\"aud\":[\"demo-project.svc.id.goog\"],\"exp\":4102444800}")
                + ".c2lnbmF0dXJl";
        TokenView view = TokenView.ofJwt(jwt);
        assertThat(view.format()).isEqualTo("JWT");
        assertThat(view.header()).containsEntry("alg", "RS256").containsEntry("kid", "k1");
        assertThat(view.claims()).containsEntry("sub", "system:serviceaccount:demo:test-ksa");
        assertThat(view.subject()).isEqualTo("system:serviceaccount:demo:test-ksa");
        assertThat(view.expiresAt()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(view.toString()).doesNotContain("c2lnbmF0dXJl").doesNotContain(jwt);
    }

    @Test
    void anOpaqueTokenIsShownByItsPrefixOnly() {
        Instant expiry = Instant.parse("2026-12-02T12:00:00Z");
        TokenView view = TokenView.opaque("ya29.d.secretpart", "serviceAccount:demo-project.svc.id.goog[demo/test-ksa]", expiry);
        assertThat(view.format()).isEqualTo("opaque");
        assertThat(view.prefix()).isEqualTo("ya29.d.");
        assertThat(view.subject()).isEqualTo("serviceAccount:demo-project.svc.id.goog[demo/test-ksa]");
        assertThat(view.toString()).doesNotContain("secretpart");
    }

    @Test
    void somethingThatIsNotAJwtIsOpaqueWithoutAPrefix() {
        assertThat(TokenView.ofJwt("not-a-jwt").format()).isEqualTo("opaque");
        assertThat(TokenView.ofJwt("not-a-jwt").prefix()).isNull();
        assertThat(TokenView.ofJwt("a.b.c").format()).isEqualTo("opaque");
        assertThat(TokenView.ofJwt(null).format()).isEqualTo("opaque");
    }
}
