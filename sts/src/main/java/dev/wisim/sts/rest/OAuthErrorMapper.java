package dev.wisim.sts.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.wisim.sts.exchange.StsException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure as STS renders it: the OAuth 2.0 error JSON. Anything unexpected is a logged {@code server_error}. */
public class OAuthErrorMapper {

    @ServerExceptionMapper
    public Response sts(StsException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return sts(StsException.notFound());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return sts(StsException.methodNotAllowed());
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return sts(StsException.invalidRequest("The request body must be application/x-www-form-urlencoded or application/json."));
    }

    /** A JSON body of the wrong kind (an array, a number for a string): Jackson's own mapper would answer a bare 400. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return sts(StsException.invalidRequest("The request body could not be parsed."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getResponse().getStatus() < 500) {
            return sts(StsException.invalidRequest("The request body could not be parsed."));
        }
        Log.error("request failed", e);
        return sts(StsException.serverError("Internal error."));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("unexpected failure", e);
        return sts(StsException.serverError("Internal error."));
    }
}
