package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Stack;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** kubectl's commands that watch, page or delete many: {@code get -w}, {@code wait}, {@code delete --all}, {@code --chunk-size}. */
@ExtendWith(SharedStack.class)
class KubectlWatchIT {

    @BeforeAll
    static void kubectl() {
        CliTool.assumeInstalled("kubectl");
    }

    private static CliTool.Session kubectl(Stack stack) {
        return CliTool.session(Map.of("KUBECONFIG", stack.clientEnvironment().get("KUBECONFIG")));
    }

    @Test
    void getWatchPrintsAPodCreatedAfterItStarted(Stack stack) {
        CliTool.Session kubectl = kubectl(stack);
        kubectl.ok("kubectl", "create", "namespace", "watch-it");
        kubectl.ok("kubectl", "run", "early", "--image=busybox", "-n", "watch-it");
        try (CliTool.Background watch = kubectl.start("kubectl", "get", "pods", "-w", "-n", "watch-it")) {
            watch.awaitOutput("early");
            kubectl.ok("kubectl", "run", "late", "--image=busybox", "-n", "watch-it");
            assertThat(watch.awaitOutput("late")).containsPattern("NAME +READY +STATUS +RESTARTS +AGE\n")
                    .containsPattern("early +1/1 +Running +0 +\\d+s\n").containsPattern("late +1/1 +Running +0 +\\d+s\n");
            kubectl.ok("kubectl", "label", "pod", "late", "seen=yes", "-n", "watch-it");
            kubectl.ok("kubectl", "delete", "pod", "late", "-n", "watch-it");
            assertThat(watch.awaitOutput("Terminating").lines().filter(line -> line.startsWith("late ")).count()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void waitReturnsOnceTheConditionHoldsAndFollowsChangesUntilThen(Stack stack) throws Exception {
        CliTool.Session kubectl = kubectl(stack);
        kubectl.ok("kubectl", "create", "namespace", "wait-it");
        kubectl.ok("kubectl", "run", "ready", "--image=busybox", "-n", "wait-it");
        assertThat(kubectl.ok("kubectl", "wait", "--for=condition=Ready", "pod/ready", "-n", "wait-it", "--timeout=30s"))
                .isEqualTo("pod/ready condition met\n");
        try (CliTool.Background wait = kubectl.start("kubectl", "wait", "--for=jsonpath={.metadata.labels.stage}=live", "pod/ready",
                "-n", "wait-it", "--timeout=30s")) {
            Thread.sleep(1000);
            assertThat(wait.process().isAlive()).as(wait.output()).isTrue();
            kubectl.ok("kubectl", "label", "pod", "ready", "stage=live", "-n", "wait-it");
            assertThat(wait.awaitExit()).as(wait.output()).isZero();
            assertThat(wait.output()).isEqualTo("pod/ready condition met\n");
        }
    }

    @Test
    void deletesEveryPodOfANamespaceAndPagesThroughAList(Stack stack) {
        CliTool.Session kubectl = kubectl(stack);
        kubectl.ok("kubectl", "create", "namespace", "many-it");
        for (String name : new String[] {"p1", "p2", "p3"}) {
            kubectl.ok("kubectl", "run", name, "--image=busybox", "-n", "many-it");
        }
        assertThat(kubectl.ok("kubectl", "get", "pods", "--chunk-size=1", "-n", "many-it", "-o", "name"))
                .isEqualTo("pod/p1\npod/p2\npod/p3\n");
        assertThat(kubectl.ok("kubectl", "get", "pods", "--chunk-size=2", "-n", "many-it")).containsPattern("NAME +READY")
                .containsPattern("p1 +1/1").containsPattern("p2 +1/1").containsPattern("p3 +1/1");
        assertThat(kubectl.ok("kubectl", "delete", "pods", "--all", "-n", "many-it"))
                .isEqualTo("pod \"p1\" deleted\npod \"p2\" deleted\npod \"p3\" deleted\n");
        CliTool.Result none = kubectl.run("kubectl", "get", "pods", "-n", "many-it");
        assertThat(none.stderr()).isEqualTo("No resources found in many-it namespace.\n");
    }
}
