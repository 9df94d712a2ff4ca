package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * What one watcher receives: {@code ADDED}, {@code MODIFIED}, {@code DELETED} with the object (as
 * its selectors see it), or a {@code BOOKMARK} that only says how far the watcher has been brought.
 */
public record WatchEvent(String type, HasMetadata object, long resourceVersion, boolean initialEventsEnd) {

    public static final String BOOKMARK = "BOOKMARK";

    WatchEvent(String type, HasMetadata object, long resourceVersion) {
        this(type, object, resourceVersion, false);
    }

    /** @param initialEventsEnd the bookmark that ends a watch's initial events ({@code sendInitialEvents=true}) */
    static WatchEvent bookmark(long resourceVersion, boolean initialEventsEnd) {
        return new WatchEvent(BOOKMARK, null, resourceVersion, initialEventsEnd);
    }
}
