package dev.wisim.storage.rest;

import dev.wisim.storage.auth.Authorizer;
import dev.wisim.storage.auth.Caller;
import dev.wisim.storage.bucket.Bucket;
import dev.wisim.storage.config.StorageConfig;
import dev.wisim.storage.object.MultipartRelated;
import dev.wisim.storage.object.ObjectMetadata;
import dev.wisim.storage.object.Objects;
import dev.wisim.storage.object.ResumableUploads;
import dev.wisim.storage.object.Staged;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Uploads at {@code /upload/storage/v1/b/B/o} (and gcloud's {@code /resumable/upload/…}): a simple
 * media upload, a multipart (metadata + media) upload, or a resumable session — started by a POST, fed
 * by PUTs with {@code Content-Range} ({@link ResumableProtocol}), cancelled by a DELETE.
 */
@Path("/{prefix: upload|resumable/upload}/storage/v1/b/{bucket}/o")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class UploadResource {

    private final Requests requests;
    private final Objects objects;
    private final ResumableUploads resumable;
    private final Authorizer authorizer;
    private final StorageJson json;
    private final StorageConfig config;

    public UploadResource(Requests requests, Objects objects, ResumableUploads resumable, Authorizer authorizer, StorageJson json,
                          StorageConfig config) {
        this.requests = requests;
        this.objects = objects;
        this.resumable = resumable;
        this.authorizer = authorizer;
        this.json = json;
        this.config = config;
    }

    @POST
    public Response upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("prefix") String prefix,
                           @PathParam("bucket") String name, @QueryParam("uploadType") String uploadType,
                           @QueryParam("name") String objectName, @BeanParam ObjectResource.PreconditionParams preconditions,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam("X-Upload-Content-Type") String uploadContentType,
                           @HeaderParam("X-Upload-Content-Length") Long uploadContentLength, InputStream body) {
        Bucket bucket = requests.bucket(name);
        Caller caller = requests.caller(authorization);
        if (uploadType == null) {
            throw StorageException.required("Upload requests must include an uploadType URL parameter and a URL path beginning with /upload/");
        }
        switch (uploadType) {
            case "media" -> {
                authorize(caller, bucket, objectName);
                Staged staged = objects.stage();
                receive(staged, body);
                return Response.ok(json.object(objects.put(name, ObjectMetadata.named(objectName, contentType), staged,
                        preconditions.value()))).build();
            }
            case "multipart" -> {
                List<MultipartRelated.Part> parts;
                try {
                    parts = MultipartRelated.parse(contentType, readBounded(body));
                } catch (IllegalArgumentException e) {
                    throw StorageException.invalid("Invalid multipart request: " + e.getMessage());
                }
                if (parts.size() != 2) {
                    throw StorageException.invalid("Invalid multipart request with " + parts.size() + " mime parts.");
                }
                ObjectMetadata metadata = requests.json(parts.get(0).body(), ObjectMetadata.class);
                if (metadata.name() == null) {
                    metadata = metadata.withName(objectName);
                }
                if (metadata.contentType() == null) {
                    metadata = new ObjectMetadata(metadata.name(), parts.get(1).contentType(), metadata.contentEncoding(),
                            metadata.contentDisposition(), metadata.contentLanguage(), metadata.cacheControl(), metadata.metadata(),
                            metadata.md5Hash(), metadata.crc32c());
                }
                authorize(caller, bucket, metadata.name());
                Staged staged = objects.stage();
                staged.write(parts.get(1).body(), 0, parts.get(1).body().length);
                return Response.ok(json.object(objects.put(name, metadata, staged, preconditions.value()))).build();
            }
            case "resumable" -> {
                byte[] bytes = readBounded(body);
                ObjectMetadata metadata = bytes.length == 0 ? ObjectMetadata.named(objectName, null)
                        : requests.json(bytes, ObjectMetadata.class);
                if (metadata.name() == null) {
                    metadata = metadata.withName(objectName);
                }
                if (metadata.name() == null || metadata.name().isEmpty()) {
                    throw StorageException.required("Required");
                }
                if (metadata.contentType() == null && uploadContentType != null) {
                    metadata = new ObjectMetadata(metadata.name(), uploadContentType, metadata.contentEncoding(),
                            metadata.contentDisposition(), metadata.contentLanguage(), metadata.cacheControl(), metadata.metadata(),
                            metadata.md5Hash(), metadata.crc32c());
                }
                if (uploadContentLength != null && uploadContentLength > config.maxUploadBytes()) {
                    throw StorageException.tooLarge(config.maxUploadBytes());
                }
                authorize(caller, bucket, metadata.name());
                ResumableUploads.Session session = resumable.start(name, metadata, preconditions.value(), uploadContentLength);
                String location = config.externalUrl().replaceFirst("/$", "") + "/" + prefix + "/storage/v1/b/" + name
                        + "/o?uploadType=resumable&name=" + StorageJson.encode(metadata.name()) + "&upload_id=" + session.id;
                return Response.ok().header("Location", location).header("X-GUploader-UploadID", session.id).build();
            }
            default -> throw StorageException.invalid("Invalid upload type: " + uploadType);
        }
    }

    /** A chunk (or the whole rest) of a resumable upload, or a status query. */
    @PUT
    public Response chunk(@QueryParam("upload_id") String uploadId, @HeaderParam("Content-Range") String contentRange,
                          @HeaderParam("X-Goog-Hash") String hashes, InputStream body) {
        ResumableUploads.Session session = resumable.find(uploadId);
        return ResumableProtocol.put(resumable, session, contentRange, hashes, readBounded(body), config.maxUploadBytes(), json);
    }

    /** Cancels a resumable upload: 499, as Google answers. */
    @DELETE
    public Response cancel(@QueryParam("upload_id") String uploadId) {
        resumable.cancel(resumable.find(uploadId));
        return Response.status(499).build();
    }

    private void receive(Staged staged, InputStream body) {
        try {
            staged.writeAll(body, config.maxUploadBytes(), () -> {
                staged.discard();
                throw StorageException.tooLarge(config.maxUploadBytes());
            });
        } catch (IOException e) {
            staged.discard();
            throw new UncheckedIOException(e);
        }
    }

    private byte[] readBounded(InputStream body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                if (out.size() + read > config.maxUploadBytes()) {
                    throw StorageException.tooLarge(config.maxUploadBytes());
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creating needs {@code storage.objects.create}; replacing an existing object also needs {@code storage.objects.delete}. */
    private void authorize(Caller caller, Bucket bucket, String objectName) {
        authorizer.require(caller, "storage.objects.create", bucket, "object");
        if (objectName != null && objects.get(bucket.name(), objectName).isPresent()) {
            authorizer.require(caller, "storage.objects.delete", bucket, "object");
        }
    }
}
