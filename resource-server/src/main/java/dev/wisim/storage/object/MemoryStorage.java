package dev.wisim.storage.object;

import dev.wisim.storage.bucket.Bucket;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets and objects in memory: for tests that ask for it (nothing survives the process). */
public class MemoryStorage implements ObjectStorage {

    private final Map<String, byte[]> content = new ConcurrentHashMap<>();

    private static String key(StoredObject object) {
        return object.bucket() + "\u0000" + object.name() + "\u0000" + object.generation();
    }

    @Override
    public Staged stage() {
        return new Staged.InMemory();
    }

    @Override
    public Staged stage(String sessionId) {
        return stage();
    }

    @Override
    public Optional<Staged> resume(String sessionId) {
        return java.util.Optional.empty();
    }

    @Override
    public void commit(StoredObject object, Staged staged, StoredObject previous) {
        content.put(key(object), ((Staged.InMemory) staged).bytes());
        if (previous != null && previous.generation() != object.generation()) {
            content.remove(key(previous));
        }
    }

    @Override
    public void update(StoredObject object) {
        // metadata lives in the index only
    }

    @Override
    public void delete(StoredObject object) {
        content.remove(key(object));
    }

    @Override
    public InputStream read(StoredObject object, long offset, long length) {
        byte[] bytes = content.getOrDefault(key(object), new byte[0]);
        return new ByteArrayInputStream(bytes, (int) Math.min(offset, bytes.length), (int) Math.min(length, bytes.length - offset));
    }

    @Override
    public List<StoredObject> objects() {
        return List.of();
    }

    @Override
    public void save(Bucket bucket) {
        // buckets live in the index only
    }

    @Override
    public void deleteBucket(String name) {
        // buckets live in the index only
    }

    @Override
    public List<Bucket> buckets() {
        return List.of();
    }
}
