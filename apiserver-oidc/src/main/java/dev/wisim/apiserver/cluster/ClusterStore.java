package dev.wisim.apiserver.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wisim.apiserver.config.ApiserverConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * side effects of each {@link Kind}. All writes are serialised.
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
    private long resourceVersion = 1000;

    public ClusterStore(Clock clock, ApiserverConfig config, ObjectMapper mapper) {
        this.clock = clock;
        this.config = config;
        this.mapper = mapper;
        this.ipPool = new PodIpPool(config.podCidr());
        for (String name : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
            create(Kinds.NAMESPACES, null, new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(), false);
        }
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
            throw KubernetesException.alreadyExists(kind.resource(), name);
        }
        object.setApiVersion("v1");
        meta.setUid(UUID.randomUUID().toString());
        meta.setCreationTimestamp(now());
        meta.setSelfLink(null);
        meta.setGeneration(null);
        meta.setResourceVersion(dryRun ? currentResourceVersion() : nextResourceVersion());
        dropEmptyMaps(meta);
        kind.prepare(object, this, dryRun);
        if (!dryRun) {
            table(kind).put(object);
            kind.created(object, this);
        }
        return kind.copy(object);
    }

    public synchronized <T extends HasMetadata> Optional<T> find(Kind<T> kind, String namespace, String name) {
        return table(kind).get(namespace, name);
    }

    public synchronized <T extends HasMetadata> T get(Kind<T> kind, String namespace, String name) {
        return find(kind, namespace, name).orElseThrow(() -> KubernetesException.notFound(kind.resource(), name));
    }

    /** @param namespace null for every namespace (and for cluster-scoped kinds) */
    public synchronized <T extends HasMetadata> List<T> list(Kind<T> kind, String namespace, Predicate<? super T> filter) {
        if (namespace != null && kind.namespaced()) {
            get(Kinds.NAMESPACES, null, namespace);
        }
        return table(kind).list(kind.namespaced() ? namespace : null, filter);
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
            throw KubernetesException.resourceVersionConflict(kind.resource(), name);
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
                throw KubernetesException.notFound(kind.resource(), name);
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

    public synchronized <T extends HasMetadata> T delete(Kind<T> kind, String namespace, String name) {
        T removed = table(kind).remove(namespace, name).orElseThrow(() -> KubernetesException.notFound(kind.resource(), name));
        kind.deleted(removed, this);
        if (kind == Kinds.NAMESPACES) {
            removed.getMetadata().setDeletionTimestamp(now());
            ((io.fabric8.kubernetes.api.model.Namespace) removed).getStatus().setPhase("Terminating");
        }
        removed.getMetadata().setResourceVersion(nextResourceVersion());
        return removed;
    }

    // --- for the kinds' hooks ----------------------------------------------------------------

    void removeNamespaceContents(String namespace) {
        for (Kind<?> kind : List.of(Kinds.PODS, Kinds.SERVICE_ACCOUNTS)) {
            removeAll(kind, namespace);
        }
    }

    private <T extends HasMetadata> void removeAll(Kind<T> kind, String namespace) {
        for (T object : table(kind).list(namespace, o -> true)) {
            table(kind).remove(namespace, object.getMetadata().getName());
            kind.deleted(object, this);
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
        return (ObjectTable<T>) tables.computeIfAbsent(kind, k -> new ObjectTable<>(kind));
    }

    private String nextResourceVersion() {
        return Long.toString(++resourceVersion);
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
