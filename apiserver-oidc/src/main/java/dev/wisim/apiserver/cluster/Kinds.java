package dev.wisim.apiserver.cluster;

import dev.wisim.apiserver.cluster.KubernetesException.Cause;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The kinds this API server serves, with the defaults kube-apiserver and its controllers apply. */
public final class Kinds {

    public static final Kind<Namespace> NAMESPACES = new Kind<>("namespaces", "Namespace", Namespace.class, false) {
        @Override
        Namespace copy(Namespace object) {
            return new NamespaceBuilder(object).build();
        }

        @Override
        Optional<Cause> checkName(String name) {
            return Names.checkLabel(name);
        }

        @Override
        void prepare(Namespace ns, ClusterStore store, boolean dryRun) {
            Map<String, String> labels = new LinkedHashMap<>(Optional.ofNullable(ns.getMetadata().getLabels()).orElse(Map.of()));
            labels.put(ClusterStore.NAME_LABEL, ns.getMetadata().getName());
            ns.getMetadata().setLabels(labels);
            ns.setSpec(new io.fabric8.kubernetes.api.model.NamespaceSpec(List.of("kubernetes")));
            ns.setStatus(new io.fabric8.kubernetes.api.model.NamespaceStatus(null, "Active"));
        }

        @Override
        void created(Namespace ns, ClusterStore store) {
            store.create(SERVICE_ACCOUNTS, ns.getMetadata().getName(),
                    new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build(), false);
        }

        @Override
        void deleted(Namespace ns, ClusterStore store) {
            store.removeNamespaceContents(ns.getMetadata().getName());
        }

        /** Terminating until the namespace controller has removed its contents (at once, here). */
        @Override
        boolean terminating(Namespace ns, String now) {
            ns.getMetadata().setDeletionTimestamp(now);
            ns.getStatus().setPhase("Terminating");
            return true;
        }

        @Override
        void keep(Namespace current, Namespace updated) {
            updated.setStatus(current.getStatus());
            Map<String, String> labels = new LinkedHashMap<>(Optional.ofNullable(updated.getMetadata().getLabels()).orElse(Map.of()));
            labels.put(ClusterStore.NAME_LABEL, current.getMetadata().getName());
            updated.getMetadata().setLabels(labels);
            if (updated.getSpec() == null) {
                updated.setSpec(current.getSpec());
            }
        }
    };

    public static final Kind<ServiceAccount> SERVICE_ACCOUNTS = new Kind<>("serviceaccounts", "ServiceAccount", ServiceAccount.class, true) {
        @Override
        ServiceAccount copy(ServiceAccount object) {
            return new ServiceAccountBuilder(object).build();
        }
    };

    /** Calico's annotation for a pod's fixed address: a JSON array of one IPv4 address. */
    static final String REQUESTED_IP = "cni.projectcalico.org/ipAddrs";

    static String requestedIp(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(REQUESTED_IP);
        if (value == null || value.isBlank()) {
            return null;
        }
        String ip = value.replaceAll("[\\[\\]\"\\s]", "");
        if (!ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw KubernetesException.invalid("Pod", null, pod.getMetadata().getName(), KubernetesException.Cause.invalidValue(
                    "metadata.annotations[" + REQUESTED_IP + "]", value, "must be a JSON array of one IPv4 address"));
        }
        return ip;
    }

    public static final Kind<Pod> PODS = new Kind<>("pods", "Pod", Pod.class, true) {
        @Override
        Pod copy(Pod object) {
            return new PodBuilder(object).build();
        }

        @Override
        void prepare(Pod pod, ClusterStore store, boolean dryRun) {
            String name = pod.getMetadata().getName();
            if (pod.getSpec() == null || pod.getSpec().getContainers() == null || pod.getSpec().getContainers().isEmpty()) {
                throw KubernetesException.invalid("Pod", null, name, Cause.required("spec.containers", null));
            }
            String namespace = pod.getMetadata().getNamespace();
            String sa = Optional.ofNullable(pod.getSpec().getServiceAccountName())
                    .or(() -> Optional.ofNullable(pod.getSpec().getServiceAccount())).filter(s -> !s.isEmpty()).orElse("default");
            if (store.find(SERVICE_ACCOUNTS, namespace, sa).isEmpty()) {
                throw KubernetesException.forbidden("pods", name, "error looking up service account " + namespace + "/" + sa
                        + ": serviceaccount \"" + sa + "\" not found");
            }
            pod.getSpec().setServiceAccountName(sa);
            pod.getSpec().setServiceAccount(sa);
            if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
                pod.getSpec().setNodeName(store.nodeName());
            }
            // status is the kubelet's to write: whatever the request says, the pod gets the next free IP,
            // or the one it asks its CNI for (as Calico's ipAddrs annotation does: how docker-compose's
            // workload container becomes the scenario's pod, by its address)
            boolean hostNetwork = Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
            String requested = requestedIp(pod);
            if (!dryRun && !hostNetwork && requested != null && !store.claimPodIp(requested)) {
                throw KubernetesException.invalid("Pod", null, name, KubernetesException.Cause.invalidValue(
                        "metadata.annotations[" + REQUESTED_IP + "]", requested, "the address is not free"));
            }
            String ip = dryRun ? "" : hostNetwork ? ClusterStore.HOST_IP : requested != null ? requested : store.allocatePodIp();
            pod.setStatus(PodStatuses.running(pod, ip, ClusterStore.HOST_IP, store.now()));
        }

        @Override
        void deleted(Pod pod, ClusterStore store) {
            if (!Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
                store.releasePodIp(pod.getStatus().getPodIP());
            }
        }

        /** The default 30-second grace period starts (the kubelet here stops the pod at once). */
        @Override
        boolean terminating(Pod pod, String now) {
            pod.getMetadata().setDeletionTimestamp(now);
            pod.getMetadata().setDeletionGracePeriodSeconds(30L);
            return true;
        }

        @Override
        void keep(Pod current, Pod updated) {
            updated.setStatus(current.getStatus());
            if (updated.getSpec() != null) {
                updated.getSpec().setNodeName(current.getSpec().getNodeName());
                updated.getSpec().setServiceAccountName(current.getSpec().getServiceAccountName());
                updated.getSpec().setServiceAccount(current.getSpec().getServiceAccountName());
            } else {
                updated.setSpec(current.getSpec());
            }
        }
    };

    private static final Map<String, Kind<?>> BY_RESOURCE = Map.of(NAMESPACES.resource(), NAMESPACES,
            SERVICE_ACCOUNTS.resource(), SERVICE_ACCOUNTS, PODS.resource(), PODS);

    private Kinds() {
    }

    /** The kind served under a resource name; 404 with kube-apiserver's text otherwise. */
    public static Kind<?> byResource(String resource) {
        Kind<?> kind = BY_RESOURCE.get(resource);
        if (kind == null) {
            throw KubernetesException.resourceNotFound();
        }
        return kind;
    }

    /** Every kind this API server stores, in the order they are loaded at start. */
    public static final List<Kind<?>> ALL = List.of(NAMESPACES, SERVICE_ACCOUNTS, PODS,
            RbacKinds.CLUSTER_ROLES, RbacKinds.CLUSTER_ROLE_BINDINGS, RbacKinds.ROLES, RbacKinds.ROLE_BINDINGS);
}
