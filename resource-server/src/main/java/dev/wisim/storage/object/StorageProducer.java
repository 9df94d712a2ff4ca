package dev.wisim.storage.object;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.durable.StateDb;
import dev.wisim.storage.config.StorageConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Disk storage under {@code storage.data-dir} when it is set (the stack sets it), memory otherwise; the same for resumable sessions. */
public class StorageProducer {

    @Produces
    @Singleton
    ObjectStorage storage(StorageConfig config, ObjectMapper mapper) {
        return config.dataDir().<ObjectStorage>map(dir -> {
            Log.infof("keeping buckets and objects in %s", dir.toAbsolutePath());
            return new DiskStorage(dir, mapper);
        }).orElseGet(MemoryStorage::new);
    }

    /** Resumable sessions, next to the objects: {@code DATA_DIR/sessions.db}. */
    @Produces
    @Singleton
    StateDb sessions(StorageConfig config, ObjectMapper mapper) {
        return StateDb.forService(config.dataDir(), "sessions.db", mapper);
    }

    void close(@Disposes StateDb db) {
        db.close();
    }
}
