package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml in a real engine, as a demo runs it: {@code up -d} (health-ordered, the scenario
 * one-shot last), the capture profile, then the workload container — the scenario's pod by its address
 * — asking GKE's metadata addresses for its token and reading the bucket with it, a write refused with
 * Google's 403, and the published ports answering on the host; {@code down -v} at the end. The images
 * are the build's (deploy/containers). Needs a Docker engine and Compose; skipped without them, except
 * in CI.
 */
class ComposeStackIT {

    static final String PROJECT = "wisim-it";
    static final String TOKEN_PATH = "/computeMetadata/v1/instance/service-accounts/default/token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Compose compose;
    private static Path captures;
    private static Path out;
    private static CliTool.Result firstToken;

    @BeforeAll
    static void upWithTheCaptureRunning() throws Exception {
        compose = Compose.find();
        out = Files.createTempDirectory("wisim-compose-out-");
        captures = Files.createTempDirectory("wisim-compose-captures-");
        compose.env(Map.of("WISIM_COMPOSE_OUT", out.toString(), "WISIM_CAPTURES", captures.toString()));
        compose.ok("up", "-d");
        compose.ok("--profile", "capture", "up", "-d", "capture");
        // the pod's first request, so that the capture holds a whole relay
        firstToken = compose.run("run", "--rm", "-T", "workload");
        compose.ok("--profile", "capture", "stop", "capture");
    }

    @AfterAll
    static void down() {
        if (compose != null) {
            compose.ok("--profile", "capture", "--profile", "workload", "down", "-v", "--remove-orphans");
            assertThat(CliTool.run(Map.of(), "docker", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT)
                    .stdout()).as("containers left by down -v").isBlank();
        }
    }

