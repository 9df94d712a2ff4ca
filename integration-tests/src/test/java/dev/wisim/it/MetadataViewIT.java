package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import dev.wisim.stack.scenario.ScenarioApplier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The metadata server's informer-fed view across an API server restart (its own stack): the cluster
 * keeps its objects, the view's watches break and it lists again, then follows what changes after
 * the restart — the pod deleted, the scenario applied again — with no restart of the metadata server.
 */
class MetadataViewIT {

    @Test
    void theViewResyncsAfterTheApiServerRestarts() throws Exception {
        try (Stack stack = Stack.builder().home(Path.of(System.getProperty("wisim.home", ".."))).stateDir(Files.createTempDirectory("wisim-view-"))
                .freePorts().start()) {
            String email = stack.url(Service.METADATA) + PodIdentityIT.EMAIL_PATH;
            assertThat(Http.get(email, "Metadata-Flavor", "Google").body()).isEqualTo(RelayIT.GSA);

            stack.restart(Service.APISERVER);
            // the API server kept its objects; the view, its watches broken, lists again and follows the new server
            assertThat(await(email, reply -> reply.status() == 200).body()).isEqualTo(RelayIT.GSA);
            Http.Reply deleted = Http.delete(stack.url(Service.APISERVER) + "/api/v1/namespaces/demo/pods/test-pod");
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            Http.Reply gone = await(email, reply -> reply.status() == 404);
            assertThat(gone.body()).isEqualTo("Unable to identify the calling pod: the default pod demo/test-pod does not exist\n");

            String cluster = stack.scenario().cluster().name();
            new ScenarioApplier(stack.url(Service.IAM), Map.of(cluster, stack.url(Service.APISERVER)), stack.url(Service.STORAGE))
                    .apply(stack.scenario());
            assertThat(await(email, reply -> reply.status() == 200).body()).isEqualTo(RelayIT.GSA);
            // the first relay after the restart is the cold one at every hop (STS fetches the cluster's keys
            // again); on a loaded machine it can outlast the metadata server's 10 s upstream timeout, and a
            // client retries its 503, as google-auth does
            await(stack.url(Service.METADATA) + PodIdentityIT.TOKEN_PATH, reply -> reply.status() == 200);
        }
    }

    /** Asks until the answer is as wanted (the view follows watch events, a relist after a restart takes a reconnect). */
    private static Http.Reply await(String url, Predicate<Http.Reply> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Http.Reply reply = Http.get(url, "Metadata-Flavor", "Google");
        while (!wanted.test(reply) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = Http.get(url, "Metadata-Flavor", "Google");
        }
        assertThat(wanted.test(reply)).as(reply.status() + " " + reply.body()).isTrue();
        return reply;
    }
}
