package dev.wisim.metadata.pod;

import dev.wisim.metadata.client.Blocking;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.rest.MetadataException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the node's metadata server knows of the cluster, kept by informers as GKE's keeps it: the
 * pods on its node (indexed by address) and every service account (with its GSA annotation). A
 * request reads this view; a change reaches it as a watch event, and a lost watch (the API server
 * restarted) is listed again. Only what the view does not hold — an object created a moment ago,
 * whose event is still on its way, one that is gone, or anything before the informers have listed
 * (the server is ready without waiting for that) — is asked of the API server.
 */
@ApplicationScoped
public class ClusterView {

    static final String BY_ADDRESS = "address";

    private final KubernetesClient apiserver;
    private final MetadataConfig config;
    private SharedIndexInformer<Pod> pods;
    private SharedIndexInformer<ServiceAccount> serviceAccounts;
    private volatile boolean stopped;

    public ClusterView(KubernetesClient apiserver, MetadataConfig config) {
        this.apiserver = apiserver;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        pods = config.nodeName().map(node -> apiserver.pods().inAnyNamespace().withField("spec.nodeName", node).runnableInformer(0))
                .orElseGet(() -> apiserver.pods().inAnyNamespace().runnableInformer(0));
        pods.addIndexers(Map.of(BY_ADDRESS, ClusterView::addresses));
        serviceAccounts = apiserver.serviceAccounts().inAnyNamespace().runnableInformer(0);
        Thread starter = new Thread(this::startWhenTheApiServerAnswers, "cluster-view-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * The stack starts every service at once: the informers start as soon as the API server answers
     * (asked every 100 ms, not with the informers' own back-off, which would wait up to seconds), and
     * keep trying after that, as informers do.
     */
    private void startWhenTheApiServerAnswers() {
        while (!stopped) {
            try {
                apiserver.getKubernetesVersion();
                break;
            } catch (KubernetesClientException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        for (SharedIndexInformer<?> informer : List.of(pods, serviceAccounts)) {
            informer.exceptionHandler((started, failure) -> {
                Log.debugf("the API server did not answer the metadata server's informer: %s", failure.getMessage());
                return true;
            });
            informer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        for (SharedIndexInformer<?> informer : List.of(pods, serviceAccounts)) {
            informer.stop();
        }
    }

    /** The one pod (not on the host's network) with this IP. */
    public Optional<Pod> podWithAddress(String ip) {
        List<Pod> found = pods.getIndexer().byIndex(BY_ADDRESS, ip);
        if (found.isEmpty()) {
            var query = apiserver.pods().inAnyNamespace().withField("status.podIP", ip).withField("spec.hostNetwork", "false");
            found = ask(() -> (config.nodeName().isPresent() ? query.withField("spec.nodeName", config.nodeName().get()) : query)
                    .list().getItems()).stream().filter(pod -> addresses(pod).contains(ip)).toList();
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    public Optional<Pod> pod(String namespace, String name) {
        return Optional.ofNullable(pods.getIndexer().getByKey(namespace + "/" + name))
                .or(() -> Optional.ofNullable(ask(() -> apiserver.pods().inNamespace(namespace).withName(name).get())));
    }

    public Optional<ServiceAccount> serviceAccount(String namespace, String name) {
        return Optional.ofNullable(serviceAccounts.getIndexer().getByKey(namespace + "/" + name))
                .or(() -> Optional.ofNullable(ask(() -> apiserver.serviceAccounts().inNamespace(namespace).withName(name).get())));
    }

    /** The pods the view holds (those on this node), for the relay console. */
    public List<Pod> pods() {
        return pods.getStore().list();
    }

    /** The KSAs the view holds, for the relay console. */
    public List<ServiceAccount> serviceAccounts() {
        return serviceAccounts.getStore().list();
    }

    /** A read-through for what the view does not hold; the API server out of reach is GKE's 503. */
    private static <T> T ask(Supplier<T> request) {
        Blocking.check();
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw MetadataException.unavailable("the Kubernetes API server");
        }
    }

    private static List<String> addresses(Pod pod) {
        boolean hostNetwork = pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
        String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        return hostNetwork || ip == null || ip.isEmpty() ? List.of() : List.of(ip);
    }
}
