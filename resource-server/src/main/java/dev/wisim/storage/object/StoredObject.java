package dev.wisim.storage.object;

import java.time.Instant;

/** One object generation: its metadata and bytes. */
public record StoredObject(String bucket, String name, long generation, long metageneration, String contentType,
                           Instant created, String md5, String crc32c, byte[] data) {

    public long size() {
        return data.length;
    }

    public String etag() {
        return Etags.of(generation, metageneration);
    }
}
