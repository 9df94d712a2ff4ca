package dev.wisim.storage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the simulated Cloud Storage. Every key has an env-var form, e.g. {@code STORAGE_EXTERNAL_URL}. */
@ConfigMapping(prefix = "storage")
public interface StorageConfig {

    /** The URL clients reach this server at; {@code selfLink} and {@code mediaLink} are built from it. */
    @WithDefault("http://127.0.0.1:8083")
    String externalUrl();

    /** IAM, whose tokeninfo resolves bearer tokens and which holds project policies. */
    @WithDefault("http://127.0.0.1:8082")
    String iamUrl();

    /** The longest a resolved token is trusted without asking IAM again (never past its expiry). */
    @WithDefault("PT30S")
    Duration tokenCacheMax();

    /** Where buckets and objects are kept on disk; in memory when unset. */
    Optional<Path> dataDir();

    /** Largest object accepted in one upload. */
    @WithDefault("104857600")
    long maxUploadBytes();
}
