package dev.wisim.iam.rest;

import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure as Google's APIs render it: {@code google.rpc.Status} JSON, or the OAuth2 error of tokeninfo. */
public class GoogleErrorMapper {

    static final String JSON_UTF8 = "application/json; charset=UTF-8";

    @ServerExceptionMapper
    public Response google(IamException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("status", e.status());
        if (e.details() != null) {
            error.put("details", e.details());
        }
        return Response.status(e.code()).type(JSON_UTF8).entity(Map.of("error", error)).build();
    }

    @ServerExceptionMapper
    public Response oauth(OAuthException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        return Response.status(e.status()).type(JSON_UTF8).entity(body).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return google(IamException.methodNotFound());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return google(IamException.methodNotAllowed());
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return google(IamException.invalidArgument("Invalid JSON payload received. Unsupported content type."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getResponse().getStatus() < 500) {
            return google(IamException.invalidArgument("Request contains an invalid argument."));
        }
        Log.error("request failed", e);
        return google(IamException.internal());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("unexpected failure", e);
        return google(IamException.internal());
    }
}
