package dev.wisim.storage.object;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.storage.bucket.Bucket;
import io.quarkus.logging.Log;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Buckets and objects as files under a directory: {@code buckets/NAME.json};
 * {@code objects/BUCKET/KEY.json} (the live generation's metadata, KEY the SHA-256 of the name) beside
 * {@code objects/BUCKET/KEY.GENERATION} (its bytes); uploads in {@code staging/}. A commit writes the
 * bytes, syncs them, moves them in place, then atomically replaces the metadata file: that rename is
 * the commit point. At start-up, staged and unreferenced files (a crash mid-commit) are removed.
 */
public class DiskStorage implements ObjectStorage {

    private final Path buckets;
    private final Path objects;
    private final Path staging;
    private final Path sessions;
    private final ObjectMapper mapper;

    public DiskStorage(Path dir, ObjectMapper mapper) {
        this.buckets = dir.resolve("buckets");
        this.objects = dir.resolve("objects");
        this.staging = dir.resolve("staging");
        this.sessions = dir.resolve("sessions");
        this.mapper = mapper;
        try {
            Files.createDirectories(buckets);
            Files.createDirectories(objects);
            Files.createDirectories(staging);
            Files.createDirectories(sessions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + dir + " for storage", e);
        }
    }

    @Override
    public Staged stage() {
        return new OnDisk(staging.resolve(UUID.randomUUID().toString()));
    }

    @Override
    public Staged stage(String sessionId) {
        return new OnDisk(sessions.resolve(sessionId));
    }

    @Override
    public Optional<Staged> resume(String sessionId) {
        Path file = sessions.resolve(sessionId);
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);   // a session whose first chunk never came
            }
            return Optional.of(OnDisk.resumed(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume the upload session in " + file, e);
        }
    }

    @Override
    public void commit(StoredObject object, Staged content, StoredObject previous) {
        OnDisk staged = (OnDisk) content;
        staged.finish();
        Path dir = objects.resolve(object.bucket());
        try {
            Files.createDirectories(dir);
            staged.sync();
            move(staged.file, dataFile(object));
            writeAtomically(metadataFile(object), mapper.writeValueAsBytes(object));
            if (previous != null && previous.generation() != object.generation()) {
                Files.deleteIfExists(dataFile(previous));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + object.bucket() + "/" + object.name(), e);
        }
    }

    @Override
    public void update(StoredObject object) {
        try {
            writeAtomically(metadataFile(object), mapper.writeValueAsBytes(object));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + object.bucket() + "/" + object.name(), e);
        }
    }

    @Override
    public void delete(StoredObject object) {
        try {
            Files.deleteIfExists(metadataFile(object));
            Files.deleteIfExists(dataFile(object));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + object.bucket() + "/" + object.name(), e);
        }
    }

    @Override
    public InputStream read(StoredObject object, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(dataFile(object), StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + object.bucket() + "/" + object.name(), e);
        }
    }

    @Override
    public List<StoredObject> objects() {
        List<StoredObject> live = new ArrayList<>();
        Set<Path> referenced = new HashSet<>();
        try (Stream<Path> files = Files.walk(objects, 2)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                StoredObject object = mapper.readValue(file.toFile(), StoredObject.class);
                if (Files.exists(dataFile(object))) {
                    live.add(object);
                    referenced.add(dataFile(object));
                    referenced.add(file);
                } else {
                    Log.warnf("dropping %s/%s: its bytes are missing", object.bucket(), object.name());
                }
            }
            try (Stream<Path> all = Files.walk(objects, 2)) {
                for (Path stray : all.filter(Files::isRegularFile).filter(f -> !referenced.contains(f)).toList()) {
                    Files.deleteIfExists(stray);
                }
            }
            try (Stream<Path> staged = Files.list(staging)) {
                for (Path stray : staged.toList()) {
                    Files.deleteIfExists(stray);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored objects in " + objects, e);
        }
        return live;
    }

    @Override
    public void save(Bucket bucket) {
        try {
            writeAtomically(buckets.resolve(bucket.name() + ".json"), mapper.writeValueAsBytes(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store bucket " + bucket.name(), e);
        }
    }

    @Override
    public void deleteBucket(String name) {
        try {
            Files.deleteIfExists(buckets.resolve(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete bucket " + name, e);
        }
    }

    @Override
    public List<Bucket> buckets() {
        try (Stream<Path> files = Files.list(buckets)) {
            List<Bucket> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                all.add(mapper.readValue(file.toFile(), Bucket.class));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the buckets in " + buckets, e);
        }
    }

    private Path metadataFile(StoredObject object) {
        return objects.resolve(object.bucket()).resolve(key(object.name()) + ".json");
    }

    private Path dataFile(StoredObject object) {
        return objects.resolve(object.bucket()).resolve(key(object.name()) + "." + object.generation());
    }

    private static String key(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Write a temporary file beside the target, sync it, rename it over the target. */
    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        move(tmp, target);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Staged bytes in a file of {@code staging/}. */
    static final class OnDisk extends Staged {

        final Path file;
        private OutputStream out;

        private boolean append;

        OnDisk(Path file) {
            this.file = file;
        }

        /** The bytes a previous run wrote to {@code file}, taken in again; what comes next is appended. */
        static OnDisk resumed(Path file) throws IOException {
            OnDisk staged = new OnDisk(file);
            staged.append = true;
            try (InputStream kept = Files.newInputStream(file)) {
                staged.replay(kept);
            }
            return staged;
        }

        @Override
        protected OutputStream sink() {
            if (out == null) {
                try {
                    out = new BufferedOutputStream(append ? Files.newOutputStream(file, StandardOpenOption.APPEND)
                            : Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 256 * 1024);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot stage an upload in " + file, e);
                }
            }
            return out;
        }

        @Override
        public void persist() {
            super.persist();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot sync the upload staged in " + file, e);
            }
        }

        void sync() throws IOException {
            sink().close();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }

        @Override
        public void discard() {
            try {
                if (out != null) {
                    out.close();
                }
                Files.deleteIfExists(file);
            } catch (IOException e) {
                Log.warnf("cannot discard the staged upload %s: %s", file, e.getMessage());
            }
        }
    }
}
