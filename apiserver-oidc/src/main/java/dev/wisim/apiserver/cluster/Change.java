package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One write to the store, at the resource version it made: the object as written (for
 * {@code DELETED}, as it was removed) and the object it replaced (none for {@code ADDED}).
 */
public record Change(long resourceVersion, String type, Kind<?> kind, HasMetadata object, HasMetadata previous) {

    public static final String ADDED = "ADDED";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";
}
