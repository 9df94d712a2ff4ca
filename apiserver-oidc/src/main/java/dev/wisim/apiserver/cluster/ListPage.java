package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One page of a list, as etcd serves it under kube-apiserver: the objects in key order from a start
 * key on, at most a limit of them, as of one resource version; and, when more follow, the key the
 * next page starts after and how many remain. Keys are relative to the list's scope: {@code NAME} in
 * a namespace or for cluster-scoped kinds, {@code NAMESPACE/NAME} across namespaces.
 *
 * @param remaining how many objects follow, when no selector narrowed the list (kube-apiserver leaves it
 *                  unset otherwise); null when none follow
 */
public record ListPage<T extends HasMetadata>(List<T> items, long resourceVersion, String lastKey, Long remaining) {

    /**
     * @param state every object of the kind by store key, as of {@code resourceVersion}
     * @param start the first key to include (null: from the start)
     * @param limit at most this many (0: all)
     */
    static <T extends HasMetadata> ListPage<T> of(NavigableMap<String, T> state, String namespace, Predicate<? super T> filter,
                                                  boolean selective, long resourceVersion, String start, int limit) {
        List<T> items = new ArrayList<>();
        String lastKey = null;
        long remaining = 0;
        for (T object : state.values()) {
            if (namespace != null && !namespace.equals(object.getMetadata().getNamespace())) {
                continue;
            }
            String key = relativeKey(object, namespace);
            if (start != null && key.compareTo(start) < 0 || !filter.test(object)) {
                continue;
            }
            if (limit > 0 && items.size() == limit) {
                remaining++;
                continue;
            }
            items.add(object);
            lastKey = key;
        }
        boolean more = remaining > 0;
        return new ListPage<>(items, resourceVersion, more ? lastKey : null, more && !selective ? remaining : null);
    }

    /** Undoes {@code newestFirst} (changes after the wanted resource version) on the current objects. */
    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> NavigableMap<String, T> undo(TreeMap<String, T> current, List<Change> newestFirst,
                                                                ObjectTable<T> table) {
        for (Change change : newestFirst) {
            String key = table.key(change.object());
            if (Change.ADDED.equals(change.type())) {
                current.remove(key);
            } else {
                current.put(key, (T) change.previous());
            }
        }
        return current;
    }

    private static String relativeKey(HasMetadata object, String namespace) {
        String objectNamespace = object.getMetadata().getNamespace();
        return namespace != null || objectNamespace == null ? object.getMetadata().getName()
                : objectNamespace + "/" + object.getMetadata().getName();
    }
}
