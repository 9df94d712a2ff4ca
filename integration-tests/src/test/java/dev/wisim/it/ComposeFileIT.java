package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    @SuppressWarnings("unchecked")
    void everyBuildHasItsDockerfileAndEveryImageItsVersion() throws Exception {
        Map<String, Object> compose = compose();
        String version = new String(Files.readAllBytes(HOME.resolve("pom.xml"))).replaceAll("(?s).*?<version>([^<]+)</version>.*", "$1");
        for (Map.Entry<String, Object> entry : ((Map<String, Object>) compose.get("services")).entrySet()) {
            Map<String, Object> service = (Map<String, Object>) entry.getValue();
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = HOME.resolve((String) build.get("context"));
                assertThat(context.resolve((String) build.get("dockerfile"))).as(entry.getKey()).isRegularFile();
                assertThat((String) service.get("image")).as(entry.getKey()).startsWith("wisim/").endsWith(":" + version);
                String dockerfile = Files.readString(context.resolve((String) build.get("dockerfile")));
                assertThat(dockerfile).as(entry.getKey()).contains("USER 1001").doesNotContain(":latest");
            }
            assertThat(String.valueOf(service.get("image"))).as(entry.getKey()).doesNotEndWith(":latest");
        }
        assertThat(HOME.resolve(".dockerignore")).content().startsWith("#").contains("\n*\n");
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
                dependencies.values().forEach(d -> assertThat(((Map<?, ?>) d).get("condition")).as(name).isEqualTo("service_healthy"));
            }
        }
        assertThat(published).doesNotHaveDuplicates().hasSize(SERVICES.size());
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
