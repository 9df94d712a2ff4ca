package dev.wisim.metadata.pod;

import dev.wisim.metadata.client.ApiserverClient;
import dev.wisim.metadata.client.Upstream;
import dev.wisim.metadata.client.Upstream.Answer;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.rest.MetadataException;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Finds the pod behind a request, in order: a KSA token in {@code Authorization: Bearer} (the
 * article's direct REST call, verified by TokenReview); the pod whose IP the request arrived on (each
 * pod has its own loopback address, and the server listens on all of them); the pod whose IP the
 * request came from (docker-compose); the configured default pod. A request that arrives on an
 * address that is no pod's and not the node's own is nobody's: it gets an error, never another
 * pod's identity. The KSA is read live, so an annotation change takes effect on the next request.
 */
@ApplicationScoped
public class PodLocator {

    private final ApiserverClient apiserver;
    private final MetadataConfig config;
    private final Set<String> nodeAddresses;

    public PodLocator(@RestClient ApiserverClient apiserver, MetadataConfig config) {
        this.apiserver = apiserver;
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
            return fromPod(podWithIp(localAddress).orElseThrow(() -> MetadataException.unknownCaller(
                    "no pod on this node has the IP address " + localAddress)));
        }
        Optional<Map<String, Object>> bySource = remoteAddress == null || nodeAddresses.contains(remoteAddress)
                ? Optional.empty() : podWithIp(remoteAddress);
        if (bySource.isPresent()) {
            return fromPod(bySource.get());
        }
        String defaultPod = config.defaultPod().orElseThrow(() -> MetadataException.unknownCaller(
                "no pod on this node has the IP address " + remoteAddress + ", and no default pod is configured"));
        String[] parts = defaultPod.split("/", 2);
        if (parts.length != 2) {
            throw MetadataException.unknownCaller("the default pod must be NAMESPACE/NAME, not " + defaultPod);
        }
        Answer pod = Upstream.call("the Kubernetes API server", () -> apiserver.pod(parts[0], parts[1]));
        if (!pod.ok()) {
            throw MetadataException.unknownCaller("the default pod " + defaultPod + " does not exist");
        }
        return fromPod(pod.body());
    }

    private Workload byToken(String token) {
        Map<String, Object> review = Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "TokenReview",
                "spec", Map.of("token", token));
        Answer answer = Upstream.call("the Kubernetes API server", () -> apiserver.tokenReview(review));
        Map<String, Object> status = answer.object("status");
        if (!answer.ok() || !Boolean.TRUE.equals(status.get("authenticated"))) {
            Object error = status.get("error");
            throw new MetadataException(401, "Unable to authenticate the Kubernetes service account token"
                    + (error == null ? "" : ": " + error) + "\n");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) status.get("user");
        String[] name = ((String) user.get("username")).split(":");
        String namespace = name[2];
        String ksa = name[3];
        @SuppressWarnings("unchecked")
        Map<String, List<String>> extra = user.get("extra") instanceof Map<?, ?> m ? (Map<String, List<String>>) m : Map.of();
        String podName = first(extra.get("authentication.kubernetes.io/pod-name"));
        String podUid = first(extra.get("authentication.kubernetes.io/pod-uid"));
        return new Workload(namespace, ksa, podName, podUid, annotation(namespace, ksa));
    }

    private Optional<Map<String, Object>> podWithIp(String ip) {
        Answer answer = Upstream.call("the Kubernetes API server",
                () -> apiserver.pods("status.podIP=" + ip + ",spec.hostNetwork=false"));
        if (!answer.ok() || !(answer.body().get("items") instanceof List<?> items) || items.size() != 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> pod = (Map<String, Object>) items.get(0);
        return Optional.of(pod);
    }

    @SuppressWarnings("unchecked")
    private Workload fromPod(Map<String, Object> pod) {
        Map<String, Object> metadata = (Map<String, Object>) pod.get("metadata");
        Map<String, Object> spec = (Map<String, Object>) pod.get("spec");
        String namespace = (String) metadata.get("namespace");
        String ksa = spec.get("serviceAccountName") instanceof String s ? s : "default";
        return new Workload(namespace, ksa, (String) metadata.get("name"), (String) metadata.get("uid"), annotation(namespace, ksa));
    }

    @SuppressWarnings("unchecked")
    private Optional<String> annotation(String namespace, String ksa) {
        Answer sa = Upstream.call("the Kubernetes API server", () -> apiserver.serviceAccount(namespace, ksa));
        if (!sa.ok()) {
            throw MetadataException.unknownCaller("the service account " + namespace + "/" + ksa + " does not exist");
        }
        Map<String, Object> annotations = sa.object("metadata").get("annotations") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        return Optional.ofNullable(annotations.get(Workload.GSA_ANNOTATION)).map(Object::toString).filter(s -> !s.isBlank());
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
