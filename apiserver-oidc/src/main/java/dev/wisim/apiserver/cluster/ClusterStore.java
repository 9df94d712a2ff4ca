package dev.wisim.apiserver.cluster;

import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.apiserver.cluster.KubernetesException.Cause;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The cluster's objects: namespaces, service accounts and pods, with uids, monotonically increasing
 * resource versions and the defaults the API server and its controllers apply.
 */
@ApplicationScoped
public class ClusterStore {

    static final String NAME_LABEL = "kubernetes.io/metadata.name";

    private final Clock clock;
    private final ApiserverConfig config;
    private final PodIpPool ipPool;
    private final Map<String, Namespace> namespaces = new java.util.TreeMap<>();
    private final ObjectTable<ServiceAccount> serviceAccounts =
            new ObjectTable<>("serviceaccounts", sa -> new ServiceAccountBuilder(sa).build());
    private final ObjectTable<Pod> pods = new ObjectTable<>("pods", pod -> new PodBuilder(pod).build());
    private long resourceVersion = 1000;

    public ClusterStore(Clock clock, ApiserverConfig config) {
        this.clock = clock;
        this.config = config;
        this.ipPool = new PodIpPool(config.podCidr());
        for (String name : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
            createNamespace(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(), false);
        }
    }

    public synchronized String currentResourceVersion() {
        return Long.toString(resourceVersion);
    }

    // --- namespaces --------------------------------------------------------------------------

    public synchronized Namespace createNamespace(Namespace requested, boolean dryRun) {
        String name = requested.getMetadata() == null ? null : requested.getMetadata().getName();
        Names.checkLabel(name).ifPresent(cause -> {
            throw KubernetesException.invalid("Namespace", null, name, cause);
        });
        if (namespaces.containsKey(name)) {
            throw KubernetesException.alreadyExists("namespaces", name);
        }
        Namespace ns = new NamespaceBuilder(requested)
                .withApiVersion("v1").withKind("Namespace")
                .editMetadata().addToLabels(NAME_LABEL, name).endMetadata()
                .withNewSpec().withFinalizers("kubernetes").endSpec()
                .withNewStatus().withPhase("Active").endStatus()
                .build();
        stamp(ns, null);
        if (!dryRun) {
            namespaces.put(name, ns);
            ServiceAccount defaultSa = new ServiceAccountBuilder().withNewMetadata()
                    .withName("default").withNamespace(name).endMetadata().build();
            createServiceAccount(name, defaultSa, false);
        }
        return copy(ns);
    }

    public synchronized Namespace namespace(String name) {
        return Optional.ofNullable(namespaces.get(name)).map(ClusterStore::copy)
                .orElseThrow(() -> KubernetesException.notFound("namespaces", name));
    }

    public synchronized List<Namespace> namespaces() {
        return namespaces.values().stream().map(ClusterStore::copy).toList();
    }

    /** Deletes the namespace and everything in it at once (a real cluster would finalise it first). */
    public synchronized Namespace deleteNamespace(String name) {
        Namespace ns = namespace(name);
        serviceAccounts.removeNamespace(name);
        pods.list(name, p -> true).forEach(p -> ipPool.release(p.getStatus().getPodIP()));
        pods.removeNamespace(name);
        namespaces.remove(name);
        ns.getMetadata().setDeletionTimestamp(now());
        ns.getStatus().setPhase("Terminating");
        ns.getMetadata().setResourceVersion(nextResourceVersion());
        return ns;
    }

    // --- service accounts --------------------------------------------------------------------

    public synchronized ServiceAccount createServiceAccount(String namespace, ServiceAccount requested, boolean dryRun) {
        String name = prepareNamespaced(namespace, requested, "ServiceAccount", "serviceaccounts");
        ServiceAccount sa = new ServiceAccountBuilder(requested).withApiVersion("v1").withKind("ServiceAccount").build();
        stamp(sa, namespace);
        if (!dryRun) {
            serviceAccounts.insert(sa);
        } else if (serviceAccounts.get(namespace, name).isPresent()) {
            throw KubernetesException.alreadyExists("serviceaccounts", name);
        }
        return sa;
    }

    public synchronized ServiceAccount serviceAccount(String namespace, String name) {
        return serviceAccounts.require(namespace, name);
    }

    public synchronized Optional<ServiceAccount> findServiceAccount(String namespace, String name) {
        return serviceAccounts.get(namespace, name);
    }

    public synchronized List<ServiceAccount> serviceAccounts(String namespace, Predicate<ServiceAccount> filter) {
        return serviceAccounts.list(namespace, filter);
    }

    /** PUT semantics: replaces the object; a {@code resourceVersion} in the body must match the stored one. */
    public synchronized ServiceAccount updateServiceAccount(String namespace, String name, ServiceAccount replacement, boolean dryRun) {
        ServiceAccount current = serviceAccounts.require(namespace, name);
        checkIdentity(replacement, namespace, name, "ServiceAccount");
        checkResourceVersion(replacement, current, "serviceaccounts");
        ServiceAccount updated = new ServiceAccountBuilder(replacement).withApiVersion("v1").withKind("ServiceAccount").build();
        carryOver(current, updated);
        if (!dryRun) {
            serviceAccounts.replace(updated);
        }
        return updated;
    }

