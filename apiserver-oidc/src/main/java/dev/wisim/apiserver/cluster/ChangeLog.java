package dev.wisim.apiserver.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The store's most recent changes, oldest first, as far back as its capacity: what kube-apiserver's
 * watch cache and etcd's compaction window keep. A watch or a consistent list can start from any
 * resource version in {@code [floor, current]}; older ones have been compacted away.
 */
final class ChangeLog {

    private final ArrayDeque<Change> changes = new ArrayDeque<>();
    private final int capacity;
    private long floor;

    /** @param floor the resource version before the first change this log will hold */
    ChangeLog(int capacity, long floor) {
        this.capacity = capacity;
        this.floor = floor;
    }

    void add(Change change) {
        changes.addLast(change);
        while (changes.size() > capacity) {
            floor = changes.removeFirst().resourceVersion();
        }
    }

    /** Whether the history from {@code resourceVersion} on is still here. */
    boolean covers(long resourceVersion) {
        return resourceVersion >= floor;
    }

    /** The oldest resource version a watch can still start from, as kube-apiserver names it in "too old" errors. */
    long oldest() {
        return floor + 1;
    }

    /** The changes of one kind after {@code resourceVersion}, oldest first. */
    List<Change> after(long resourceVersion, Kind<?> kind) {
        List<Change> newestFirst = newestFirstAfter(resourceVersion, kind);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The changes of one kind after {@code resourceVersion}, newest first (to undo them). */
    List<Change> newestFirstAfter(long resourceVersion, Kind<?> kind) {
        List<Change> result = new ArrayList<>();
        for (Iterator<Change> it = changes.descendingIterator(); it.hasNext(); ) {
            Change change = it.next();
            if (change.resourceVersion() <= resourceVersion) {
                break;
            }
            if (change.kind() == kind) {
                result.add(change);
            }
        }
        return result;
    }
}
