package dev.wisim.storage.rest;

import dev.wisim.storage.bucket.Bucket;
import dev.wisim.storage.config.StorageConfig;
import dev.wisim.storage.object.Etags;
import dev.wisim.storage.object.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON API's resources: every int64 as a string, times in RFC 3339 with milliseconds, links to this server. */
@ApplicationScoped
public class StorageJson {

    private final String base;

    public StorageJson(StorageConfig config) {
        this.base = config.externalUrl().replaceFirst("/$", "");
    }

    public Map<String, Object> bucket(Bucket bucket) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "storage#bucket");
        json.put("selfLink", base + "/storage/v1/b/" + bucket.name());
        json.put("id", bucket.name());
        json.put("name", bucket.name());
        json.put("projectNumber", bucket.projectNumber());
        json.put("metageneration", Long.toString(bucket.metageneration()));
        json.put("location", bucket.location());
        json.put("storageClass", bucket.storageClass());
        json.put("etag", Etags.of(bucket.metageneration()));
        json.put("timeCreated", bucket.created().toString());
        json.put("updated", bucket.updated().toString());
        json.put("iamConfiguration", Map.of(
                "bucketPolicyOnly", Map.of("enabled", true),
                "uniformBucketLevelAccess", Map.of("enabled", true),
                "publicAccessPrevention", "inherited"));
        json.put("locationType", bucket.location().contains("-") ? "region" : "multi-region");
        if (bucket.labels() != null && !bucket.labels().isEmpty()) {
            json.put("labels", bucket.labels());
        }
        return json;
    }

    public Map<String, Object> object(StoredObject object) {
        String encoded = encode(object.name());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "storage#object");
        json.put("id", object.bucket() + "/" + object.name() + "/" + object.generation());
        json.put("selfLink", base + "/storage/v1/b/" + object.bucket() + "/o/" + encoded);
        json.put("mediaLink", base + "/download/storage/v1/b/" + object.bucket() + "/o/" + encoded
                + "?generation=" + object.generation() + "&alt=media");
        json.put("name", object.name());
        json.put("bucket", object.bucket());
        json.put("generation", Long.toString(object.generation()));
        json.put("metageneration", Long.toString(object.metageneration()));
        json.put("contentType", object.contentType());
        putIfSet(json, "contentEncoding", object.contentEncoding());
        putIfSet(json, "contentDisposition", object.contentDisposition());
        putIfSet(json, "contentLanguage", object.contentLanguage());
        putIfSet(json, "cacheControl", object.cacheControl());
        json.put("storageClass", "STANDARD");
        json.put("size", Long.toString(object.size()));
        json.put("md5Hash", object.md5());
        json.put("crc32c", object.crc32c());
        if (object.componentCount() != null) {
            json.put("componentCount", object.componentCount());
        }
        json.put("etag", object.etag());
        json.put("timeCreated", object.created().toString());
        json.put("updated", object.updated().toString());
        json.put("timeStorageClassUpdated", object.created().toString());
        json.put("timeFinalized", object.created().toString());
        if (object.metadata() != null && !object.metadata().isEmpty()) {
            json.put("metadata", object.metadata());
        }
        return json;
    }

    private static void putIfSet(Map<String, Object> json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    /** Object names in URLs: every reserved character percent-encoded, {@code /} included. */
    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
