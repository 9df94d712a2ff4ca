package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.it.clients.AdcStorageClient;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import dev.wisim.stack.cli.WisimCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The workshop's view of the relay: {@code wisim trace} shows a relay that google-auth-library has just
 * made, hop by hop with the tokens decoded and never the tokens; a fault switch makes the real client
 * fail as it does when IAM refuses, and switched off, the relay works again.
 */
@ExtendWith(SharedStack.class)
class TraceIT {

    @Test
    void traceShowsTheRelayARealClientMadeHopByHop(Stack stack) throws Exception {
        String metadata = stack.url(Service.METADATA);
        assertThat(Http.delete(metadata + "/_sim/token-cache").status()).isEqualTo(204);
        StringWriter printed = new StringWriter();
        CompletableFuture<Integer> trace = CompletableFuture.supplyAsync(() -> new CommandLine(new WisimCommand())
                .setOut(new PrintWriter(printed, true)).execute("trace", "--metadata", metadata, "--count", "1"));
        waitFor(() -> printed.toString().contains("as they happen"));

        ClientProcess.Result client = ClientProcess.run(AdcStorageClient.class, stack.clientEnvironment(),
                stack.url(Service.STORAGE), stack.projectId(), "demo-bucket", "hello.txt");
        assertThat(client.exitCode()).as(client.output()).isZero();
        assertThat(trace.get(30, TimeUnit.SECONDS)).isZero();

        String out = printed.toString();
        assertThat(out).contains("access token for demo/test-pod (KSA demo/test-ksa → " + RelayIT.GSA + "): ok")
                .containsPattern("TokenRequest +201 +\\d+ ms  JWT RS256 kid \\S+  for system:serviceaccount:demo:test-ksa"
                        + "  aud demo-project.svc.id.goog")
                .containsPattern("STS token exchange +200 .*opaque ya29\\.d\\.…  for serviceAccount:demo-project.svc.id.goog\\[demo/test-ksa\\]")
                .containsPattern("IAM generateAccessToken +200 .*opaque ya29\\.c\\.…  for " + RelayIT.GSA)
                .contains("changed: form JWT RS256 → opaque ya29.d.; identity system:serviceaccount:demo:test-ksa"
                        + " → serviceAccount:demo-project.svc.id.goog[demo/test-ksa]");
        String token = client.output().lines().filter(l -> l.startsWith("token=")).findFirst().orElseThrow().substring("token=".length());
        assertThat(out).doesNotContain(token).doesNotContain(token.substring(7, 30));
    }

    @Test
    void aFaultAtIamFailsTheRealClientUntilItIsSwitchedOff(Stack stack) {
        String metadata = stack.url(Service.METADATA);
        Http.delete(metadata + "/_sim/token-cache");
        assertThat(Http.putJson(metadata + "/_sim/faults/iam", Map.of("status", 403)).status()).isEqualTo(200);
        try {
            ClientProcess.Result refused = ClientProcess.run(AdcStorageClient.class, stack.clientEnvironment(),
                    stack.url(Service.STORAGE), stack.projectId(), "demo-bucket", "hello.txt");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).contains("Unable to generate access token; IAM returned 403 Forbidden: a fault switched on");
        } finally {
            assertThat(Http.delete(metadata + "/_sim/faults").status()).isEqualTo(204);
        }
        ClientProcess.Result again = ClientProcess.run(AdcStorageClient.class, stack.clientEnvironment(),
                stack.url(Service.STORAGE), stack.projectId(), "demo-bucket", "hello.txt");
        assertThat(again.exitCode()).as(again.output()).isZero();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("wisim trace started").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
