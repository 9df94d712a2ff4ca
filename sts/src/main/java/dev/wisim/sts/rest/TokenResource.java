package dev.wisim.sts.rest;

import dev.wisim.sts.exchange.FederatedTokenIssuer;
import dev.wisim.sts.exchange.StsException;
import dev.wisim.sts.exchange.TokenExchange;
import dev.wisim.sts.exchange.TokenExchangeRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code POST /v1/token}: parse (form or JSON) → exchange → respond. No token logic here. */
@Path("/v1/token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final TokenExchange exchange;

    public TokenResource(TokenExchange exchange) {
        this.exchange = exchange;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TokenResponse form(byte[] body) {
        return respond(TokenExchangeRequest.fromFormBody(new String(body, StandardCharsets.UTF_8)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenResponse json(Map<String, Object> body) {
        if (body == null) {
            throw StsException.invalidRequest("The request body must be a JSON object.");
        }
        return respond(TokenExchangeRequest.fromJson(body));
    }

    private TokenResponse respond(TokenExchangeRequest request) {
        FederatedTokenIssuer.Issued issued = exchange.exchange(request);
        return new TokenResponse(issued.token(), TokenExchange.ACCESS_TOKEN_TYPE, "Bearer", issued.expiresIn());
    }
}
