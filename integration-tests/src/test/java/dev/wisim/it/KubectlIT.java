package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.jose.CanonicalJson;
import dev.wisim.stack.Stack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The installed kubectl (through gcloud's dispatcher, which picks kubectl 1.32 from /version) against the cluster, over TLS. */
@ExtendWith(SharedStack.class)
class KubectlIT {

    static final String ISSUER = "https://container.googleapis.com/v1/projects/demo-project/locations/us-central1/clusters/my-cluster-name";

    @BeforeAll
    static void kubectl() {
        CliTool.assumeInstalled("kubectl");
    }

    private static CliTool.Result kubectl(Stack stack, String... args) {
        return CliTool.run(Map.of("KUBECONFIG", stack.clientEnvironment().get("KUBECONFIG")), "kubectl", args);
    }

    private static String ok(CliTool.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }

    @Test
    void reportsTheServerVersionAndWhoIsAsking(Stack stack) {
        assertThat(ok(kubectl(stack, "version"))).contains("Server Version: v1.32.4-gke.1106006");
        assertThat(ok(kubectl(stack, "auth", "whoami"))).contains("Username    kubernetes-admin")
                .contains("Groups      [system:masters system:authenticated]");
    }

    @Test
    void createsAnnotatesAndShowsServiceAccounts(Stack stack) {
        assertThat(ok(kubectl(stack, "create", "namespace", "kubectl-it"))).isEqualTo("namespace/kubectl-it created\n");
        assertThat(ok(kubectl(stack, "get", "ns"))).containsPattern("NAME +STATUS +AGE\n").containsPattern("kubectl-it +Active +\\d+s");
        assertThat(ok(kubectl(stack, "create", "serviceaccount", "app", "-n", "kubectl-it"))).isEqualTo("serviceaccount/app created\n");
        assertThat(ok(kubectl(stack, "annotate", "serviceaccount", "app", "-n", "kubectl-it",
                "iam.gke.io/gcp-service-account=app-gsa@demo-project.iam.gserviceaccount.com"))).isEqualTo("serviceaccount/app annotated\n");
        assertThat(ok(kubectl(stack, "get", "sa", "app", "-n", "kubectl-it", "-o", "yaml")))
                .contains("kind: ServiceAccount\n").contains("    iam.gke.io/gcp-service-account: app-gsa@demo-project.iam.gserviceaccount.com\n")
                .contains("  name: app\n  namespace: kubectl-it\n");
        assertThat(ok(kubectl(stack, "get", "sa", "-n", "kubectl-it"))).containsPattern("NAME +SECRETS +AGE\n")
                .containsPattern("app +0 +\\d+s\n").containsPattern("default +0 +\\d+s\n");
        assertThat(ok(kubectl(stack, "delete", "sa", "app", "-n", "kubectl-it"))).isEqualTo("serviceaccount \"app\" deleted\n");
        assertThat(kubectl(stack, "get", "sa", "app", "-n", "kubectl-it").stderr())
                .isEqualTo("Error from server (NotFound): serviceaccounts \"app\" not found\n");
    }

    @Test
    void appliesManifestsClientAndServerSide(Stack stack) throws IOException {
        ok(kubectl(stack, "create", "namespace", "apply-it"));
        Path manifest = Files.createTempFile("sa", ".yaml");
        Files.writeString(manifest, "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: apply-it\n"
                + "  annotations:\n    iam.gke.io/gcp-service-account: web@demo-project.iam.gserviceaccount.com\n");
        assertThat(ok(kubectl(stack, "apply", "-f", manifest.toString()))).isEqualTo("serviceaccount/web created\n");
        Files.writeString(manifest, Files.readString(manifest).replace("web@", "web2@"));
        assertThat(ok(kubectl(stack, "apply", "-f", manifest.toString()))).isEqualTo("serviceaccount/web configured\n");
        Files.writeString(manifest, Files.readString(manifest).replace("web2@", "web3@"));
        assertThat(ok(kubectl(stack, "apply", "--server-side", "-f", manifest.toString()))).isEqualTo("serviceaccount/web serverside-applied\n");
        assertThat(ok(kubectl(stack, "get", "sa", "web", "-n", "apply-it", "-o",
                "jsonpath={.metadata.annotations.iam\\.gke\\.io/gcp-service-account}"))).isEqualTo("web3@demo-project.iam.gserviceaccount.com");
    }

    @Test
    void runsAPodAndShowsItsIp(Stack stack) {
        ok(kubectl(stack, "create", "namespace", "pods-it"));
        assertThat(ok(kubectl(stack, "run", "p1", "--image=busybox", "-n", "pods-it"))).isEqualTo("pod/p1 created\n");
        String wide = ok(kubectl(stack, "get", "pods", "-n", "pods-it", "-o", "wide"));
        assertThat(wide).containsPattern("NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES\n")
                .containsPattern("p1 +1/1 +Running +0 +\\d+s +127\\.10\\.\\d+\\.\\d+ +gke-my-cluster-name-default-pool-0-node +<none> +<none>");
        String token = ok(kubectl(stack, "create", "token", "default", "-n", "pods-it", "--bound-object-kind", "Pod",
                "--bound-object-name", "p1"));
        Map<String, Object> claims = claims(token);
        assertThat(claims.get("kubernetes.io").toString()).contains("pod={name=p1");
    }

    @Test
    void createsTokensWithKubeApiserversClaims(Stack stack) {
        ok(kubectl(stack, "create", "namespace", "token-it"));
        ok(kubectl(stack, "create", "serviceaccount", "app", "-n", "token-it"));
        String uid = ok(kubectl(stack, "get", "sa", "app", "-n", "token-it", "-o", "jsonpath={.metadata.uid}"));
        String token = ok(kubectl(stack, "create", "token", "app", "-n", "token-it", "--audience", "demo-project.svc.id.goog",
                "--duration", "10m"));
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).matches("\\{\"alg\":\"RS256\",\"kid\":\"[A-Za-z0-9_-]{43}\"}");
        Map<String, Object> claims = claims(token);
        assertThat(claims.keySet()).containsExactly("aud", "exp", "iat", "iss", "jti", "kubernetes.io", "nbf", "sub");
        assertThat(claims.get("aud")).isEqualTo(java.util.List.of("demo-project.svc.id.goog"));
        assertThat(claims.get("iss")).isEqualTo(ISSUER);
        assertThat(claims.get("sub")).isEqualTo("system:serviceaccount:token-it:app");
        long iat = ((Number) claims.get("iat")).longValue();
        assertThat(((Number) claims.get("exp")).longValue() - iat).isEqualTo(600);
        assertThat(((Number) claims.get("nbf")).longValue()).isEqualTo(iat);
        assertThat(Math.abs(iat - Instant.now().getEpochSecond())).isLessThan(60);
        assertThat((String) claims.get("jti")).matches("[0-9a-f-]{36}");
        assertThat(claims.get("kubernetes.io")).isEqualTo(Map.of("namespace", "token-it",
                "serviceaccount", Map.of("name", "app", "uid", uid)));

        CliTool.Result tooShort = kubectl(stack, "create", "token", "app", "-n", "token-it", "--duration", "5m");
        assertThat(tooShort.exitCode()).isNotZero();
        assertThat(tooShort.stderr()).isEqualTo("error: failed to create token: TokenRequest.authentication.k8s.io \"\" is invalid:"
                + " spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n");
    }

    @Test
    void printsKubectlsOwnErrors(Stack stack) {
        ok(kubectl(stack, "create", "namespace", "errors-it"));
        assertThat(kubectl(stack, "create", "namespace", "errors-it").stderr())
                .isEqualTo("Error from server (AlreadyExists): namespaces \"errors-it\" already exists\n");
        assertThat(kubectl(stack, "create", "serviceaccount", "Bad_Name", "-n", "errors-it").stderr())
                .startsWith("error: failed to create serviceaccount: ServiceAccount \"Bad_Name\" is invalid: metadata.name: Invalid value:"
                        + " \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters");
        assertThat(kubectl(stack, "get", "pod", "ghost", "-n", "errors-it").stderr())
                .isEqualTo("Error from server (NotFound): pods \"ghost\" not found\n");
    }

    private static Map<String, Object> claims(String token) {
        return CanonicalJson.read(new String(Base64.getUrlDecoder().decode(token.strip().split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
