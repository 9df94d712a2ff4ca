package dev.wisim.apiserver.cluster;

import dev.wisim.durable.StateDb;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wisim.apiserver.config.ApiserverConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The cluster's objects, by kind: create, read, list, update, patch and delete with uids,
 * monotonically increasing resource versions, optimistic concurrency, dry runs, and the defaults and
 * side effects of each {@link Kind}. All writes are serialised; each is a {@link Change} in a
 * bounded history, from which watches start and consistent (paged, or exact) lists are served.
 */
@ApplicationScoped
public class ClusterStore {

    static final String NAME_LABEL = "kubernetes.io/metadata.name";
    static final String HOST_IP = "10.128.0.2";

    private final Clock clock;
    private final ApiserverConfig config;
    private final ObjectMapper mapper;
    private final PodIpPool ipPool;
    private final Map<Kind<?>, ObjectTable<?>> tables = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    /**
     * Resource versions start at the microsecond the store was made: a store made again (the API server
     * restarted, its objects lost) starts above every version the old one gave out, so that a watch
     * from one of those is "too old" (410) and its client lists again, rather than waiting for a
     * version the new store will reach only much later.
     */
    private long resourceVersion;
    private final ChangeLog changes;
    private final StateDb db;

    public ClusterStore(Clock clock, ApiserverConfig config, ObjectMapper mapper, StateDb db) {
        this.clock = clock;
        this.config = config;
        this.mapper = mapper;
        this.db = db;
        this.ipPool = new PodIpPool(config.podCidr());
        Instant start = clock.instant();
        long version = start.getEpochSecond() * 1_000_000 + start.getNano() / 1_000;
        // the objects a previous run acknowledged, with their resource versions; their pods keep their addresses
        for (Kind<?> kind : Kinds.ALL) {
            for (HasMetadata object : table(kind).list(null, o -> true)) {
                version = Math.max(version, Long.parseLong(object.getMetadata().getResourceVersion()));
                if (object instanceof Pod pod && pod.getStatus() != null && pod.getStatus().getPodIP() != null) {
                    ipPool.claim(pod.getStatus().getPodIP());
                }
            }
        }
        this.resourceVersion = version;
        this.changes = new ChangeLog(config.watchHistory(), resourceVersion);
        for (String name : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
            if (find(Kinds.NAMESPACES, null, name).isEmpty()) {
                create(Kinds.NAMESPACES, null, new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(), false);
            }
        }
        BootstrapPolicy.reconcile(this);
    }

    /** An object as a patch left it, and whether the patch created it (server-side apply). */
    public record Patched<T>(T object, boolean created) {
    }

    public synchronized String currentResourceVersion() {
        return Long.toString(resourceVersion);
    }

