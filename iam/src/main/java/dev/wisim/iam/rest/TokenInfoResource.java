package dev.wisim.iam.rest;

import dev.wisim.iam.credentials.IdTokens;
import dev.wisim.iam.oauth.GoogleCertificates;
import dev.wisim.iam.oauth.TokenInfo;
import dev.wisim.iam.token.Callers;
import dev.wisim.iam.token.ResolvedToken;
import dev.wisim.jose.VerifiedJwt;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth2 tokeninfo and Google's public signing certificates. An access token is taken from the
 * {@code access_token} query parameter, the form body, or the {@code Authorization: Bearer} header
 * (as the article calls it); an ID token from {@code id_token}.
 */
@Path("/oauth2")
@Produces(GoogleErrorMapper.JSON_UTF8)
public class TokenInfoResource {

    /** Google lets caches keep its certificates for hours; ours rotate rarely too. */
    private static final String CERTS_CACHE_CONTROL = "public, max-age=3600, must-revalidate, no-transform";

    private final Callers callers;
    private final IdTokens idTokens;
    private final GoogleCertificates certificates;
    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;

    public TokenInfoResource(Callers callers, IdTokens idTokens, GoogleCertificates certificates, TokenEndpoint tokenEndpoint,
                             Clock clock) {
        this.callers = callers;
        this.tokenEndpoint = tokenEndpoint;
        this.idTokens = idTokens;
        this.certificates = certificates;
        this.clock = clock;
    }

    @GET
    @Path("{version: v1|v2|v3}/tokeninfo")
    public Map<String, Object> get(@PathParam("version") String version, @QueryParam("access_token") String accessToken,
                                   @QueryParam("id_token") String idToken, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return info(version, accessToken, idToken, authorization);
    }

    @POST
    @Path("{version: v1|v2|v3}/tokeninfo")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Map<String, Object> post(@PathParam("version") String version, @QueryParam("access_token") String query,
                                    @QueryParam("id_token") String idQuery, @FormParam("access_token") String form,
                                    @FormParam("id_token") String idForm, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return info(version, query != null ? query : form, idQuery != null ? idQuery : idForm, authorization);
    }

    /** Google's ID-token keys as a JWKS (each key with {@code alg}, which Java's TokenVerifier requires). */
    @GET
    @Path("v3/certs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        return Response.ok(certificates.jwks()).header(HttpHeaders.CACHE_CONTROL, CERTS_CACHE_CONTROL).build();
    }

    /** The same keys as {@code {"kid":"-----BEGIN CERTIFICATE-----…"}}. */
    @GET
    @Path("v1/certs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response pemCertificates() {
        return Response.ok(certificates.pemCertificates()).header(HttpHeaders.CACHE_CONTROL, CERTS_CACHE_CONTROL).build();
    }

    /** The token endpoint at its www.googleapis.com address. */
    @POST
    @Path("v4/token")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Response token(@FormParam("grant_type") String grantType, @FormParam("assertion") String assertion) {
        return tokenEndpoint.answer(grantType, assertion);
    }

    private Map<String, Object> info(String version, String accessToken, String idToken, String authorization) {
        boolean v3 = "v3".equals(version);
        if (idToken != null && !idToken.isEmpty()) {
            VerifiedJwt jwt = idTokens.verify(idToken).orElseThrow(OAuthException::invalidToken);
            return v3 ? TokenInfo.idTokenV3(jwt) : TokenInfo.idTokenV1(jwt, clock);
        }
        Optional<String> token = Optional.ofNullable(accessToken).filter(t -> !t.isEmpty()).or(() -> Callers.bearer(authorization));
        ResolvedToken resolved = token.flatMap(callers::resolve)
                .filter(t -> t.expiresAt().isAfter(clock.instant()))
                .orElseThrow(OAuthException::invalidToken);
        return v3 ? TokenInfo.v3(resolved, clock) : TokenInfo.v1(resolved, clock);
    }
}
