package dev.wisim.storage.rest;

import dev.wisim.storage.auth.Authorizer;
import dev.wisim.storage.bucket.Bucket;
import dev.wisim.storage.object.Objects;
import dev.wisim.storage.object.StoredObject;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code /storage/v1/b/B/o}: list, metadata, media ({@code alt=media}), delete. */
@Path("/storage/v1/b/{bucket}/o")
@Produces(MediaType.APPLICATION_JSON)
public class ObjectResource {

    private final Requests requests;
    private final Objects objects;
    private final Authorizer authorizer;
    private final StorageJson json;

    public ObjectResource(Requests requests, Objects objects, Authorizer authorizer, StorageJson json) {
        this.requests = requests;
        this.objects = objects;
        this.authorizer = authorizer;
        this.json = json;
    }

    @GET
    public Map<String, Object> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name,
                                    @QueryParam("prefix") String prefix, @QueryParam("delimiter") String delimiter,
                                    @QueryParam("maxResults") Integer maxResults, @QueryParam("pageToken") String pageToken) {
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.objects.list", bucket, "bucket");
        String after;
        try {
            after = pageToken == null ? null : new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalid("Invalid page token: " + pageToken);
        }
        int limit = maxResults == null || maxResults <= 0 ? 1000 : Math.min(maxResults, 1000);
        List<Map<String, Object>> items = new ArrayList<>();
        TreeSet<String> prefixes = new TreeSet<>();
        String next = null;
        String from = prefix == null ? "" : prefix;
        for (StoredObject object : objects.list(name, prefix)) {
            if (after != null && object.name().compareTo(after) < 0) {
                continue;
            }
            int cut = delimiter == null || delimiter.isEmpty() ? -1 : object.name().indexOf(delimiter, from.length());
            String entry = cut < 0 ? object.name() : object.name().substring(0, cut + delimiter.length());
            if (items.size() + prefixes.size() >= limit && !prefixes.contains(entry)) {
                next = Base64.getUrlEncoder().encodeToString(entry.getBytes(StandardCharsets.UTF_8));
                break;
            }
            if (cut < 0) {
                items.add(json.object(object));
            } else {
                prefixes.add(entry);
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("kind", "storage#objects");
        if (!prefixes.isEmpty()) {
            response.put("prefixes", List.copyOf(prefixes));
        }
        if (!items.isEmpty()) {
            response.put("items", items);
        }
        if (next != null) {
            response.put("nextPageToken", next);
        }
        return response;
    }

    @GET
    @Path("{object: .+}")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String bucket,
                        @QueryParam("alt") String alt, @HeaderParam("Range") String range, @Context HttpServerRequest request) {
        StoredObject object = readable(authorization, bucket, Requests.objectName(request.path(), bucket));
        return "media".equals(alt) ? Media.download(object, range) : Response.ok(json.object(object)).build();
    }

    @DELETE
    @Path("{object: .+}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name,
                           @Context HttpServerRequest request) {
        String object = Requests.objectName(request.path(), name);
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.objects.delete", bucket, "object");
        if (!objects.delete(name, object)) {
            throw StorageException.noSuchObject(name, object);
        }
        return Response.noContent().build();
    }

    StoredObject readable(String authorization, String bucketName, String object) {
        Bucket bucket = requests.bucket(bucketName);
        authorizer.require(requests.caller(authorization), "storage.objects.get", bucket, "object");
        return objects.get(bucketName, object).orElseThrow(() -> StorageException.noSuchObject(bucketName, object));
    }
}