    public synchronized <T extends HasMetadata> T create(Kind<T> kind, String namespace, T requested, boolean dryRun) {
        T object = kind.copy(requested);
        if (object.getMetadata() == null) {
            object.setMetadata(new ObjectMeta());
        }
        ObjectMeta meta = object.getMetadata();
        String name = meta.getName();
        if (kind.namespaced()) {
            if (meta.getNamespace() != null && !meta.getNamespace().isEmpty() && !meta.getNamespace().equals(namespace)) {
                throw KubernetesException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            meta.setNamespace(namespace);
        } else {
            meta.setNamespace(null);
        }
        kind.checkName(name).ifPresent(cause -> {
            throw KubernetesException.invalid(kind.kind(), null, name, cause);
        });
        if (kind.namespaced() && find(Kinds.NAMESPACES, null, namespace).isEmpty()) {
            throw KubernetesException.notFound("namespaces", namespace);
        }
        if (table(kind).get(namespace, name).isPresent()) {
            throw KubernetesException.alreadyExists(kind, name);
        }
        object.setApiVersion(kind.apiVersion());
        meta.setUid(UUID.randomUUID().toString());
        meta.setCreationTimestamp(now());
        meta.setSelfLink(null);
        meta.setGeneration(null);
        meta.setResourceVersion(dryRun ? currentResourceVersion() : nextResourceVersion());
        dropEmptyMaps(meta);
        kind.prepare(object, this, dryRun);
        if (!dryRun) {
            // the object and what its creation makes (a namespace's default KSA) reach the disk together
            db.transaction(() -> {
                table(kind).put(object);
                record(Change.ADDED, kind, kind.copy(object), null);
                kind.created(object, this);
            });
        }
        return kind.copy(object);
    }

    public synchronized <T extends HasMetadata> Optional<T> find(Kind<T> kind, String namespace, String name) {
        return table(kind).get(namespace, name);
    }

    public synchronized <T extends HasMetadata> T get(Kind<T> kind, String namespace, String name) {
        return find(kind, namespace, name).orElseThrow(() -> KubernetesException.notFound(kind, name));
    }

    /** The objects now. @param namespace null for every namespace (and for cluster-scoped kinds) */
    public synchronized <T extends HasMetadata> List<T> list(Kind<T> kind, String namespace, Predicate<? super T> filter) {
        return table(kind).list(kind.namespaced() ? namespace : null, filter);
    }

    /**
     * A page of a list (a namespace that does not exist has no objects, as in Kubernetes).
     *
     * @param at        the resource version to list as of; null for now
     * @param start     the first key of the page (see {@link ListPage}); null for the first page
     * @param limit     at most this many objects; 0 for all
     * @param selective whether a selector narrowed the list (then the remaining count is not known)
     */
    public synchronized <T extends HasMetadata> ListPage<T> list(Kind<T> kind, String namespace, Predicate<? super T> filter,
                                                              boolean selective, Long at, String start, int limit) {
        long version = at == null ? resourceVersion : at;
        if (version > resourceVersion) {
            throw KubernetesException.tooLargeResourceVersion(version, resourceVersion);
        }
        if (!changes.covers(version)) {
            throw KubernetesException.expired("The resourceVersion for the provided list is too old.");
        }
        ObjectTable<T> table = table(kind);
        return ListPage.of(ListPage.undo(table.snapshot(), changes.newestFirstAfter(version, kind), table),
                kind.namespaced() ? namespace : null, filter, selective, version, start, limit);
    }

    /**
     * Starts a watch: the subscription receives the changes after {@code after}, or (null) synthetic
     * {@code ADDED} events for the objects as they are now, then every change as it is made.
     *
     * @param initialEventsEnd end the initial events with a bookmark ({@code sendInitialEvents=true})
     * @return what stops the watch
     */
    public synchronized Runnable watch(Subscription subscription, Long after, boolean initialEventsEnd) {
        if (after == null) {
            table(subscription.kind()).snapshot().values().forEach(subscription::initial);
        } else if (!changes.covers(after)) {
            throw KubernetesException.expired("too old resource version: " + after + " (" + changes.oldest() + ")");
        } else {
            changes.after(after, subscription.kind()).forEach(subscription::offer);
        }
        if (initialEventsEnd) {
            subscription.bookmark(resourceVersion, true);
        }
        subscriptions.add(subscription);
        return () -> unsubscribe(subscription);
    }

    /** Tells a watcher how far it has been brought: every change up to now has been offered to it. */
    public synchronized void bookmark(Subscription subscription) {
        subscription.bookmark(resourceVersion, false);
    }

    private synchronized void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    /** PUT: replaces the object; a {@code resourceVersion} in the body must be the stored one. */
    public synchronized <T extends HasMetadata> T update(Kind<T> kind, String namespace, String name, T replacement, boolean dryRun) {
        T current = get(kind, namespace, name);
        ObjectMeta meta = replacement.getMetadata();
        if (meta == null || !name.equals(meta.getName())) {
            throw KubernetesException.badRequest("the name of the object (" + (meta == null ? "" : meta.getName())
                    + ") does not match the name on the URL (" + name + ")");
        }
        if (kind.namespaced() && meta.getNamespace() != null && !meta.getNamespace().isEmpty() && !meta.getNamespace().equals(namespace)) {
            throw KubernetesException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        String wanted = meta.getResourceVersion();
        if (wanted != null && !wanted.isEmpty() && !wanted.equals(current.getMetadata().getResourceVersion())) {
            throw KubernetesException.resourceVersionConflict(kind, name);
        }
        T updated = kind.copy(replacement);
        updated.setApiVersion(current.getApiVersion());
        ObjectMeta was = current.getMetadata();
        ObjectMeta now = updated.getMetadata();
        now.setNamespace(was.getNamespace());
        now.setUid(was.getUid());
        now.setCreationTimestamp(was.getCreationTimestamp());
        now.setResourceVersion(dryRun ? was.getResourceVersion() : nextResourceVersion());
        dropEmptyMaps(now);
        kind.keep(current, updated);
        if (!dryRun) {
            table(kind).put(updated);
            record(Change.MODIFIED, kind, kind.copy(updated), current);
        }
        return kind.copy(updated);
    }

    /**
     * Applies a patch to the stored object's JSON and stores the result as an update (a
     * {@code resourceVersion} the patch sets is a precondition). Server-side apply creates a
     * missing object.
     *
     * @param bind turns the patched JSON into the object, with the request's field validation
     */
    public synchronized <T extends HasMetadata> Patched<T> patch(Kind<T> kind, String namespace, String name, String patchType,
                                                                 JsonNode patch, Function<JsonNode, T> bind, boolean dryRun) {
        Optional<T> current = find(kind, namespace, name);
        if (current.isEmpty()) {
            if (!Patches.APPLY_PATCH.equals(patchType)) {
                throw KubernetesException.notFound(kind, name);
            }
            T created = bind.apply(patch);
            if (created.getMetadata() == null || !name.equals(created.getMetadata().getName())) {
                throw KubernetesException.badRequest("the name of the object (" + (created.getMetadata() == null ? ""
                        : created.getMetadata().getName()) + ") does not match the name on the URL (" + name + ")");
            }
            return new Patched<>(create(kind, namespace, created, dryRun), true);
        }
        JsonNode target = mapper.valueToTree(current.get());
        JsonNode patched = Patches.apply(patchType, target, patch, mapper);
        if (patched instanceof ObjectNode object && Patches.APPLY_PATCH.equals(patchType)) {
            ((ObjectNode) object.path("metadata")).remove("managedFields");
        }
        return new Patched<>(update(kind, namespace, name, bind.apply(patched), dryRun), false);
    }

    /**
     * Deletes an object. A graceful deletion (pods, namespaces) is first a change that marks it
     * terminating — what the caller gets back, as from kube-apiserver — and then, its grace period
     * taken at once, its removal; other kinds are removed in one change.
     */
    public synchronized <T extends HasMetadata> T delete(Kind<T> kind, String namespace, String name) {
        table(kind).get(namespace, name).orElseThrow(() -> KubernetesException.notFound(kind, name));
        // the object and what goes with it (a namespace's contents) leave the disk together
        return db.transaction(() -> deleteNow(kind, namespace, name));
    }

    private <T extends HasMetadata> T deleteNow(Kind<T> kind, String namespace, String name) {
        T stored = table(kind).remove(namespace, name).orElseThrow(() -> KubernetesException.notFound(kind, name));
        T removed = kind.copy(stored);
        T answer = null;
        if (kind.terminating(removed, now())) {
            removed.getMetadata().setResourceVersion(nextResourceVersion());
            record(Change.MODIFIED, kind, kind.copy(removed), stored);
            answer = kind.copy(removed);
        }
        kind.deleted(removed, this);
        T previous = kind.copy(removed);
        removed.getMetadata().setResourceVersion(nextResourceVersion());
        record(Change.DELETED, kind, kind.copy(removed), answer == null ? stored : previous);
        return answer == null ? removed : answer;
    }

    /** {@code deletecollection}: deletes the selected objects one by one; what was deleted, in key order. */
    public synchronized <T extends HasMetadata> List<T> deleteCollection(Kind<T> kind, String namespace, Predicate<? super T> filter,
                                                                        boolean dryRun) {
        List<T> selected = list(kind, namespace, filter);
        if (dryRun) {
            return selected;
        }
        List<T> deleted = new ArrayList<>();
        for (T object : selected) {
            deleted.add(delete(kind, object.getMetadata().getNamespace(), object.getMetadata().getName()));
        }
        return deleted;
    }

    // --- for the kinds' hooks ----------------------------------------------------------------

    void removeNamespaceContents(String namespace) {
        for (Kind<?> kind : List.of(Kinds.PODS, Kinds.SERVICE_ACCOUNTS, RbacKinds.ROLES, RbacKinds.ROLE_BINDINGS)) {
            for (HasMetadata object : table(kind).list(namespace, o -> true)) {
                deleteNow(kind, namespace, object.getMetadata().getName());
            }
        }
    }

    String allocatePodIp() {
        return ipPool.allocate();
    }

    /** The address a pod asks for (Calico's {@code cni.projectcalico.org/ipAddrs}), if it is free. */
    boolean claimPodIp(String ip) {
        return ipPool.claim(ip);
    }

    void releasePodIp(String ip) {
        ipPool.release(ip);
    }

    String nodeName() {
        return config.nodeName();
    }

    String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // --- internals ---------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> ObjectTable<T> table(Kind<T> kind) {
        return (ObjectTable<T>) tables.computeIfAbsent(kind, k -> new ObjectTable<>(kind, db));
    }

    private String nextResourceVersion() {
        return Long.toString(++resourceVersion);
    }

    /** A write that happened: into the history, and to every watch. */
    private void record(String type, Kind<?> kind, HasMetadata object, HasMetadata previous) {
        Change change = new Change(resourceVersion, type, kind, object, previous);
        changes.add(change);
        for (Subscription subscription : subscriptions) {
            subscription.offer(change);
        }
    }

    private static void dropEmptyMaps(ObjectMeta meta) {
        if (meta.getAnnotations() != null && meta.getAnnotations().isEmpty()) {
            meta.setAnnotations(null);
        }
        if (meta.getLabels() != null && meta.getLabels().isEmpty()) {
            meta.setLabels(null);
        }
    }
}
