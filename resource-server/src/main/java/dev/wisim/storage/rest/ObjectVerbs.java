package dev.wisim.storage.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.wisim.storage.auth.Authorizer;
import dev.wisim.storage.auth.Caller;
import dev.wisim.storage.bucket.Bucket;
import dev.wisim.storage.object.ObjectMetadata;
import dev.wisim.storage.object.Objects;
import dev.wisim.storage.object.Preconditions;
import dev.wisim.storage.object.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verbs that write one object from others: {@code copyTo} (object resource back),
 * {@code rewriteTo} ({@code storage#rewriteResponse}, done in one call), {@code compose}. Reading a
 * source needs {@code storage.objects.get}; writing the destination {@code storage.objects.create}
 * (and {@code delete} to replace one).
 */
@ApplicationScoped
public class ObjectVerbs {

    private static final Pattern COPY = Pattern.compile("/storage/v1/b/([^/]+)/o/(.+)/(copyTo|rewriteTo)/b/([^/]+)/o/(.+)");
    private static final Pattern COMPOSE = Pattern.compile("/storage/v1/b/([^/]+)/o/(.+)/compose");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ComposeRequest(List<SourceObject> sourceObjects, ObjectMetadata destination) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SourceObject(String name, Long generation, ObjectPreconditions objectPreconditions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ObjectPreconditions(Long ifGenerationMatch) {
    }

    private final Requests requests;
    private final Objects objects;
    private final Authorizer authorizer;
    private final StorageJson json;

    public ObjectVerbs(Requests requests, Objects objects, Authorizer authorizer, StorageJson json) {
        this.requests = requests;
        this.objects = objects;
        this.authorizer = authorizer;
        this.json = json;
    }

    Map<String, Object> apply(Caller caller, String rawPath, String bucket, Long sourceGeneration, Preconditions preconditions,
                              byte[] body) {
        Matcher copy = COPY.matcher(rawPath);
        if (copy.matches()) {
            StoredObject source = source(caller, copy.group(1), decode(copy.group(2)), sourceGeneration);
            String destinationBucket = copy.group(4);
            String destinationName = decode(copy.group(5));
            ObjectMetadata destination = body == null || body.length == 0 ? ObjectMetadata.named(destinationName, null)
                    : requests.json(body, ObjectMetadata.class).withName(destinationName);
            authorizeWrite(caller, requests.bucket(destinationBucket), destinationName);
            StoredObject written = objects.copy(source, destinationBucket, destination, preconditions);
            if (copy.group(3).equals("copyTo")) {
                return json.object(written);
            }
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("kind", "storage#rewriteResponse");
            response.put("totalBytesRewritten", Long.toString(written.size()));
            response.put("objectSize", Long.toString(written.size()));
            response.put("done", true);
            response.put("resource", json.object(written));
            return response;
        }
        Matcher compose = COMPOSE.matcher(rawPath);
        if (compose.matches()) {
            String destinationName = decode(compose.group(2));
            ComposeRequest request = requests.json(body, ComposeRequest.class);
            if (request.sourceObjects() == null || request.sourceObjects().isEmpty()) {
                throw StorageException.required("Required");
            }
            List<StoredObject> sources = new ArrayList<>();
            for (SourceObject each : request.sourceObjects()) {
                StoredObject source = source(caller, bucket, each.name(), each.generation());
                if (each.objectPreconditions() != null && each.objectPreconditions().ifGenerationMatch() != null
                        && each.objectPreconditions().ifGenerationMatch() != source.generation()) {
                    throw StorageException.conditionNotMet();
                }
                sources.add(source);
            }
            authorizeWrite(caller, requests.bucket(bucket), destinationName);
            ObjectMetadata destination = request.destination() == null ? ObjectMetadata.named(destinationName, null)
                    : request.destination().withName(destinationName);
            return json.object(objects.compose(bucket, sources, destination, preconditions));
        }
        throw StorageException.notFound();
    }

    private StoredObject source(Caller caller, String bucketName, String name, Long generation) {
        if (name == null || name.isEmpty()) {
            throw StorageException.required("Required");
        }
        Bucket bucket = requests.bucket(bucketName);
        authorizer.require(caller, "storage.objects.get", bucket, "object");
        return objects.get(bucketName, name, generation).orElseThrow(() -> StorageException.noSuchObject(bucketName, name));
    }

    private void authorizeWrite(Caller caller, Bucket bucket, String name) {
        authorizer.require(caller, "storage.objects.create", bucket, "object");
        if (objects.get(bucket.name(), name).isPresent()) {
            authorizer.require(caller, "storage.objects.delete", bucket, "object");
        }
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
