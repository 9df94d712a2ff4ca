package dev.wisim.it;

import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.auth.oauth2.TokenVerifier;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;

/** Checks Google ID tokens the way a relying party does: google-auth's TokenVerifier against IAM's {@code /oauth2/v3/certs}. */
final class IdTokens {

    private IdTokens() {
    }

    static JsonWebSignature verify(Stack stack, String token, String audience) {
        try {
            return TokenVerifier.newBuilder().setCertificatesLocation(stack.url(Service.IAM) + "/oauth2/v3/certs")
                    .setIssuer("https://accounts.google.com").setAudience(audience).build().verify(token);
        } catch (TokenVerifier.VerificationException e) {
            throw new AssertionError("the ID token does not verify: " + e.getMessage(), e);
        }
    }
}
