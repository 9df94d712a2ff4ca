package dev.wisim.storage.object;

import dev.wisim.storage.rest.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live objects by bucket and name, over an {@link ObjectStorage}. An object becomes visible only
 * once its bytes are complete and committed; hashes a client declared must match the bytes;
 * preconditions are checked and the commit made under one lock, so concurrent writers cannot both win.
 */
@ApplicationScoped
public class Objects {

    /** Cloud Storage's limit on the sources of one compose. */
    static final int MAX_COMPOSE_SOURCES = 32;

    private final Map<String, NavigableMap<String, StoredObject>> byBucket = new ConcurrentHashMap<>();
    private final ObjectStorage storage;
    private final Clock clock;
    private long lastGeneration;

    public Objects(ObjectStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
        for (StoredObject object : storage.objects()) {
            bucket(object.bucket()).put(object.name(), object);
            lastGeneration = Math.max(lastGeneration, object.generation());
        }
    }

    public Staged stage() {
        return storage.stage();
    }

    /** A resumable session's place for its bytes, kept across a restart where the storage is. */
    public Staged stage(String sessionId) {
        return storage.stage(sessionId);
    }

    /** A session's bytes as a previous run acknowledged them. */
    public Optional<Staged> resume(String sessionId) {
        return storage.resume(sessionId);
    }

