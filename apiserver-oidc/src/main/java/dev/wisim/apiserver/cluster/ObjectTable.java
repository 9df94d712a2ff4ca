package dev.wisim.apiserver.cluster;

import dev.wisim.durable.StateDb;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The objects of one kind, keyed by namespace and name, in that order; copies go in and out, and
 * every change is written to the state database first. Not thread-safe on its own: {@link
 * ClusterStore} serialises access.
 */
final class ObjectTable<T extends HasMetadata> {

    private final Kind<T> kind;
    /** Written through to the store's state database: an object put or removed is on disk before the call returns. */
    private final Map<String, T> objects;

    ObjectTable(Kind<T> kind, StateDb db) {
        this.kind = kind;
        this.objects = db.map(kind.resource(), kind.type(), new TreeMap<>());
    }

    Optional<T> get(String namespace, String name) {
        return Optional.ofNullable(objects.get(key(namespace, name))).map(kind::copy);
    }

    /** @param namespace null for every namespace */
    List<T> list(String namespace, Predicate<? super T> filter) {
        List<T> result = new ArrayList<>();
        for (T object : objects.values()) {
            if ((namespace == null || namespace.equals(object.getMetadata().getNamespace())) && filter.test(object)) {
                result.add(kind.copy(object));
            }
        }
        return result;
    }

    void put(T object) {
        objects.put(key(object.getMetadata().getNamespace(), object.getMetadata().getName()), kind.copy(object));
    }

    Optional<T> remove(String namespace, String name) {
        return Optional.ofNullable(objects.remove(key(namespace, name)));
    }

    /** Every object by key, in key order (copies). */
    TreeMap<String, T> snapshot() {
        TreeMap<String, T> copy = new TreeMap<>();
        objects.forEach((key, object) -> copy.put(key, kind.copy(object)));
        return copy;
    }

    String key(HasMetadata object) {
        return key(object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    private String key(String namespace, String name) {
        return (kind.namespaced() ? namespace : "") + "/" + name;
    }
}
