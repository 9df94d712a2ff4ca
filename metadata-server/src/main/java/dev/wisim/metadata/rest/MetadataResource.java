package dev.wisim.metadata.rest;

import dev.wisim.metadata.pod.PodLocator;
import dev.wisim.metadata.tree.Caller;
import dev.wisim.metadata.tree.MetadataTree;
import dev.wisim.metadata.tree.Rendered;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every metadata path: the request is handed to the tree with a lazily identified caller. Header
 * rules live in {@link MetadataHeaders}.
 */
@Path("/")
public class MetadataResource {

    private final MetadataTree tree;
    private final PodLocator pods;

    public MetadataResource(MetadataTree tree, PodLocator pods) {
        this.tree = tree;
        this.pods = pods;
    }

    @GET
    public Response root() {
        return render(Rendered.text("computeMetadata/\n"));
    }

    @GET
    @Path("{path: .+}")
    public Response get(@Context UriInfo uri, @Context HttpServerRequest request,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        String localAddress = request.localAddress() == null ? null : request.localAddress().hostAddress();
        Caller caller = new Caller(uri.getQueryParameters(), () -> pods.locate(bearer, localAddress));
        return render(tree.get(request.path(), caller));
    }

    private static Response render(Rendered rendered) {
        Response.ResponseBuilder response = Response.status(rendered.status()).type(rendered.contentType())
                .entity(rendered.body()).header("ETag", etag(rendered.body()));
        if (rendered.location() != null) {
            response.header("Location", rendered.location());
        }
        return response.build();
    }

    static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
