package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The objects of one namespaced resource, keyed by namespace and name, in name order. Not
 * thread-safe on its own: {@link ClusterStore} serialises access.
 */
final class ObjectTable<T extends HasMetadata> {

    private final String resource;
    private final UnaryOperator<T> copy;
    private final Map<String, T> objects = new TreeMap<>();

    ObjectTable(String resource, UnaryOperator<T> copy) {
        this.resource = resource;
        this.copy = copy;
    }

    String resource() {
        return resource;
    }

    Optional<T> get(String namespace, String name) {
        return Optional.ofNullable(objects.get(key(namespace, name))).map(copy);
    }

    T require(String namespace, String name) {
        return get(namespace, name).orElseThrow(() -> KubernetesException.notFound(resource, name));
    }

    List<T> list(String namespace, Predicate<T> filter) {
        List<T> result = new ArrayList<>();
        for (T object : objects.values()) {
            if ((namespace == null || namespace.equals(object.getMetadata().getNamespace())) && filter.test(object)) {
                result.add(copy.apply(object));
            }
        }
        return result;
    }

    void insert(T object) {
        ObjectMeta meta = object.getMetadata();
        String key = key(meta.getNamespace(), meta.getName());
        if (objects.containsKey(key)) {
            throw KubernetesException.alreadyExists(resource, meta.getName());
        }
        objects.put(key, copy.apply(object));
    }

    void replace(T object) {
        objects.put(key(object.getMetadata().getNamespace(), object.getMetadata().getName()), copy.apply(object));
    }

    T remove(String namespace, String name) {
        T removed = objects.remove(key(namespace, name));
        if (removed == null) {
            throw KubernetesException.notFound(resource, name);
        }
        return removed;
    }

    void removeNamespace(String namespace) {
        objects.values().removeIf(o -> namespace.equals(o.getMetadata().getNamespace()));
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
