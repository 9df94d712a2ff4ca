package dev.wisim.iam.rest;

import dev.wisim.iam.oauth.TokenInfo;
import dev.wisim.iam.token.Callers;
import dev.wisim.iam.token.ResolvedToken;
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
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * OAuth2 tokeninfo. The token is taken from the {@code access_token} query parameter, the form body,
 * or the {@code Authorization: Bearer} header (as the article calls it).
 */
@Path("/oauth2")
@Produces(GoogleErrorMapper.JSON_UTF8)
public class TokenInfoResource {

    private final Callers callers;
    private final Clock clock;
    private final dev.wisim.jose.KeyRing keys;

    public TokenInfoResource(Callers callers, Clock clock, dev.wisim.jose.KeyRing keys) {
        this.callers = callers;
        this.clock = clock;
        this.keys = keys;
    }

    @GET
    @Path("{version: v1|v2|v3}/tokeninfo")
    public Map<String, Object> get(@PathParam("version") String version, @QueryParam("access_token") String query,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return info(query, authorization, renderer(version));
    }

    @POST
    @Path("{version: v1|v2|v3}/tokeninfo")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Map<String, Object> post(@PathParam("version") String version, @QueryParam("access_token") String query,
                                    @FormParam("access_token") String form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return info(query != null ? query : form, authorization, renderer(version));
    }

    /** Google's signing keys as a JWKS (each key with {@code alg}, which Java's TokenVerifier requires). */
    @GET
    @Path("v3/certs")
    @Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    public Map<String, Object> certs() {
        return keys.publicJwks();
    }

    /** v1 and v2 render typed values, v3 renders every value as a string. */
    private static BiFunction<ResolvedToken, Clock, Map<String, Object>> renderer(String version) {
        return "v3".equals(version) ? TokenInfo::v3 : TokenInfo::v1;
    }

    private Map<String, Object> info(String given, String authorization, BiFunction<ResolvedToken, Clock, Map<String, Object>> render) {
        Optional<String> token = Optional.ofNullable(given).filter(t -> !t.isEmpty()).or(() -> Callers.bearer(authorization));
        ResolvedToken resolved = token.flatMap(callers::resolve)
                .filter(t -> t.expiresAt().isAfter(clock.instant()))
                .orElseThrow(InvalidTokenException::new);
        return render.apply(resolved, clock);
    }
}