    @Test
    void everyServiceIsHealthyAndTheScenarioOneShotSucceeded() throws Exception {
        for (String service : ComposeFileIT.SERVICES) {
            assertThat(compose.inspect(service, "{{.State.Health.Status}}")).as(service).isEqualTo("healthy");
        }
        assertThat(compose.inspect("scenario", "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 0");
        assertThat(out.resolve("admin-token")).isNotEmptyFile();
        assertThat(JSON.readValue(out.resolve("admin-key.json").toFile(), Map.class)).containsEntry("type", "service_account")
                .containsEntry("client_email", "wisim-admin@demo-project.iam.gserviceaccount.com")
                .containsEntry("token_uri", "http://iam.localhost:8082/token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkloadGetsTheGsaTokenFromMetadataGoogleInternal() throws Exception {
        assertThat(firstToken.exitCode()).as(firstToken.stderr()).isZero();
        Map<String, Object> token = JSON.readValue(firstToken.stdout(), Map.class);
        assertThat(token).containsOnlyKeys("access_token", "expires_in", "token_type").containsEntry("token_type", "Bearer");
        assertThat((String) token.get("access_token")).startsWith("ya29.c.");
        assertThat((Integer) token.get("expires_in")).isBetween(3000, 3600);
    }

    @Test
    void theWorkloadAtGkesAddressReadsTheObjectAndIsRefusedAWrite() {
        // curl resolves *.localhost to its own loopback, so inside the network it calls the services by name
        String script = String.join("\n",
                "set -e",
                "curl -sS -H 'Metadata-Flavor: Google' http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/email",
                "echo",
                "token=$(curl -sS --fail-with-body -H 'Metadata-Flavor: Google' http://169.254.169.254" + TOKEN_PATH
                        + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')",
                "curl -sS --fail-with-body -H \"Authorization: Bearer $token\" 'http://storage:8083/storage/v1/b/demo-bucket/o/hello.txt?alt=media'",
                "curl -sS -o /dev/null -w '%{http_code}\\n' -H \"Authorization: Bearer $token\" -H 'Content-Type: text/plain' --data-binary no"
                        + " 'http://storage:8083/upload/storage/v1/b/demo-bucket/o?uploadType=media&name=denied.txt'",
                "curl -sS -H \"Authorization: Bearer $token\" -H 'Content-Type: text/plain' --data-binary no"
                        + " 'http://storage:8083/upload/storage/v1/b/demo-bucket/o?uploadType=media&name=denied.txt'",
                "echo",
                "curl -sS -w '%{http_code}' http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/email");
        CliTool.Result result = compose.run("run", "--rm", "-T", "workload", "bash", "-c", script);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("test-gsa@demo-project.iam.gserviceaccount.com");
        assertThat(lines.get(1)).isEqualTo(RelayIT.HELLO);
        assertThat(lines.get(2)).isEqualTo("403");
        assertThat(lines.get(3)).isEqualTo("{\"error\":{\"code\":403,\"message\":\"test-gsa@demo-project.iam.gserviceaccount.com does not"
                + " have storage.objects.create access to the Google Cloud Storage object. Permission 'storage.objects.create' denied on"
                + " resource (or it may not exist).\",\"errors\":[{\"message\":\"test-gsa@demo-project.iam.gserviceaccount.com does not have"
                + " storage.objects.create access to the Google Cloud Storage object. Permission 'storage.objects.create' denied on resource"
                + " (or it may not exist).\",\"domain\":\"global\",\"reason\":\"forbidden\"}]}}");
        assertThat(lines.subList(4, lines.size())).containsExactly("Missing required header \"Metadata-Flavor\": \"Google\"", "403");
    }

    @Test
    void getCredentialsOnTheHostGivesKubectlTheClusterOverVerifiedTls() throws Exception {
        CliTool.assumeInstalled("gcloud");
        CliTool.assumeInstalled("kubectl");
        CliTool.assumeInstalled("gke-gcloud-auth-plugin");
        // the admin's token as gcloud's credential (and the plugin's: it hands CLOUDSDK_AUTH_ACCESS_TOKEN to kubectl as it is)
        Map<String, String> env = Map.of("CLOUDSDK_AUTH_ACCESS_TOKEN", Files.readString(out.resolve("admin-token")).strip(),
                "CLOUDSDK_CORE_PROJECT", "demo-project", "CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER", "http://127.0.0.1:6080/");
        CliTool.Session user = CliTool.session(env);
        user.ok("gcloud", "container", "clusters", "get-credentials", "my-cluster-name", "--location", "us-central1");
        String kubeconfig = Files.readString(user.home().resolve(".kube/config"));
        assertThat(kubeconfig).contains("server: https://127.0.0.1:6443")
                .contains("certificate-authority-data: " + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(out.resolve("ca.pem"))))
                .doesNotContain("insecure-skip-tls-verify");
        assertThat(user.ok("kubectl", "get", "pods", "-n", "demo", "-o", "name")).contains("pod/test-pod");
        assertThat(user.ok("kubectl", "auth", "whoami", "-o", "jsonpath={.status.userInfo.groups}")).contains("system:authenticated");
    }

    @Test
    void thePublishedPortsAnswerOnTheHost() {
        Http.Reply email = Http.get("http://127.0.0.1:8988/computeMetadata/v1/instance/service-accounts/default/email",
                "Metadata-Flavor", "Google");
        assertThat(email.status()).isEqualTo(200);
        assertThat(email.body()).isEqualTo("test-gsa@demo-project.iam.gserviceaccount.com");
        Http.Reply discovery = Http.get("http://127.0.0.1:6080/.well-known/openid-configuration");
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.json()).containsEntry("issuer",
                "https://container.googleapis.com/v1/projects/demo-project/locations/us-central1/clusters/my-cluster-name");
        Http.Reply anonymous = Http.get("http://127.0.0.1:8083/storage/v1/b/demo-bucket/o/hello.txt?alt=media");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void theCaptureHoldsEveryHopOfTheRelay() throws Exception {
        CliTool.Result read = CliTool.run(Map.of(), "docker", "run", "--rm", "--network", "none", "-v", captures + ":/captures:ro",
                "wisim/workload:" + ComposeFileIT.version(), "tcpdump", "-nn", "-A", "-r", "/captures/metadata.pcap");
        assertThat(read.exitCode()).as(read.stderr()).isZero();
        assertThat(read.stdout())
                .contains("GET " + TOKEN_PATH + " HTTP/1.1")                                      // the pod asks
                .contains("POST /api/v1/namespaces/demo/serviceaccounts/test-ksa/token")          // TokenRequest,
                .contains("\"boundObjectRef\"")                                                   //   bound to the pod
                .contains("POST /v1/token")                                                       // STS
                .contains(":generateAccessToken")                                                 // IAM
                .contains("\"access_token\":\"ya29.c.");                                          // the answer
    }

    /** docker compose v2 where the Docker CLI has it, else docker-compose 1.29 (Debian's): the file works with both. */
    record Compose(List<String> command, Map<String, String> environment) {

        static Compose find() {
            boolean engine = CliTool.run(Map.of(), "docker", "info").exitCode() == 0;
            List<String> command = CliTool.run(Map.of(), "docker", "compose", "version").exitCode() == 0
                    ? List.of("docker", "compose") : List.of("docker-compose");
            if (command.size() == 1) {
                CliTool.assumeInstalled("docker-compose");
            }
            CliTool.assumeTrueOrFailInCi(engine, "no Docker engine answers (deploy/containers/setup-engine.sh starts one)");
            return new Compose(command, new HashMap<>());
        }

        void env(Map<String, String> values) {
            environment.putAll(values);
        }

        CliTool.Result run(String... args) {
            List<String> full = new ArrayList<>(command.subList(1, command.size()));
            full.addAll(List.of("-p", PROJECT, "-f", ComposeFileIT.HOME.resolve("docker-compose.yml").toAbsolutePath().toString()));
            full.addAll(List.of(args));
            return CliTool.run(environment, command.get(0), full.toArray(String[]::new));
        }

        void ok(String... args) {
            CliTool.Result result = run(args);
            if (result.exitCode() != 0) {
                throw new AssertionError(String.join(" ", command) + " " + String.join(" ", args) + " exited with " + result.exitCode()
                        + ":\n" + result.stderr());
            }
        }

        /** A field of the service's container, by {@code docker inspect}'s format. */
        String inspect(String service, String format) {
            String id = run("ps", "-a", "-q", service).stdout().strip();
            return CliTool.run(Map.of(), "docker", "inspect", "-f", format, id).stdout().strip();
        }
    }
}
