package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Stack;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fabric8 SharedInformer, as controllers and GKE's own node agents keep their view: it lists, then
 * watches — over a WebSocket, fabric8's first choice, or plain HTTP — and sees every add, update and
 * delete (a pod's graceful deletion first as the update that marks it terminating).
 */
@ExtendWith(SharedStack.class)
class Fabric8InformerIT {

    @ParameterizedTest(name = "only HTTP watches: {0}")
    @ValueSource(booleans = {false, true})
    void anInformerSeesAddsUpdatesAndDeletes(boolean onlyHttpWatches, Stack stack) throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(Path.of(stack.clientEnvironment().get("KUBECONFIG"))));
        config.setOnlyHttpWatches(onlyHttpWatches);
        String namespace = "informer-" + onlyHttpWatches;
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
            client.pods().inNamespace(namespace).resource(pod("before")).create();
            SharedIndexInformer<Pod> informer = client.pods().inNamespace(namespace).inform(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Pod pod) {
                    events.add("add " + pod.getMetadata().getName());
                }

                @Override
                public void onUpdate(Pod old, Pod pod) {
                    events.add("update " + pod.getMetadata().getName() + " " + pod.getMetadata().getLabels()
                            + (pod.getMetadata().getDeletionTimestamp() == null ? "" : " terminating"));
                }

                @Override
                public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                    events.add("delete " + pod.getMetadata().getName() + (deletedFinalStateUnknown ? " (unknown)" : ""));
                }
            }, 0);
            try {
                assertThat(next(events)).isEqualTo("add before");
                client.pods().inNamespace(namespace).resource(pod("after")).create();
                assertThat(next(events)).isEqualTo("add after");
                client.pods().inNamespace(namespace).withName("after").edit(p -> new PodBuilder(p).editMetadata()
                        .addToLabels("tier", "web").endMetadata().build());
                assertThat(next(events)).isEqualTo("update after {run=after, tier=web}");
                client.pods().inNamespace(namespace).withName("before").delete();
                assertThat(next(events)).isEqualTo("update before {run=before} terminating");   // its grace period starts
                assertThat(next(events)).isEqualTo("delete before");
                assertThat(informer.getStore().list()).extracting(p -> p.getMetadata().getName()).containsExactly("after");
                assertThat(informer.isWatching()).isTrue();
            } finally {
                informer.close();
            }
        }
    }

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).addToLabels("run", name).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build();
    }

    private static String next(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an informer event within 10 s").isNotNull();
        return event;
    }
}
