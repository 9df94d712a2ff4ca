package dev.wisim.iam.rest;

import dev.wisim.iam.config.IamConfig;
import dev.wisim.iam.credentials.IdTokens;
import dev.wisim.iam.oauth.Revocations;
import dev.wisim.iam.token.Callers;
import dev.wisim.iam.token.ResolvedToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google's OAuth2 endpoints for service accounts: the token endpoint (JWT-bearer grant, at
 * {@code /token} as on oauth2.googleapis.com and at its older addresses), revocation, and the
 * OpenID discovery document of the ID tokens.
 */
@Path("/")
@Produces(GoogleErrorMapper.JSON_UTF8)
public class OAuthResource {

    private final TokenEndpoint tokenEndpoint;
    private final Callers callers;
    private final IdTokens idTokens;
    private final Revocations revocations;
    private final IamConfig config;

    public OAuthResource(TokenEndpoint tokenEndpoint, Callers callers, IdTokens idTokens, Revocations revocations, IamConfig config) {
        this.tokenEndpoint = tokenEndpoint;
        this.callers = callers;
        this.idTokens = idTokens;
        this.revocations = revocations;
        this.config = config;
    }

    /** The token endpoint; {@code /oauth2/v4/token} is served next to tokeninfo. */
    @POST
    @Path("{path: token|o/oauth2/token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Response token(@FormParam("grant_type") String grantType, @FormParam("assertion") String assertion) {
        return tokenEndpoint.answer(grantType, assertion);
    }

    /** Revokes an access token (or ID token) before it expires; afterwards no API and no tokeninfo accepts it. */
    @POST
    @Path("{path: revoke|o/oauth2/revoke}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Map<String, Object> revoke(@QueryParam("token") String query, @FormParam("token") String form) {
        String token = query != null ? query : form;
        if (token == null || token.isEmpty()) {
            throw OAuthException.invalidRequest("Missing required parameter: token");
        }
        Instant expiry = callers.resolve(token).map(ResolvedToken::expiresAt)
                .or(() -> idTokens.verify(token).map(jwt -> jwt.expiresAt()))
                .orElseThrow(() -> new OAuthException(400, "invalid_token", "Token expired or revoked"));
        revocations.revoke(token, expiry);
        return Map.of();
    }

    @GET
    @Path("{path: revoke|o/oauth2/revoke}")
    public Map<String, Object> revokeByGet(@QueryParam("token") String token) {
        return revoke(token, null);
    }

    /** accounts.google.com's discovery document, pointing at this IAM's endpoints. */
    @GET
    @Path(".well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> openidConfiguration() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", IdTokens.ISSUER);
        document.put("token_endpoint", config.externalUrl() + "/token");
        document.put("revocation_endpoint", config.externalUrl() + "/revoke");
        document.put("jwks_uri", config.externalUrl() + "/oauth2/v3/certs");
        document.put("response_types_supported", List.of("id_token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("grant_types_supported", List.of(TokenEndpoint.JWT_BEARER));
        document.put("claims_supported", List.of("aud", "azp", "email", "email_verified", "exp", "iat", "iss", "sub"));
        return document;
    }
}
