package dev.wisim.storage.object;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;

/**
 * One object generation's metadata (its bytes are in the {@link ObjectStorage}): the fields of the
 * JSON API's object resource that this server keeps.
 *
 * @param componentCount set for composed objects
 */
public record StoredObject(String bucket, String name, long generation, long metageneration, String contentType,
                           String contentEncoding, String contentDisposition, String contentLanguage, String cacheControl,
                           Map<String, String> metadata, Instant created, Instant updated, long size, String md5, String crc32c,
                           Integer componentCount) {

    @JsonIgnore
    public String etag() {
        return Etags.of(generation, metageneration);
    }

    /** The same content with the metadata a patch (or a copy's destination) sets; metageneration moves on. */
    StoredObject withMetadata(ObjectMetadata changes, Instant at) {
        return new StoredObject(bucket, name, generation, metageneration + 1,
                changes.contentType() != null ? changes.contentType() : contentType,
                changes.contentEncoding() != null ? changes.contentEncoding() : contentEncoding,
                changes.contentDisposition() != null ? changes.contentDisposition() : contentDisposition,
                changes.contentLanguage() != null ? changes.contentLanguage() : contentLanguage,
                changes.cacheControl() != null ? changes.cacheControl() : cacheControl,
                changes.metadata() != null ? ObjectMetadata.merge(metadata, changes.metadata()) : metadata,
                created, at, size, md5, crc32c, componentCount);
    }
}
