package dev.wisim.storage.rest;

import dev.wisim.storage.auth.Authorizer;
import dev.wisim.storage.auth.Caller;
import dev.wisim.storage.bucket.Bucket;
import dev.wisim.storage.object.ObjectListing;
import dev.wisim.storage.object.ObjectMetadata;
import dev.wisim.storage.object.Objects;
import dev.wisim.storage.object.Preconditions;
import dev.wisim.storage.object.StoredObject;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /storage/v1/b/B/o}: list, metadata, media ({@code alt=media}), patch, delete, and the
 * rewriting verbs that follow an object name ({@code …/copyTo/b/B2/o/NAME2}, {@code …/rewriteTo/…},
 * {@code …/compose}, see {@link ObjectVerbs}).
 */
@Path("/storage/v1/b/{bucket}/o")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ObjectResource {

    private final Requests requests;
    private final Objects objects;
    private final Authorizer authorizer;
    private final StorageJson json;
    private final ObjectVerbs verbs;

    public ObjectResource(Requests requests, Objects objects, Authorizer authorizer, StorageJson json, ObjectVerbs verbs) {
        this.requests = requests;
        this.objects = objects;
        this.authorizer = authorizer;
        this.json = json;
        this.verbs = verbs;
    }

    @GET
    public Map<String, Object> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name,
                                    @QueryParam("prefix") String prefix, @QueryParam("delimiter") String delimiter,
                                    @QueryParam("startOffset") String startOffset, @QueryParam("endOffset") String endOffset,
                                    @QueryParam("matchGlob") String matchGlob,
                                    @QueryParam("includeTrailingDelimiter") boolean includeTrailingDelimiter,
                                    @QueryParam("maxResults") Integer maxResults, @QueryParam("pageToken") String pageToken) {
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.objects.list", bucket, "bucket");
        ObjectListing.Page page = ObjectListing.page(objects.list(name, prefix), new ObjectListing.Query(prefix, delimiter, startOffset,
                endOffset, matchGlob, includeTrailingDelimiter, maxResults == null ? 1000 : maxResults, pageToken));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("kind", "storage#objects");
        if (!page.prefixes().isEmpty()) {
            response.put("prefixes", page.prefixes());
        }
        if (!page.items().isEmpty()) {
            response.put("items", page.items().stream().map(json::object).toList());
        }
        if (page.nextPageToken() != null) {
            response.put("nextPageToken", page.nextPageToken());
        }
        return response;
    }

    @GET
    @Path("{object: .+}")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String bucket,
                        @QueryParam("alt") String alt, @QueryParam("generation") Long generation, @BeanParam PreconditionParams preconditions,
                        @HeaderParam("Range") String range, @Context HttpServerRequest request) {
        StoredObject object = readable(authorization, bucket, Requests.objectName(request.path(), bucket), generation, preconditions.value());
        return "media".equals(alt) ? Media.download(objects, object, range) : Response.ok(json.object(object)).build();
    }

    @PATCH
    @Path("{object: .+}")
    public Map<String, Object> patch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name,
                                     @BeanParam PreconditionParams preconditions, @Context HttpServerRequest request, byte[] body) {
        String object = Requests.objectName(request.path(), name);
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.objects.update", bucket, "object");
        return json.object(objects.patch(name, object, requests.json(body, ObjectMetadata.class), preconditions.value()));
    }

    @DELETE
    @Path("{object: .+}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name,
                           @QueryParam("generation") Long generation, @BeanParam PreconditionParams preconditions,
                           @Context HttpServerRequest request) {
        String object = Requests.objectName(request.path(), name);
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.objects.delete", bucket, "object");
        objects.delete(name, object, generation, preconditions.value());
        return Response.noContent().build();
    }

    /** {@code POST …/o/SOURCE/copyTo/b/B/o/DEST}, {@code …/rewriteTo/b/B/o/DEST}, {@code …/o/DEST/compose}. */
    @POST
    @Path("{object: .+}")
    public Map<String, Object> rewrite(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name,
                                       @BeanParam PreconditionParams preconditions, @QueryParam("sourceGeneration") Long sourceGeneration,
                                       @Context HttpServerRequest request, byte[] body) {
        Caller caller = requests.caller(authorization);
        return verbs.apply(caller, request.path(), name, sourceGeneration, preconditions.value(), body);
    }

    StoredObject readable(String authorization, String bucketName, String object, Long generation, Preconditions preconditions) {
        Bucket bucket = requests.bucket(bucketName);
        authorizer.require(requests.caller(authorization), "storage.objects.get", bucket, "object");
        StoredObject found = objects.get(bucketName, object, generation).orElseThrow(() -> StorageException.noSuchObject(bucketName, object));
        preconditions.checkRead(found);
        return found;
    }

    /** The {@code if…Match} query parameters of a request. */
    public static class PreconditionParams {

        @QueryParam("ifGenerationMatch")
        Long ifGenerationMatch;
        @QueryParam("ifGenerationNotMatch")
        Long ifGenerationNotMatch;
        @QueryParam("ifMetagenerationMatch")
        Long ifMetagenerationMatch;
        @QueryParam("ifMetagenerationNotMatch")
        Long ifMetagenerationNotMatch;

        Preconditions value() {
            return new Preconditions(ifGenerationMatch, ifGenerationNotMatch, ifMetagenerationMatch, ifMetagenerationNotMatch);
        }
    }
}
