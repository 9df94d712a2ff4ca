package dev.wisim.storage.object;

import dev.wisim.durable.StateDb;
import dev.wisim.storage.rest.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resumable upload sessions: the object's metadata and preconditions fixed when the session starts,
 * its bytes staged as chunks arrive in order, the object committed when the last byte is in. A session
 * is a week long, as Google's. Where storage is on disk a session survives a restart: its record is in
 * {@code sessions.db}, and a chunk is synced to its file before it is acknowledged, so a client that
 * asks for the offset after a crash resumes from every byte it was told was received.
 */
@ApplicationScoped
public class ResumableUploads {

    static final Duration LIFETIME = Duration.ofDays(7);

    /**
     * @param declaredLength {@code X-Upload-Content-Length}, when the client gave it
     * @param result         the object, once the upload is complete
     */
    public static final class Session {
        public final String id;
        public final String bucket;
        public final ObjectMetadata metadata;
        public final Preconditions preconditions;
        public final Long declaredLength;
        final Staged staged;
        final Instant started;
        volatile StoredObject result;

        Session(String id, String bucket, ObjectMetadata metadata, Preconditions preconditions, Long declaredLength, Staged staged,
                Instant started) {
            this.id = id;
            this.bucket = bucket;
            this.metadata = metadata;
            this.preconditions = preconditions;
            this.declaredLength = declaredLength;
            this.staged = staged;
            this.started = started;
        }

        public long received() {
            return result != null ? result.size() : staged.size();
        }

        public Optional<StoredObject> result() {
            return Optional.ofNullable(result);
        }
    }

    /** What a session is, without its bytes: what a restart needs to take it up again. */
    record SessionRecord(String id, String bucket, ObjectMetadata metadata, Preconditions preconditions, Long declaredLength,
                         Instant started) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, SessionRecord> records;
    private final Objects objects;
    private final Clock clock;

    public ResumableUploads(Objects objects, Clock clock, StateDb db) {
        this.objects = objects;
        this.clock = clock;
        this.records = Collections.synchronizedMap(db.map("resumableSessions", SessionRecord.class, new HashMap<>()));
    }

    public Session start(String bucket, ObjectMetadata metadata, Preconditions preconditions, Long declaredLength) {
        if (metadata.name() != null && !metadata.name().isEmpty()) {
            Objects.checkName(metadata.name());
        }
        Instant now = clock.instant();
        sessions.values().removeIf(s -> {
            boolean expired = s.started.plus(LIFETIME).isBefore(now);
            if (expired) {
                s.staged.discard();
            }
            return expired;
        });
        synchronized (records) {
            records.values().removeIf(r -> r.started().plus(LIFETIME).isBefore(now) && !sessions.containsKey(r.id()));
        }
        String id = "ADPycd" + UUID.randomUUID().toString().replace("-", "");
        records.put(id, new SessionRecord(id, bucket, metadata, preconditions, declaredLength, now));
        Session session = new Session(id, bucket, metadata, preconditions, declaredLength, objects.stage(id), now);
        sessions.put(id, session);
        return session;
    }

    public Session find(String id) {
        Session session = id == null ? null : sessions.computeIfAbsent(id, this::resumed);
        if (session == null) {
            throw StorageException.noSuchUpload();
        }
        return session;
    }

    /** A session a previous run started, taken up again with the bytes it acknowledged; null if there is none. */
    private Session resumed(String id) {
        SessionRecord record = records.get(id);
        if (record == null) {
            return null;
        }
        return objects.resume(id).map(staged -> new Session(record.id(), record.bucket(), record.metadata(), record.preconditions(),
                record.declaredLength(), staged, record.started())).orElse(null);
    }

    /**
     * Takes a chunk that starts at byte {@code first}: bytes already received are skipped; a chunk that
     * starts beyond them is not taken (the client resends from the acknowledged offset).
     *
     * @return whether the chunk was taken
     */
    public boolean append(Session session, long first, byte[] chunk, long limit) {
        synchronized (session) {
            if (session.result != null) {
                return true;
            }
            long received = session.staged.size();
            if (first > received) {
                return false;
            }
            int skip = (int) Math.min(chunk.length, received - first);
            if (received + chunk.length - skip > limit) {
                throw StorageException.tooLarge(limit);
            }
            session.staged.write(chunk, skip, chunk.length - skip);
            session.staged.persist();   // on disk before the 308 acknowledges it
            return true;
        }
    }

    /** Commits the upload once all {@code total} bytes are in (with the hashes the client declared at the end, if any). */
    public StoredObject complete(Session session, long total, String md5, String crc32c) {
        synchronized (session) {
            if (session.result != null) {
                return session.result;
            }
            if (session.staged.size() != total || (session.declaredLength != null && session.declaredLength != total)) {
                throw StorageException.invalid("The upload's size " + session.staged.size() + " does not match the declared size "
                        + (session.declaredLength != null ? session.declaredLength : total) + ".");
            }
            ObjectMetadata metadata = session.metadata;
            if (md5 != null || crc32c != null) {
                metadata = new ObjectMetadata(metadata.name(), metadata.contentType(), metadata.contentEncoding(),
                        metadata.contentDisposition(), metadata.contentLanguage(), metadata.cacheControl(), metadata.metadata(),
                        md5 != null ? md5 : metadata.md5Hash(), crc32c != null ? crc32c : metadata.crc32c());
            }
            try {
                session.result = objects.put(session.bucket, metadata, session.staged, session.preconditions);
                return session.result;
            } finally {
                records.remove(session.id);
                if (session.result == null) {
                    sessions.remove(session.id);
                }
            }
        }
    }

    /** Cancels the session and discards its bytes. */
    public void cancel(Session session) {
        records.remove(session.id);
        sessions.remove(session.id);
        session.staged.discard();
    }
}
