package dev.wisim.storage.object;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.storage.config.StorageConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Disk storage under {@code storage.data-dir} when it is set (the stack sets it), memory otherwise. */
public class StorageProducer {

    @Produces
    @Singleton
    ObjectStorage storage(StorageConfig config, ObjectMapper mapper) {
        return config.dataDir().<ObjectStorage>map(dir -> {
            Log.infof("keeping buckets and objects in %s", dir.toAbsolutePath());
            return new DiskStorage(dir, mapper);
        }).orElseGet(MemoryStorage::new);
    }
}
