package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.FieldSelector;
import dev.wisim.apiserver.cluster.Kind;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.LabelSelector;
import dev.wisim.apiserver.cluster.ListPage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A list request served from the store with its resource-version semantics and paging, and the list it answers. */
final class Lists {

    private Lists() {
    }

    static Predicate<HasMetadata> selector(Kind<?> kind, ListOptions options) {
        return LabelSelector.parse(options.labelSelector()).and(FieldSelector.parse(kind, options.fieldSelector()));
    }

    static <T extends HasMetadata> ListPage<T> page(ClusterStore store, Kind<T> kind, String namespace, ListOptions options) {
        Predicate<HasMetadata> selector = selector(kind, options);
        Long notOlderThan = options.notOlderThan();
        long current = Long.parseLong(store.currentResourceVersion());
        if (notOlderThan != null && notOlderThan > current) {
            throw KubernetesException.tooLargeResourceVersion(notOlderThan, current);
        }
        try {
            return store.list(kind, namespace, selector, options.selective(), options.listAt(), options.start(), options.limit());
        } catch (KubernetesException e) {
            if (e.code() != 410 || options.continueToken() == null) {
                throw e;
            }
            // the snapshot is gone: a token that goes on from the same key, at the current state
            throw KubernetesException.expiredContinue(ContinueToken.after(current, options.start().substring(0,
                    options.start().length() - 1)));
        }
    }

    /** A list's {@code metadata}: its resource version, and the continuation when more items follow. */
    static Map<String, Object> metadata(ListPage<?> page) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", Long.toString(page.resourceVersion()));
        if (page.lastKey() != null) {
            metadata.put("continue", ContinueToken.after(page.resourceVersion(), page.lastKey()));
        }
        if (page.remaining() != null) {
            metadata.put("remainingItemCount", page.remaining());
        }
        return metadata;
    }

    static Map<String, Object> body(Kind<?> kind, List<? extends HasMetadata> items, Map<String, Object> metadata) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("kind", kind.kind() + "List");
        list.put("apiVersion", kind.apiVersion());
        list.put("metadata", metadata);
        list.put("items", items);
        return list;
    }
}
