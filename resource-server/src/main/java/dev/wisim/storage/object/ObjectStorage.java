package dev.wisim.storage.object;

import dev.wisim.storage.bucket.Bucket;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where buckets and objects are kept: on disk under the stack's state directory ({@link DiskStorage}),
 * or in memory ({@link MemoryStorage}). An object is replaced atomically: a reader sees the old
 * generation or the new one, and a crash at any point leaves one of them whole.
 */
public interface ObjectStorage {

    /** A fresh place for an upload's bytes. */
    Staged stage();

    /** A fresh place for a resumable session's bytes, kept across a restart where the storage is. */
    Staged stage(String sessionId);

    /** A session's bytes as a previous run left them (every acknowledged chunk), if the storage keeps them. */
    Optional<Staged> resume(String sessionId);

    /** Makes {@code object} the live generation of its name, with the staged bytes; {@code previous} is replaced. */
    void commit(StoredObject object, Staged content, StoredObject previous);

    /** Replaces an object's metadata only (same generation, same bytes). */
    void update(StoredObject object);

    void delete(StoredObject object);

    /** {@code length} bytes of the object from {@code offset}. */
    InputStream read(StoredObject object, long offset, long length);

    /** Every live object, as kept (for the index at start-up). */
    List<StoredObject> objects();

    void save(Bucket bucket);

    void deleteBucket(String name);

    List<Bucket> buckets();
}
