package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One watch: the kind, namespace and selectors it follows, and where its events go. An object that
 * comes to match the selectors is {@code ADDED} for it, one that stops matching is {@code DELETED},
 * as kube-apiserver's watch cache filters. The sink is called under the store's lock, in order: it
 * must only queue.
 */
public final class Subscription {

    private final Kind<?> kind;
    private final String namespace;
    private final Predicate<HasMetadata> selector;
    private final Consumer<WatchEvent> sink;

    /** @param namespace null for every namespace (and for cluster-scoped kinds) */
    public Subscription(Kind<?> kind, String namespace, Predicate<HasMetadata> selector, Consumer<WatchEvent> sink) {
        this.kind = kind;
        this.namespace = kind.namespaced() ? namespace : null;
        this.selector = selector;
        this.sink = sink;
    }

    public Kind<?> kind() {
        return kind;
    }

    void offer(Change change) {
        if (change.kind() != kind) {
            return;
        }
        boolean was = change.previous() != null && matches(change.previous());
        boolean is = matches(change.object());
        String type = switch (change.type()) {
            case Change.ADDED -> is ? Change.ADDED : null;
            case Change.DELETED -> is ? Change.DELETED : null;
            default -> was && is ? Change.MODIFIED : is ? Change.ADDED : was ? Change.DELETED : null;
        };
        if (type != null) {
            sink.accept(new WatchEvent(type, change.object(), change.resourceVersion()));
        }
    }

    /** One object as it is now, for the synthetic {@code ADDED} events a watch from the current state starts with. */
    void initial(HasMetadata object) {
        if (matches(object)) {
            sink.accept(new WatchEvent(Change.ADDED, object, Long.parseLong(object.getMetadata().getResourceVersion())));
        }
    }

    void bookmark(long resourceVersion, boolean initialEventsEnd) {
        sink.accept(WatchEvent.bookmark(resourceVersion, initialEventsEnd));
    }

    private boolean matches(HasMetadata object) {
        return (namespace == null || namespace.equals(object.getMetadata().getNamespace())) && selector.test(object);
    }
}
