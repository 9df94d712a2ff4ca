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

    public TokenInfoResource(Callers callers, Clock clock) {
        this.callers = callers;
        this.clock = clock;
    }

    @GET
    @Path("{version: v1|v2}/tokeninfo")
    public Map<String, Object> v1(@QueryParam("access_token") String query, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return info(query, authorization, TokenInfo::v1);
    }

    @POST
    @Path("{version: v1|v2}/tokeninfo")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Map<String, Object> v1Post(@QueryParam("access_token") String query, @FormParam("access_token") String form,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return info(query != null ? query : form, authorization, TokenInfo::v1);
    }

    @GET
    @Path("v3/tokeninfo")
    public Map<String, Object> v3(@QueryParam("access_token") String query, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return info(query, authorization, TokenInfo::v3);
    }

    @POST
    @Path("v3/tokeninfo")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Map<String, Object> v3Post(@QueryParam("access_token") String query, @FormParam("access_token") String form,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return info(query != null ? query : form, authorization, TokenInfo::v3);
    }

    private Map<String, Object> info(String given, String authorization, BiFunction<ResolvedToken, Clock, Map<String, Object>> render) {
        Optional<String> token = Optional.ofNullable(given).filter(t -> !t.isEmpty()).or(() -> Callers.bearer(authorization));
        ResolvedToken resolved = token.flatMap(callers::resolve)
                .filter(t -> t.expiresAt().isAfter(clock.instant()))
                .orElseThrow(InvalidTokenException::new);
        return render.apply(resolved, clock);
    }
}
