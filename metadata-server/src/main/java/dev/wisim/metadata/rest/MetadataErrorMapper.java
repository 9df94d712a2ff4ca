package dev.wisim.metadata.rest;

import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure as the GKE metadata server renders it: plain text, {@code nosniff}, and the flavor header. */
public class MetadataErrorMapper {

    @ServerExceptionMapper
    public Response metadata(MetadataException e) {
        return Response.status(e.status()).type("text/plain; charset=utf-8").entity(e.getMessage())
                .header("X-Content-Type-Options", "nosniff").header("Metadata-Flavor", "Google")
                .header("Server", "GKE Metadata Server").build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return metadata(MetadataException.notFound());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return metadata(new MetadataException(405, "Method Not Allowed\n"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getResponse().getStatus() < 500 && uri.getPath().startsWith("/_sim/")) {
            // the simulator's own control surface answers in JSON, as SimResource does
            return Response.status(e.getResponse().getStatus()).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "the request could not be read: " + e.getResponse().getStatusInfo().getReasonPhrase())).build();
        }
        if (e.getResponse().getStatus() < 500) {
            return metadata(new MetadataException(e.getResponse().getStatus(), e.getMessage() + "\n"));
        }
        Log.error("request failed", e);
        return metadata(new MetadataException(500, "Internal Server Error\n"));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("unexpected failure", e);
        return metadata(new MetadataException(500, "Internal Server Error\n"));
    }
}
