package dev.wisim.storage.rest;

import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure in Cloud Storage's JSON error envelope, with the one {@code errors[]} entry clients read the reason from. */
public class StorageErrorMapper {

    @ServerExceptionMapper
    public Response storage(StorageException e) {
        if (e.code() == 304) {
            return Response.notModified().build();
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("message", e.getMessage());
        item.put("domain", "global");
        item.put("reason", e.reason());
        if (e.locationType() != null) {
            item.put("locationType", e.locationType());
            item.put("location", e.location());
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("errors", List.of(item));
        Response.ResponseBuilder response = Response.status(e.code()).type("application/json; charset=UTF-8")
                .entity(Map.of("error", error));
        if (e.code() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return storage(StorageException.notFound());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return storage(StorageException.methodNotAllowed());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getResponse().getStatus() < 500) {
            return storage(StorageException.invalid("Invalid request: " + e.getMessage()));
        }
        Log.error("request failed", e);
        return storage(StorageException.internal());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("unexpected failure", e);
        return storage(StorageException.internal());
    }
}
