package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.KubernetesException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure as kube-apiserver renders it: a {@code Status} object for the API paths, Google's
 * JSON error for the GKE paths, and {@code 404 page not found} for unknown non-resource paths.
 */
public class StatusErrorMapper {

    @ServerExceptionMapper
    public Response kubernetes(KubernetesException e) {
        return Response.status(e.code()).type(MediaType.APPLICATION_JSON).entity(body(e)).build();
    }

    /** The {@code Status} object of a failure (also what a watch's {@code ERROR} event carries). */
    public static Map<String, Object> body(KubernetesException e) {
        return statusBody(e.code(), e.reason(), e.getMessage(), e.details(), e.metadata());
    }

    @ServerExceptionMapper
    public Response gke(GkeApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("status", e.status());
        return Response.status(e.code()).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        String path = uri.getPath();
        if (path.startsWith("/api/") || path.startsWith("/apis/")) {
            KubernetesException k = KubernetesException.resourceNotFound();
            return kubernetes(k);
        }
        return Response.status(404).type("text/plain; charset=utf-8").entity("404 page not found\n").build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return kubernetes(KubernetesException.methodNotAllowed());
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return kubernetes(KubernetesException.unsupportedMediaType());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int code = e.getResponse().getStatus();
        if (code >= 500) {
            Log.error("request failed", e);
            return kubernetes(KubernetesException.internal(e.getMessage()));
        }
        return status(code, code == 400 ? "BadRequest" : "Unknown", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("unexpected failure", e);
        return kubernetes(KubernetesException.internal("an unexpected error occurred"));
    }

    static Response status(int code, String reason, String message, Map<String, Object> details) {
        return Response.status(code).type(MediaType.APPLICATION_JSON).entity(statusBody(code, reason, message, details, Map.of())).build();
    }

    private static Map<String, Object> statusBody(int code, String reason, String message, Map<String, Object> details,
                                                  Map<String, Object> metadata) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("metadata", metadata);
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        if (details != null) {
            status.put("details", details);
        }
        status.put("code", code);
        return status;
    }
}
