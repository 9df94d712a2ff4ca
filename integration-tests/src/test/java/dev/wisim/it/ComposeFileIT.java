package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot rot: what it builds exists, what it starts is checked for health, what it publishes is unique. */
class ComposeFileIT {

    static final Path HOME = Path.of(System.getProperty("wisim.home", ".."));
    static final List<String> SERVICES = List.of("apiserver", "metadata", "sts", "iam", "storage");

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readValue(HOME.resolve("docker-compose.yml").toFile(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    /** The project's version, the images' tag. */
    static String version() throws Exception {
        return Files.readString(HOME.resolve("pom.xml")).replaceAll("(?s).*?<version>([^<]+)</version>.*", "$1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBuildHasItsDockerfileAndEveryImageItsVersion() throws Exception {
        Map<String, Object> compose = compose();
        String version = version();
        for (Map.Entry<String, Object> entry : ((Map<String, Object>) compose.get("services")).entrySet()) {
            Map<String, Object> service = (Map<String, Object>) entry.getValue();
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = HOME.resolve((String) build.get("context"));
                Path dockerfile = context.resolve(build.get("dockerfile") == null ? "Dockerfile" : (String) build.get("dockerfile")).normalize();
                assertThat(dockerfile).as(entry.getKey()).isRegularFile();
                assertThat((String) service.get("image")).as(entry.getKey()).startsWith("wisim/").endsWith(":" + version);
                String text = Files.readString(dockerfile);
                assertThat(text).as(entry.getKey()).doesNotContain(":latest");
                if (!"workload".equals(entry.getKey())) {
                    assertThat(text).as(entry.getKey()).contains("USER 1001");
                }
                // the base is a build argument whose default is the Dockerfile's own, so that users with a registry build FROM it
                String base = (String) ((Map<String, Object>) build.get("args")).get("BASE_IMAGE");
                String dockerfileDefault = text.replaceAll("(?s).*\\nARG BASE_IMAGE=(\\S+)\\n.*", "$1");
                assertThat(base).as(entry.getKey()).matches("\\$\\{WISIM_(WORKLOAD_)?BASE_IMAGE:-" + Pattern.quote(dockerfileDefault) + "\\}");
                assertThat(text).as(entry.getKey()).contains("FROM ${BASE_IMAGE}");
            }
            assertThat(String.valueOf(service.get("image"))).as(entry.getKey()).doesNotEndWith(":latest");
        }
    }

    @Test
    void composeV2AndDockerCompose129BothAcceptTheFile() throws Exception {
        // docker-compose 1.29 rejects a top-level name: the project's name comes from .env, which both read
        assertThat(compose().keySet()).allMatch(key -> List.of("services", "networks", "volumes").contains(key) || key.startsWith("x-"));
        assertThat(Files.readAllLines(HOME.resolve(".env"))).contains("COMPOSE_PROJECT_NAME=wisim");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesAreHealthCheckedAndWaitedForAndPublishDistinctPorts() throws Exception {
        Map<String, Object> compose = compose();
        List<String> published = new ArrayList<>();
        for (String name : SERVICES) {
            Map<String, Object> service = service(compose, name);
            assertThat(service).as(name).containsKeys("healthcheck", "environment", "ports");
            for (Object port : (List<Object>) service.get("ports")) {
                published.add(port.toString().split(":")[0]);
            }
            if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
                // services wait for the services they call to be healthy, and for the one-shot that made their TLS files
                dependencies.forEach((dependency, d) -> assertThat(((Map<?, ?>) d).get("condition")).as(name + " on " + dependency)
                        .isEqualTo("tls".equals(dependency) ? "service_completed_successfully" : "service_healthy"));
            }
        }
        assertThat(published).doesNotHaveDuplicates().hasSize(SERVICES.size() + 1);   // the API server's HTTPS port too
        Map<String, Object> apiserver = service(compose, "apiserver");
        assertThat((List<Object>) apiserver.get("ports")).contains("6443:6443");
        assertThat((List<String>) service(compose, "tls").get("command")).contains("tls", "--out", "/out");
        Map<String, Object> scenario = service(compose, "scenario");
        assertThat(((Map<String, Object>) scenario.get("depends_on")).keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(((Map<String, Object>) service(compose, "workload").get("depends_on")).get("scenario"))
                .isEqualTo(Map.of("condition", "service_completed_successfully"));
        String scenarioFile = ((List<String>) scenario.get("command")).get(((List<String>) scenario.get("command")).indexOf("--scenario") + 1);
        assertThat(HOME.resolve("deploy/compose").resolve(Path.of(scenarioFile).getFileName())).isRegularFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMetadataServerIsWhereGkePutsItAndTheWorkloadIsThePod() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Object> metadata = service(compose, "metadata");
        assertThat(((Map<String, Object>) ((Map<String, Object>) metadata.get("networks")).get("wisim")).get("ipv4_address"))
                .isEqualTo("169.254.169.254");
        assertThat((Map<String, Object>) metadata.get("environment")).containsEntry("QUARKUS_HTTP_PORT", "80");
        Map<String, Object> workload = service(compose, "workload");
        assertThat((List<String>) workload.get("extra_hosts")).containsExactly("metadata.google.internal:169.254.169.254");
        String address = (String) ((Map<String, Object>) ((Map<String, Object>) workload.get("networks")).get("wisim")).get("ipv4_address");
        assertThat(Files.readString(HOME.resolve("deploy/compose/scenario.yaml"))).contains("address: " + address);
        assertThat(service(compose, "capture")).containsEntry("network_mode", "service:metadata");
    }
}
