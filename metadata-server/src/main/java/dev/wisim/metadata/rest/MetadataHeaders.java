package dev.wisim.metadata.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The GKE metadata server's header rules: {@code Metadata-Flavor: Google} is required on every
 * {@code /computeMetadata/} request, a proxied request ({@code X-Forwarded-For}) is refused, and
 * every response, errors included, carries {@code Metadata-Flavor: Google}.
 */
public class MetadataHeaders {

    @ServerRequestFilter(preMatching = true)
    public void require(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/computeMetadata")) {
            return;
        }
        if (request.getHeaderString("X-Forwarded-For") != null) {
            throw MetadataException.forwarded();
        }
        if (!"Google".equals(request.getHeaderString("Metadata-Flavor"))) {
            throw MetadataException.missingFlavor();
        }
    }

    @ServerResponseFilter
    public void stamp(ContainerResponseContext response) {
        response.getHeaders().putSingle("Metadata-Flavor", "Google");
        response.getHeaders().putSingle("Server", "GKE Metadata Server");
    }
}
