package dev.wisim.storage.object;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writable fields of an object resource, as a client sends them (an upload's metadata, a patch, a
 * copy's or compose's destination); {@code md5Hash} and {@code crc32c}, when given, must match the bytes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectMetadata(String name, String contentType, String contentEncoding, String contentDisposition,
                             String contentLanguage, String cacheControl, Map<String, String> metadata, String md5Hash,
                             String crc32c) {

    public static ObjectMetadata named(String name, String contentType) {
        return new ObjectMetadata(name, contentType, null, null, null, null, null, null, null);
    }

    public ObjectMetadata withName(String newName) {
        return new ObjectMetadata(newName, contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, metadata,
                md5Hash, crc32c);
    }

    /** Custom metadata patch semantics: a null value removes the key. */
    static Map<String, String> merge(Map<String, String> current, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(current == null ? Map.of() : current);
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged.isEmpty() ? null : merged;
    }
}
