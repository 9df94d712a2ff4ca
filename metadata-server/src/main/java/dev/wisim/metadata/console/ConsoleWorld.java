package dev.wisim.metadata.console;

import dev.wisim.metadata.client.IamClient;
import dev.wisim.metadata.client.Upstream;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.pod.ClusterView;
import dev.wisim.metadata.rest.MetadataException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The world the relay console shows: the cluster as this node's metadata server sees it (its pool,
 * the KSAs with their GSA annotation, the pods on the node with their addresses) and IAM's projects
 * and service accounts with their bindings.
 */
@ApplicationScoped
public class ConsoleWorld {

    static final String GSA_ANNOTATION = "iam.gke.io/gcp-service-account";

    private final ClusterView cluster;
    private final IamClient iam;
    private final MetadataConfig config;

    public ConsoleWorld(ClusterView cluster, @RestClient IamClient iam, MetadataConfig config) {
        this.cluster = cluster;
        this.iam = iam;
        this.config = config;
    }

    public Map<String, Object> now() {
        Map<String, Object> clusterView = new LinkedHashMap<>();
        clusterView.put("project", config.projectId());
        clusterView.put("location", config.clusterLocation());
        clusterView.put("name", config.clusterName());
        clusterView.put("workloadPool", config.workloadPool());
        clusterView.put("serviceAccounts", cluster.serviceAccounts().stream().sorted(BY_NAME).map(ConsoleWorld::ksa).toList());
        clusterView.put("pods", cluster.pods().stream().sorted(BY_NAME).map(ConsoleWorld::pod).toList());
        Map<String, Object> world = new LinkedHashMap<>();
        world.put("cluster", clusterView);
        world.put("iam", iam());
        return world;
    }

    private static final Comparator<HasMetadata> BY_NAME = Comparator.comparing(
            (HasMetadata o) -> o.getMetadata().getNamespace()).thenComparing(o -> o.getMetadata().getName());

    private static Map<String, Object> ksa(ServiceAccount ksa) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("namespace", ksa.getMetadata().getNamespace());
        view.put("name", ksa.getMetadata().getName());
        Map<String, String> annotations = ksa.getMetadata().getAnnotations();
        view.put("gsa", annotations == null ? null : annotations.get(GSA_ANNOTATION));
        return view;
    }

    private static Map<String, Object> pod(Pod pod) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("namespace", pod.getMetadata().getNamespace());
        view.put("name", pod.getMetadata().getName());
        view.put("serviceAccount", pod.getSpec() == null ? null : pod.getSpec().getServiceAccountName());
        view.put("ip", pod.getStatus() == null ? null : pod.getStatus().getPodIP());
        view.put("phase", pod.getStatus() == null ? null : pod.getStatus().getPhase());
        return view;
    }

    /** IAM's projects and service accounts, or what went wrong asking for them: the console shows the rest anyway. */
    private Map<String, Object> iam() {
        try {
            Upstream.Answer answer = Upstream.call("IAM", iam::world);
            return answer.ok() ? answer.body() : Map.of("error", "IAM answered " + answer.status());
        } catch (MetadataException e) {
            return Map.of("error", "IAM did not answer");
        }
    }
}