    public synchronized ServiceAccount deleteServiceAccount(String namespace, String name) {
        return serviceAccounts.remove(namespace, name);
    }

    // --- pods --------------------------------------------------------------------------------

    public synchronized Pod createPod(String namespace, Pod requested, boolean dryRun) {
        String name = prepareNamespaced(namespace, requested, "Pod", "pods");
        if (requested.getSpec() == null || requested.getSpec().getContainers() == null
                || requested.getSpec().getContainers().isEmpty()) {
            throw KubernetesException.invalid("Pod", null, name, Cause.required("spec.containers", null));
        }
        String saName = Optional.ofNullable(requested.getSpec().getServiceAccountName())
                .or(() -> Optional.ofNullable(requested.getSpec().getServiceAccount()))
                .filter(s -> !s.isEmpty()).orElse("default");
        if (serviceAccounts.get(namespace, saName).isEmpty()) {
            throw KubernetesException.forbidden("pods", name, "error looking up service account " + namespace + "/" + saName
                    + ": serviceaccount \"" + saName + "\" not found");
        }
        // status is the kubelet's to write: whatever the request says, the pod gets the next free IP
        String ip = dryRun ? "" : ipPool.allocate();
        Pod pod = new PodBuilder(requested).withApiVersion("v1").withKind("Pod")
                .editSpec()
                .withServiceAccountName(saName).withServiceAccount(saName)
                .withNodeName(Optional.ofNullable(requested.getSpec().getNodeName()).orElse(config.nodeName()))
                .endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip).withPodIPs(new PodIP(ip))
                .withHostIP("10.128.0.2").withStartTime(now()).endStatus()
                .build();
        stamp(pod, namespace);
        if (!dryRun) {
            pods.insert(pod);
        }
        return pod;
    }

    public synchronized Pod pod(String namespace, String name) {
        return pods.require(namespace, name);
    }

    public synchronized Optional<Pod> findPod(String namespace, String name) {
        return pods.get(namespace, name);
    }

    public synchronized List<Pod> pods(String namespace, Predicate<Pod> filter) {
        return pods.list(namespace, filter);
    }

    public synchronized Pod deletePod(String namespace, String name) {
        Pod removed = pods.remove(namespace, name);
        ipPool.release(removed.getStatus().getPodIP());
        return removed;
    }

    // --- shared rules ------------------------------------------------------------------------

    private String prepareNamespaced(String namespace, HasMetadata object, String kind, String resource) {
        if (object.getMetadata() == null) {
            object.setMetadata(new ObjectMeta());
        }
        ObjectMeta meta = object.getMetadata();
        String bodyNamespace = meta.getNamespace();
        if (bodyNamespace != null && !bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
            throw KubernetesException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        Names.checkSubdomain(meta.getName()).ifPresent(cause -> {
            throw KubernetesException.invalid(kind, null, meta.getName(), cause);
        });
        if (!namespaces.containsKey(namespace)) {
            throw KubernetesException.notFound("namespaces", namespace);
        }
        meta.setNamespace(namespace);
        return meta.getName();
    }

    private static void checkIdentity(HasMetadata object, String namespace, String name, String kind) {
        ObjectMeta meta = object.getMetadata();
        if (meta == null || meta.getName() == null || !meta.getName().equals(name)) {
            throw KubernetesException.badRequest("the name of the object (" + (meta == null ? "" : meta.getName())
                    + ") does not match the name on the URL (" + name + ")");
        }
        if (meta.getNamespace() != null && !meta.getNamespace().isEmpty() && !meta.getNamespace().equals(namespace)) {
            throw KubernetesException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        meta.setNamespace(namespace);
    }

    private static void checkResourceVersion(HasMetadata requested, HasMetadata current, String resource) {
        String wanted = requested.getMetadata().getResourceVersion();
        if (wanted != null && !wanted.isEmpty() && !wanted.equals(current.getMetadata().getResourceVersion())) {
            throw KubernetesException.resourceVersionConflict(resource, current.getMetadata().getName());
        }
    }

    /** Server-owned metadata survives an update; the resource version moves on. */
    private void carryOver(HasMetadata current, HasMetadata updated) {
        ObjectMeta was = current.getMetadata();
        ObjectMeta meta = updated.getMetadata();
        meta.setUid(was.getUid());
        meta.setCreationTimestamp(was.getCreationTimestamp());
        meta.setResourceVersion(nextResourceVersion());
        dropEmpty(meta);
    }

    private void stamp(HasMetadata object, String namespace) {
        ObjectMeta meta = object.getMetadata();
        meta.setNamespace(namespace);
        meta.setUid(UUID.randomUUID().toString());
        meta.setResourceVersion(nextResourceVersion());
        meta.setCreationTimestamp(now());
        meta.setSelfLink(null);
        meta.setGeneration(null);
        dropEmpty(meta);
    }

    private static void dropEmpty(ObjectMeta meta) {
        if (meta.getAnnotations() != null && meta.getAnnotations().isEmpty()) {
            meta.setAnnotations(null);
        }
        if (meta.getLabels() != null && meta.getLabels().isEmpty()) {
            meta.setLabels(null);
        }
    }

    private String nextResourceVersion() {
        return Long.toString(++resourceVersion);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Namespace copy(Namespace ns) {
        return new NamespaceBuilder(ns).build();
    }
}
