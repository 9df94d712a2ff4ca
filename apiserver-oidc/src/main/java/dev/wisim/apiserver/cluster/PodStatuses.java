package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The status the node's kubelet reports for a pod it has started: {@code Running}, its address, the
 * five conditions of kubelet 1.32 all {@code True} (so that {@code kubectl wait --for=condition=Ready}
 * holds), and a running, ready status per container.
 */
final class PodStatuses {

    private PodStatuses() {
    }

    static PodStatus running(Pod pod, String ip, String hostIp, String now) {
        List<PodCondition> conditions = new ArrayList<>();
        for (String type : List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled")) {
            conditions.add(new PodConditionBuilder().withType(type).withStatus("True").withLastTransitionTime(now).build());
        }
        List<ContainerStatus> containers = new ArrayList<>();
        for (Container container : pod.getSpec().getContainers()) {
            containers.add(new ContainerStatusBuilder().withName(container.getName()).withImage(container.getImage()).withImageID("")
                    .withContainerID("containerd://" + HexFormat.of().formatHex(randomBytes())).withReady(true).withStarted(true)
                    .withRestartCount(0).withNewState().withNewRunning(now).endState().build());
        }
        return new PodStatusBuilder().withPhase("Running").withConditions(conditions).withContainerStatuses(containers)
                .withPodIP(ip).withPodIPs(new PodIP(ip)).withHostIP(hostIp).withHostIPs(new HostIP(hostIp))
                .withQosClass("BestEffort").withStartTime(now).build();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
