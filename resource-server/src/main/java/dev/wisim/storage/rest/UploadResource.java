package dev.wisim.storage.rest;

import dev.wisim.storage.auth.Authorizer;
import dev.wisim.storage.auth.Caller;
import dev.wisim.storage.bucket.Bucket;
import dev.wisim.storage.config.StorageConfig;
import dev.wisim.storage.object.MultipartRelated;
import dev.wisim.storage.object.Objects;
import dev.wisim.storage.object.StoredObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code POST /upload/storage/v1/b/B/o}: simple media uploads and multipart (metadata + media) uploads. */
@Path("/upload/storage/v1/b/{bucket}/o")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class UploadResource {

    private final Requests requests;
    private final Objects objects;
    private final Authorizer authorizer;
    private final StorageJson json;
    private final StorageConfig config;

    public UploadResource(Requests requests, Objects objects, Authorizer authorizer, StorageJson json, StorageConfig config) {
        this.requests = requests;
        this.objects = objects;
        this.authorizer = authorizer;
        this.json = json;
        this.config = config;
    }

    @POST
    public Map<String, Object> upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("bucket") String name,
                                      @QueryParam("uploadType") String uploadType, @QueryParam("name") String objectName,
                                      @QueryParam("ifGenerationMatch") Long ifGenerationMatch,
                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Bucket bucket = requests.bucket(name);
        Caller caller = requests.caller(authorization);
        byte[] data = body == null ? new byte[0] : body;
        if (data.length > config.maxUploadBytes()) {
            throw StorageException.tooLarge(config.maxUploadBytes());
        }
        StoredObject stored;
        if ("media".equals(uploadType)) {
            authorize(caller, bucket, objectName);
            stored = objects.put(name, objectName, contentType, data, null, null, ifGenerationMatch);
        } else if ("multipart".equals(uploadType)) {
            List<MultipartRelated.Part> parts;
            try {
                parts = MultipartRelated.parse(contentType, data);
            } catch (IllegalArgumentException e) {
                throw StorageException.invalid("Invalid multipart request: " + e.getMessage());
            }
            if (parts.size() != 2) {
                throw StorageException.invalid("Invalid multipart request with " + parts.size() + " mime parts.");
            }
            ObjectMetadata metadata = requests.json(parts.get(0).body(), ObjectMetadata.class);
            String objectFromMetadata = metadata.name() != null ? metadata.name() : objectName;
            authorize(caller, bucket, objectFromMetadata);
            String mediaType = metadata.contentType() != null ? metadata.contentType() : parts.get(1).contentType();
            stored = objects.put(name, objectFromMetadata, mediaType, parts.get(1).body(), metadata.md5Hash(), metadata.crc32c(),
                    ifGenerationMatch);
        } else if (uploadType == null) {
            throw StorageException.required("Upload requests must include an uploadType URL parameter and a URL path beginning with /upload/");
        } else {
            throw StorageException.invalid("Invalid upload type: " + uploadType);
        }
        return json.object(stored);
    }

    /** The object resource fields a multipart upload's metadata part may carry here. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ObjectMetadata(String name, String contentType, String md5Hash, String crc32c) {
    }

    /** Creating needs {@code storage.objects.create}; replacing an existing object also needs {@code storage.objects.delete}. */
    private void authorize(Caller caller, Bucket bucket, String objectName) {
        authorizer.require(caller, "storage.objects.create", bucket, "object");
        if (objectName != null && objects.get(bucket.name(), objectName).isPresent()) {
            authorizer.require(caller, "storage.objects.delete", bucket, "object");
        }
    }
}
