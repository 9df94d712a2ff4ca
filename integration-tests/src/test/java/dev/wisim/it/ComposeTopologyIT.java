package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.stack.Service;
import dev.wisim.stack.cli.WisimCommand;
import dev.wisim.stack.process.Concurrently;
import dev.wisim.stack.process.Ports;
import dev.wisim.stack.process.ServiceProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docker-compose.yml's topology without Docker: each of its five services started as a local process
 * with exactly the environment the file gives it — its host names (service names, {@code NAME.localhost}
 * aliases, the metadata server's {@code 169.254.169.254}) mapped to loopback, each port to a free one —
 * then the file's {@code scenario} one-shot, then the relay from the workload's address, as the
 * workload container runs it.
 */
class ComposeTopologyIT {

    static final Map<String, Service> SERVICES = Map.of("apiserver", Service.APISERVER, "metadata", Service.METADATA, "sts", Service.STS,
            "iam", Service.IAM, "storage", Service.STORAGE);
    static final String WORKLOAD_ADDRESS = "127.0.0.100";
    private static final List<ServiceProcess> processes = new ArrayList<>();
    private static final Map<String, String> rewrites = new LinkedHashMap<>();
    private static final Map<String, Integer> ports = new HashMap<>();
    private static Path state;
    private static String[] scenarioCommand;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void startTheComposeServicesAsProcesses() throws Exception {
        Map<String, Object> compose = ComposeFileIT.compose();
        state = Files.createTempDirectory("wisim-compose-");
        for (String name : SERVICES.keySet()) {
            Map<String, Object> service = ComposeFileIT.service(compose, name);
            String containerPort = (String) ((Map<String, Object>) service.get("environment")).get("QUARKUS_HTTP_PORT");
            String published = ((List<Object>) service.get("ports")).get(0).toString().split(":")[0];
            int free = Ports.free();
            ports.put(name, free);
            rewrites.put("//" + name + ":" + containerPort, "//127.0.0.1:" + free);
            rewrites.put("//" + name + ".localhost:" + published, "//127.0.0.1:" + free);
        }
        int https = Ports.free();
        rewrites.put("https://127.0.0.1:6443", "https://127.0.0.1:" + https);
        rewrites.put("169.254.169.254", "127.0.0.1");
        rewrites.put("169.254.169.100", WORKLOAD_ADDRESS);
        rewrites.put("/var/lib/wisim", state.toString());

        // the tls one-shot first, as compose runs it before the API server (not as root here: no --owner)
        List<String> tls = new ArrayList<>();
        List<String> tlsArguments = (List<String>) ComposeFileIT.service(compose, "tls").get("command");
        for (int i = 0; i < tlsArguments.size(); i++) {
            if (tlsArguments.get(i).equals("--owner")) {
                i++;
                continue;
            }
            tls.add(rewrite(tlsArguments.get(i)).replace("/out", state.resolve("out").toString()));
        }
        assertThat(new CommandLine(new WisimCommand()).execute(tls.toArray(String[]::new))).as("the tls one-shot").isZero();

        for (Map.Entry<String, Service> entry : SERVICES.entrySet()) {
            Map<String, Object> service = ComposeFileIT.service(compose, entry.getKey());
            Map<String, String> env = new HashMap<>();
            ((Map<String, Object>) service.get("environment")).forEach((key, value) -> env.put(key, rewrite(String.valueOf(value))));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            if (env.containsKey("QUARKUS_HTTP_SSL_PORT")) {
                env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(https));
            }
            // the service's JAVA_OPTS in the compose file: its -D settings become the process's system properties (its JVM flags are ServiceProcess's)
            Map<String, String> properties = new HashMap<>();
            for (String option : env.getOrDefault("JAVA_OPTS", "").split("\\s+")) {
                if (option.startsWith("-D") && option.contains("=")) {
                    properties.put(option.substring(2, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
                }
            }
            env.remove("JAVA_OPTS");
            Path jar = ComposeFileIT.HOME.resolve(entry.getValue().module()).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
            processes.add(ServiceProcess.start(entry.getValue(), jar, ports.get(entry.getKey()), env, properties,
                    state.resolve("logs").resolve(entry.getKey() + ".log"), false));
        }
        Concurrently.runAll(processes.stream().<Runnable>map(p -> () -> p.awaitReady(Duration.ofSeconds(90))).toList());

        Path scenario = state.resolve("scenario.yaml");
        Files.writeString(scenario, rewrite(Files.readString(ComposeFileIT.HOME.resolve("deploy/compose/scenario.yaml"))));
        List<String> command = new ArrayList<>();
        for (String argument : (List<String>) ComposeFileIT.service(compose, "scenario").get("command")) {
            command.add(rewrite(argument).replace("/scenario/scenario.yaml", scenario.toString()).replace("/out", state.resolve("out").toString()));
        }
        scenarioCommand = command.toArray(String[]::new);
        assertThat(new CommandLine(new WisimCommand()).execute(scenarioCommand)).as("the scenario one-shot").isZero();
    }

    @AfterAll
    static void stop() {
        Concurrently.runAll(processes.stream().<Runnable>map(p -> p::stop).toList());
    }

    private static String rewrite(String value) {
        String result = value;
        for (Map.Entry<String, String> each : rewrites.entrySet()) {
            result = result.replace(each.getKey(), each.getValue());
        }
        return result;
    }

    /** An HTTP GET from the workload's own address, as the workload container's requests arrive at the metadata server. */
    private static String getFromWorkload(String path) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(WORKLOAD_ADDRESS), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", ports.get("metadata")), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: metadata.google.internal\r\nMetadata-Flavor: Google\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).as(path).startsWith("HTTP/1.0 200").contains("Metadata-Flavor: Google");
                return response.substring(response.indexOf("\r\n\r\n") + 4);
            }
        }
    }

    @Test
    void theWorkloadIsThePodByItsAddressAndGetsTheGsaToken() throws Exception {
        assertThat(getFromWorkload("/computeMetadata/v1/instance/service-accounts/default/email"))
                .isEqualTo("test-gsa@demo-project.iam.gserviceaccount.com");
        @SuppressWarnings("unchecked")
        Map<String, Object> token = new ObjectMapper().readValue(
                getFromWorkload("/computeMetadata/v1/instance/service-accounts/default/token"), Map.class);
        String accessToken = (String) token.get("access_token");
        assertThat(accessToken).startsWith("ya29.c.");

        Http.Reply object = Http.get(rewrite("http://storage.localhost:8083") + "/storage/v1/b/demo-bucket/o/hello.txt?alt=media",
                "Authorization", "Bearer " + accessToken);
        assertThat(object.status()).as(object.body()).isEqualTo(200);
        assertThat(object.body().strip()).isEqualTo(RelayIT.HELLO);
        Http.Reply metadata = Http.get(rewrite("http://storage.localhost:8083") + "/storage/v1/b/demo-bucket/o/hello.txt",
                "Authorization", "Bearer " + accessToken);
        assertThat((String) metadata.json().get("mediaLink")).startsWith(rewrite("http://storage.localhost:8083") + "/download/");
        assertThat(state.resolve("out/admin-key.json")).isRegularFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScenarioOneShotAppliesAgainAsComposeStartsItBeforeEveryWorkloadRun() throws Exception {
        String keyFile = Files.readString(state.resolve("out/admin-key.json"));
        assertThat(new CommandLine(new WisimCommand()).execute(scenarioCommand)).as("the scenario one-shot, again").isZero();
        String admin = Files.readString(state.resolve("out/admin-token")).strip();
        // the admin's key file it found is kept, and so is its key (the only one): no new key at every run
        assertThat(Files.readString(state.resolve("out/admin-key.json"))).isEqualTo(keyFile);
        String keyId = (String) new ObjectMapper().readValue(keyFile, Map.class).get("private_key_id");
        Http.Reply keys = Http.get(rewrite("http://iam.localhost:8082")
                + "/v1/projects/-/serviceAccounts/wisim-admin@demo-project.iam.gserviceaccount.com/keys?keyTypes=USER_MANAGED",
                "Authorization", "Bearer " + admin);
        assertThat(keys.status()).as(keys.body()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) keys.json().get("keys")).extracting(k -> (String) k.get("name"))
                .containsExactly("projects/demo-project/serviceAccounts/wisim-admin@demo-project.iam.gserviceaccount.com/keys/" + keyId);
        Http.Reply policy = Http.postJson(rewrite("http://iam.localhost:8082")
                + "/v1/projects/-/serviceAccounts/test-gsa@demo-project.iam.gserviceaccount.com:getIamPolicy", Map.of(),
                "Authorization", "Bearer " + admin);
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) policy.json().get("bindings")).containsExactly(Map.of("role", "roles/iam.workloadIdentityUser",
                "members", List.of("serviceAccount:demo-project.svc.id.goog[demo/test-ksa]")));
        Http.Reply project = Http.get(rewrite("http://iam.localhost:8082") + "/v1/projects/demo-project", "Authorization", "Bearer " + admin);
        assertThat(project.json()).containsEntry("projectNumber", "814739424704");
    }
}
