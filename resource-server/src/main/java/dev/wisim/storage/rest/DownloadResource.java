package dev.wisim.storage.rest;

import dev.wisim.storage.object.Objects;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code /download/storage/v1/b/B/o/NAME}: the media download path of mediaLink and the Java and gcloud clients. */
@Path("/download/storage/v1/b/{bucket}/o")
public class DownloadResource {

    private final ObjectResource resource;
    private final Objects objects;

    public DownloadResource(ObjectResource resource, Objects objects) {
        this.resource = resource;
        this.objects = objects;
    }

    @GET
    @Path("{object: .+}")
    public Response download(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String bucket,
                             @QueryParam("generation") Long generation, @BeanParam ObjectResource.PreconditionParams preconditions,
                             @HeaderParam("Range") String range, @Context HttpServerRequest request) {
        return Media.download(objects, resource.readable(authorization, bucket, Requests.objectName(request.path(), bucket), generation,
                preconditions.value()), range);
    }

}
