package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import dev.wisim.stack.cli.WisimCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code wisim register-cluster}, as the Job of deploy/kubernetes runs it inside a cluster: the
 * cluster's issuer and JWKS read over TLS with a bearer token and a CA file, registered in a GKE pool,
 * after which STS accepts the cluster's tokens against the registered keys. Here the cluster is wisim's
 * own API server; the scenario's registration (by JWKS URI) is put back afterwards.
 */
@ExtendWith(SharedStack.class)
class RegisterClusterIT {

    static final String POOL = "demo-project.svc.id.goog";

    @Test
    @SuppressWarnings("unchecked")
    void registersTheIssuerWithTheKeysReadThroughTheApiServer(Stack stack) throws Exception {
        String clusters = stack.url(Service.IAM) + "/_sim/workload-identity/gke-pools/" + POOL + "/clusters";
        String issuer = KubectlIT.ISSUER;
        Map<String, Object> before = registration(clusters, issuer);
        Path token = Files.createTempFile("wisim-token", "");
        Files.writeString(token, stack.secrets().kubeAdminToken() + "\n");
        try {
            int exit = new CommandLine(new WisimCommand()).execute("register-cluster", "--iam", stack.url(Service.IAM), "--pool", POOL,
                    "--apiserver", stack.httpsUrl(Service.APISERVER), "--token-file", token.toString(),
                    "--ca-file", stack.secrets().ca().certificate().toString());
            assertThat(exit).isZero();

            Map<String, Object> registered = registration(clusters, issuer);
            assertThat(registered).containsEntry("pool", POOL).containsEntry("issuer", issuer).containsEntry("jwksUri", null);
            Http.Reply jwks = Http.get(stack.url(Service.APISERVER) + "/openid/v1/jwks");
            assertThat(registered.get("jwksJson")).isEqualTo(jwks.body());

            Http.Reply exchanged = FederationIT.exchangeAsJson(stack, "identitynamespace:" + POOL + ":" + issuer,
                    FederationIT.ksaToken(stack.url(Service.APISERVER), "demo", "test-ksa"));
            assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
            assertThat((String) exchanged.json().get("access_token")).startsWith("ya29.d.");
        } finally {
            Http.Reply restored = Http.putJson(clusters, Map.of("issuer", issuer, "jwksUri", before.get("jwksUri")));
            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        }
    }

    @Test
    void saysWhatIamAnsweredWhenTheRegistrationIsRefused(Stack stack) throws Exception {
        Path token = Files.createTempFile("wisim-token", "");
        Files.writeString(token, stack.secrets().kubeAdminToken());
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new WisimCommand()).execute("register-cluster", "--iam", stack.url(Service.IAM), "--pool", "not-a-pool",
                    "--apiserver", stack.httpsUrl(Service.APISERVER), "--token-file", token.toString(),
                    "--ca-file", stack.secrets().ca().certificate().toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("wisim: IAM answered 400: {\"error\":{\"code\":400,")
                .contains("\"status\":\"INVALID_ARGUMENT\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> registration(String clusters, String issuer) {
        Http.Reply reply = Http.get(clusters + "?issuer=" + issuer);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<Map<String, Object>> found = (List<Map<String, Object>>) reply.json().get("clusters");
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
