package dev.wisim.storage.object;

import dev.wisim.storage.rest.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * Objects by bucket and name (the live generation), in memory. An object becomes visible only once its
 * upload is complete; hashes the client declared must match the bytes received.
 */
@ApplicationScoped
public class Objects {

    private final Map<String, NavigableMap<String, StoredObject>> byBucket = new ConcurrentHashMap<>();
    private final Clock clock;
    private long lastGeneration;

    public Objects(Clock clock) {
        this.clock = clock;
    }

    public synchronized StoredObject put(String bucket, String name, String contentType, byte[] data,
                                         String declaredMd5, String declaredCrc32c, Long ifGenerationMatch) {
        if (name == null || name.isEmpty()) {
            throw StorageException.required("Required");
        }
        Optional<StoredObject> current = get(bucket, name);
        if (ifGenerationMatch != null && current.map(StoredObject::generation).orElse(0L).longValue() != ifGenerationMatch) {
            throw StorageException.conditionNotMet();
        }
        String md5 = md5(data);
        String crc32c = crc32c(data);
        if (declaredMd5 != null && !declaredMd5.equals(md5)) {
            throw StorageException.invalid("Provided MD5 hash \"" + declaredMd5 + "\" doesn't match calculated MD5 hash \"" + md5 + "\".");
        }
        if (declaredCrc32c != null && !declaredCrc32c.equals(crc32c)) {
            throw StorageException.invalid("Provided CRC32C \"" + declaredCrc32c + "\" doesn't match calculated CRC32C \"" + crc32c + "\".");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        long generation = Math.max(now.toEpochMilli() * 1000, lastGeneration + 1);
        lastGeneration = generation;
        StoredObject object = new StoredObject(bucket, name, generation, 1,
                contentType == null || contentType.isEmpty() ? "application/octet-stream" : contentType, now, md5, crc32c, data);
        byBucket.computeIfAbsent(bucket, b -> new TreeMap<>()).put(name, object);
        return object;
    }

    public synchronized Optional<StoredObject> get(String bucket, String name) {
        return Optional.ofNullable(byBucket.getOrDefault(bucket, new TreeMap<>()).get(name));
    }

    public synchronized List<StoredObject> list(String bucket, String prefix) {
        NavigableMap<String, StoredObject> objects = byBucket.getOrDefault(bucket, new TreeMap<>());
        String from = prefix == null ? "" : prefix;
        return objects.tailMap(from, true).values().stream().takeWhile(o -> o.name().startsWith(from)).toList();
    }

    public synchronized boolean isEmpty(String bucket) {
        return byBucket.getOrDefault(bucket, new TreeMap<>()).isEmpty();
    }

    public synchronized boolean delete(String bucket, String name) {
        NavigableMap<String, StoredObject> objects = byBucket.get(bucket);
        return objects != null && objects.remove(name) != null;
    }

    static String md5(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
