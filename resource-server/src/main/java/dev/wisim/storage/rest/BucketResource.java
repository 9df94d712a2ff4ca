package dev.wisim.storage.rest;

import dev.wisim.storage.auth.Authorizer;
import dev.wisim.storage.auth.Caller;
import dev.wisim.storage.auth.ProjectView;
import dev.wisim.storage.bucket.Bucket;
import dev.wisim.storage.bucket.BucketPolicy;
import dev.wisim.storage.bucket.Buckets;
import dev.wisim.storage.object.Objects;
import dev.wisim.storage.object.PageTokens;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /storage/v1/b}: buckets and their IAM policies. */
@Path("/storage/v1/b")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class BucketResource {

    private final Requests requests;
    private final Buckets buckets;
    private final Objects objects;
    private final Authorizer authorizer;
    private final StorageJson json;

    public BucketResource(Requests requests, Buckets buckets, Objects objects, Authorizer authorizer, StorageJson json) {
        this.requests = requests;
        this.buckets = buckets;
        this.objects = objects;
        this.authorizer = authorizer;
        this.json = json;
    }

    @GET
    public Map<String, Object> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("project") String project,
                                    @QueryParam("prefix") String prefix, @QueryParam("maxResults") Integer maxResults,
                                    @QueryParam("pageToken") String pageToken) {
        if (project == null || project.isEmpty()) {
            throw StorageException.required("Required parameter: project");
        }
        ProjectView view = authorizer.requireOnProject(requests.caller(authorization), "storage.buckets.list", project);
        String start = PageTokens.startOf(pageToken);
        List<Bucket> all = buckets.inProject(view.projectId()).stream()
                .filter(b -> prefix == null || b.name().startsWith(prefix))
                .filter(b -> start == null || b.name().compareTo(start) >= 0).toList();
        int limit = maxResults == null || maxResults <= 0 ? 1000 : Math.min(maxResults, 1000);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("kind", "storage#buckets");
        if (!all.isEmpty()) {
            response.put("items", all.stream().limit(limit).map(json::bucket).toList());
        }
        if (all.size() > limit) {
            response.put("nextPageToken", PageTokens.of(all.get(limit).name()));
        }
        return response;
    }

    @POST
    public Map<String, Object> insert(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @QueryParam("project") String project, byte[] body) {
        if (project == null || project.isEmpty()) {
            throw StorageException.required("Required parameter: project");
        }
        Caller caller = requests.caller(authorization);
        ProjectView view = authorizer.requireOnProject(caller, "storage.buckets.create", project);
        BucketInsert request = requests.json(body, BucketInsert.class);
        Bucket bucket = buckets.create(request.name(), view.projectId(), view.projectNumber(), request.location(), request.storageClass(),
                request.labels());
        return json.bucket(bucket);
    }

    /** The fields of a bucket resource that an insert or a patch may set here. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record BucketInsert(String name, String location, String storageClass, Map<String, String> labels) {
    }

    @PATCH
    @Path("{bucket}")
    public Map<String, Object> patch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name,
                                     @QueryParam("ifMetagenerationMatch") Long ifMetagenerationMatch, byte[] body) {
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.buckets.update", bucket, "bucket");
        BucketInsert changes = requests.json(body, BucketInsert.class);
        return json.bucket(buckets.patch(name, changes.storageClass(), changes.labels(), ifMetagenerationMatch));
    }

    @GET
    @Path("{bucket}")
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name) {
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.buckets.get", bucket, "bucket");
        return json.bucket(bucket);
    }

    @DELETE
    @Path("{bucket}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name) {
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.buckets.delete", bucket, "bucket");
        if (!objects.isEmpty(name)) {
            throw StorageException.bucketNotEmpty(name);
        }
        buckets.delete(name);
        return Response.noContent().build();
    }

    @GET
    @Path("{bucket}/iam")
    public BucketPolicy getIamPolicy(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name) {
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.buckets.getIamPolicy", bucket, "bucket");
        return bucket.policy();
    }

    /** The body is the policy itself, not {@code {"policy":…}}. */
    @PUT
    @Path("{bucket}/iam")
    public BucketPolicy setIamPolicy(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name,
                                     byte[] body) {
        Bucket bucket = requests.bucket(name);
        authorizer.require(requests.caller(authorization), "storage.buckets.setIamPolicy", bucket, "bucket");
        return buckets.setPolicy(name, requests.json(body, BucketPolicy.class));
    }

    @GET
    @Path("{bucket}/iam/testPermissions")
    public Map<String, Object> testIamPermissions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                  @PathParam("bucket") String name, @QueryParam("permissions") List<String> permissions) {
        Bucket bucket = requests.bucket(name);
        Caller caller = requests.caller(authorization);
        List<String> granted = permissions.stream().filter(p -> {
            try {
                authorizer.require(caller, p, bucket, "bucket");
                return true;
            } catch (StorageException denied) {
                return false;
            }
        }).toList();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("kind", "storage#testIamPermissionsResponse");
        if (!granted.isEmpty()) {
            response.put("permissions", granted);
        }
        return response;
    }
}
