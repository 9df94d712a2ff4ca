package dev.wisim.iam.rest;

import dev.wisim.iam.oauth.JwtBearerGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Google's OAuth2 token endpoint, served at {@code /token} (oauth2.googleapis.com) and at its older
 * addresses {@code /oauth2/v4/token} and {@code /o/oauth2/token}: the JWT-bearer grant of service account keys.
 */
@ApplicationScoped
public class TokenEndpoint {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final JwtBearerGrant jwtBearer;

    public TokenEndpoint(JwtBearerGrant jwtBearer) {
        this.jwtBearer = jwtBearer;
    }

    Response answer(String grantType, String assertion) {
        if (grantType == null || !grantType.equals(JWT_BEARER)) {
            throw new OAuthException(400, "unsupported_grant_type", "Invalid grant_type: " + (grantType == null ? "" : grantType));
        }
        if (assertion == null || assertion.isEmpty()) {
            throw OAuthException.invalidRequest("Missing required parameter: assertion");
        }
        return Response.ok(jwtBearer.exchange(assertion))
                .header("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
                .header("Pragma", "no-cache")
                .build();
    }
}
