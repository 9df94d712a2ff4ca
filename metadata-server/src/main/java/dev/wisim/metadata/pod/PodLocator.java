package dev.wisim.metadata.pod;

import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.rest.MetadataException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the pod behind a request, in order: a KSA token in {@code Authorization: Bearer} (the
 * article's direct REST call, verified by TokenReview); the pod whose IP the request arrived on (each
 * pod has its own loopback address, and the server listens on all of them); the pod whose IP the
 * request came from (docker-compose); the configured default pod. A request that arrives on an
 * address that is no pod's and not the node's own is nobody's: it gets an error, never another
 * pod's identity. Pods and KSAs are read from the informer-fed {@link ClusterView}: no API server
 * call, and a deleted pod or a changed annotation counts from the moment its watch event arrives.
 */
@ApplicationScoped
public class PodLocator {

    private final ClusterView view;
    private final TokenReviews reviews;
    private final MetadataConfig config;
    private final Set<String> nodeAddresses;

    public PodLocator(ClusterView view, TokenReviews reviews, MetadataConfig config) {
        this.view = view;
        this.reviews = reviews;
        this.config = config;
        this.nodeAddresses = nodeAddresses(config.nodeAddresses());
    }

    /**
     * The node's own addresses: the configured ones and those of its network interfaces (a container's
     * address is not known before it starts). A pod's address is never among them.
     */
    static Set<String> nodeAddresses(List<String> configured) {
        Set<String> addresses = new HashSet<>(configured);
        try {
            for (NetworkInterface each : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(each.getInetAddresses())) {
                    String text = address.getHostAddress();
                    addresses.add(text.contains("%") ? text.substring(0, text.indexOf('%')) : text);
                }
            }
        } catch (SocketException | RuntimeException e) {
            // the configured addresses then
        }
        return Set.copyOf(addresses);
    }

    public Workload locate(String bearerToken, String localAddress, String remoteAddress) {
        if (bearerToken != null) {
            return byToken(bearerToken);
        }
        if (localAddress != null && !nodeAddresses.contains(localAddress)) {
            return fromPod(view.podWithAddress(localAddress).orElseThrow(() -> MetadataException.unknownCaller(
                    "no pod on this node has the IP address " + localAddress)));
        }
        Optional<Pod> bySource = remoteAddress == null || nodeAddresses.contains(remoteAddress)
                ? Optional.empty() : view.podWithAddress(remoteAddress);
        if (bySource.isPresent()) {
            return fromPod(bySource.get());
        }
        String defaultPod = config.defaultPod().orElseThrow(() -> MetadataException.unknownCaller(
                "no pod on this node has the IP address " + remoteAddress + ", and no default pod is configured"));
        String[] parts = defaultPod.split("/", 2);
        if (parts.length != 2) {
            throw MetadataException.unknownCaller("the default pod must be NAMESPACE/NAME, not " + defaultPod);
        }
        return fromPod(view.pod(parts[0], parts[1]).orElseThrow(() -> MetadataException.unknownCaller(
                "the default pod " + defaultPod + " does not exist")));
    }

    /** A KSA token's pod and KSA; a pod-bound token only while its pod is still on this node. */
    private Workload byToken(String token) {
        UserInfo user = reviews.user(token);
        String[] name = user.getUsername().split(":");
        if (name.length != 4 || !"system".equals(name[0]) || !"serviceaccount".equals(name[1])) {
            throw new MetadataException(401, "Unable to authenticate the Kubernetes service account token: "
                    + user.getUsername() + " is not a service account\n");
        }
        String namespace = name[2];
        String ksa = name[3];
        Map<String, List<String>> extra = user.getExtra() == null ? Map.of() : user.getExtra();
        String podName = first(extra.get("authentication.kubernetes.io/pod-name"));
        String podUid = first(extra.get("authentication.kubernetes.io/pod-uid"));
        if (podName != null) {
            Optional<Pod> pod = view.pod(namespace, podName);
            if (pod.isEmpty() || podUid != null && !podUid.equals(pod.get().getMetadata().getUid())) {
                throw new MetadataException(401, "Unable to authenticate the Kubernetes service account token: the pod "
                        + namespace + "/" + podName + " it is bound to no longer exists\n");
            }
        }
        return new Workload(namespace, ksa, podName, podUid, annotation(namespace, ksa));
    }

    private Workload fromPod(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        String ksa = pod.getSpec() != null && pod.getSpec().getServiceAccountName() != null
                ? pod.getSpec().getServiceAccountName() : "default";
        return new Workload(namespace, ksa, pod.getMetadata().getName(), pod.getMetadata().getUid(), annotation(namespace, ksa));
    }

    private Optional<String> annotation(String namespace, String ksa) {
        ServiceAccount sa = view.serviceAccount(namespace, ksa).orElseThrow(() -> MetadataException.unknownCaller(
                "the service account " + namespace + "/" + ksa + " does not exist"));
        Map<String, String> annotations = sa.getMetadata().getAnnotations() == null ? Map.of() : sa.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations.get(Workload.GSA_ANNOTATION)).filter(s -> !s.isBlank());
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