    /**
     * Cloud Storage's rules for a new object's name: 1 to 1024 bytes of UTF-8, not {@code .} or
     * {@code ..}, no carriage return, line feed or NUL, not under {@code .well-known/acme-challenge/}.
     */
    public static void checkName(String name) {
        if (name.equals(".") || name.equals("..")) {
            throw StorageException.invalid("The object name cannot be \".\" or \"..\".");
        }
        if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\0') >= 0) {
            throw StorageException.invalid("The object name cannot contain a carriage return, a line feed or NUL.");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw StorageException.invalid("The object name is longer than 1024 bytes of UTF-8.");
        }
        if (name.startsWith(".well-known/acme-challenge/")) {
            throw StorageException.invalid("The object name cannot begin with \".well-known/acme-challenge/\".");
        }
    }

    /** Commits the staged bytes as the new live generation of {@code metadata.name()}. */
    public StoredObject put(String bucket, ObjectMetadata metadata, Staged content, Preconditions preconditions) {
        String name = metadata.name();
        if (name == null || name.isEmpty()) {
            content.discard();
            throw StorageException.required("Required");
        }
        Staged.Hashes hashes = content.finish();
        if (metadata.md5Hash() != null && !metadata.md5Hash().equals(hashes.md5())) {
            content.discard();
            throw StorageException.invalid("Provided MD5 hash \"" + metadata.md5Hash() + "\" doesn't match calculated MD5 hash \""
                    + hashes.md5() + "\".");
        }
        if (metadata.crc32c() != null && !metadata.crc32c().equals(hashes.crc32c())) {
            content.discard();
            throw StorageException.invalid("Provided CRC32C \"" + metadata.crc32c() + "\" doesn't match calculated CRC32C \""
                    + hashes.crc32c() + "\".");
        }
        return commit(bucket, metadata, content, hashes, preconditions, null);
    }

    private synchronized StoredObject commit(String bucket, ObjectMetadata metadata, Staged content, Staged.Hashes hashes,
                                             Preconditions preconditions, Integer componentCount) {
        Optional<StoredObject> current = get(bucket, metadata.name());
        try {
            checkName(metadata.name());
            preconditions.checkWrite(current);
        } catch (StorageException e) {
            content.discard();
            throw e;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        long generation = Math.max(now.toEpochMilli() * 1000, lastGeneration + 1);
        lastGeneration = generation;
        String contentType = metadata.contentType() == null || metadata.contentType().isEmpty()
                ? "application/octet-stream" : metadata.contentType();
        StoredObject object = new StoredObject(bucket, metadata.name(), generation, 1, contentType, metadata.contentEncoding(),
                metadata.contentDisposition(), metadata.contentLanguage(), metadata.cacheControl(),
                metadata.metadata() == null || metadata.metadata().isEmpty() ? null : Map.copyOf(metadata.metadata()),
                now, now, content.size(), hashes.md5(), hashes.crc32c(), componentCount);
        storage.commit(object, content, current.orElse(null));
        bucket(bucket).put(object.name(), object);
        return object;
    }

    public synchronized Optional<StoredObject> get(String bucket, String name) {
        return Optional.ofNullable(byBucket.getOrDefault(bucket, new TreeMap<>()).get(name));
    }

    /** The live object, if it is {@code generation} (when given): only live generations are kept. */
    public Optional<StoredObject> get(String bucket, String name, Long generation) {
        return get(bucket, name).filter(o -> generation == null || o.generation() == generation);
    }

    public synchronized List<StoredObject> list(String bucket, String prefix) {
        NavigableMap<String, StoredObject> objects = byBucket.getOrDefault(bucket, new TreeMap<>());
        String from = prefix == null ? "" : prefix;
        return objects.tailMap(from, true).values().stream().takeWhile(o -> o.name().startsWith(from)).toList();
    }

    public synchronized boolean isEmpty(String bucket) {
        return byBucket.getOrDefault(bucket, new TreeMap<>()).isEmpty();
    }

    public synchronized StoredObject delete(String bucket, String name, Long generation, Preconditions preconditions) {
        StoredObject current = get(bucket, name, generation).orElseThrow(() -> StorageException.noSuchObject(bucket, name));
        preconditions.checkWrite(Optional.of(current));
        storage.delete(current);
        bucket(bucket).remove(name);
        return current;
    }

    /** objects.patch: metadata only; the metageneration moves on. */
    public synchronized StoredObject patch(String bucket, String name, ObjectMetadata changes, Preconditions preconditions) {
        StoredObject current = get(bucket, name).orElseThrow(() -> StorageException.noSuchObject(bucket, name));
        preconditions.checkWrite(Optional.of(current));
        StoredObject updated = current.withMetadata(changes, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        storage.update(updated);
        bucket(bucket).put(name, updated);
        return updated;
    }

    public InputStream read(StoredObject object, long offset, long length) {
        return storage.read(object, offset, length);
    }

    /** copy/rewrite: the source's bytes under a new name, with the destination's metadata or else the source's. */
    public StoredObject copy(StoredObject source, String bucket, ObjectMetadata destination, Preconditions preconditions) {
        Staged staged = stage();
        append(staged, source);
        ObjectMetadata metadata = new ObjectMetadata(destination.name(),
                destination.contentType() != null ? destination.contentType() : source.contentType(),
                destination.contentEncoding() != null ? destination.contentEncoding() : source.contentEncoding(),
                destination.contentDisposition() != null ? destination.contentDisposition() : source.contentDisposition(),
                destination.contentLanguage() != null ? destination.contentLanguage() : source.contentLanguage(),
                destination.cacheControl() != null ? destination.cacheControl() : source.cacheControl(),
                destination.metadata() != null ? destination.metadata() : source.metadata(), null, null);
        return commit(bucket, metadata, staged, staged.finish(), preconditions, source.componentCount());
    }

    /** compose: the sources' bytes one after another (at most 32 sources); {@code componentCount} adds up. */
    public StoredObject compose(String bucket, List<StoredObject> sources, ObjectMetadata destination, Preconditions preconditions) {
        if (sources.isEmpty() || sources.size() > MAX_COMPOSE_SOURCES) {
            throw StorageException.invalid("The number of source components provided (" + sources.size()
                    + ") must be between 1 and " + MAX_COMPOSE_SOURCES + ".");
        }
        Staged staged = stage();
        int components = 0;
        for (StoredObject source : sources) {
            append(staged, source);
            components += source.componentCount() == null ? 1 : source.componentCount();
        }
        return commit(bucket, destination, staged, staged.finish(), preconditions, components);
    }

    private void append(Staged staged, StoredObject source) {
        try (InputStream in = read(source, 0, source.size())) {
            staged.writeAll(in, Long.MAX_VALUE, () -> { });
        } catch (IOException e) {
            staged.discard();
            throw new UncheckedIOException(e);
        }
    }

    private NavigableMap<String, StoredObject> bucket(String name) {
        return byBucket.computeIfAbsent(name, b -> new TreeMap<>());
    }
}
