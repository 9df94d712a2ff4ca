package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wisim.stack.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes as kubectl renders it ({@code kubectl kustomize}): the control plane behind
 * Services, the metadata server as a host-network DaemonSet that takes over 169.254.169.254, the
 * scenario and cluster-registration Job, and every in-cluster URL pointing at a Service that exists.
 */
class KubernetesManifestsIT {

    static final Path HOME = ComposeFileIT.HOME;
    private static final List<Map<String, Object>> objects = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void render() throws Exception {
        CliTool.assumeInstalled("kubectl");
        CliTool.Result rendered = CliTool.run(Map.of(), "kubectl", "kustomize", HOME.resolve("deploy/kubernetes").toAbsolutePath().toString());
        assertThat(rendered.exitCode()).as(rendered.stderr()).isZero();
        try (MappingIterator<Map<String, Object>> documents = new ObjectMapper(new YAMLFactory()).readerFor(Map.class)
                .readValues(rendered.stdout())) {
            while (documents.hasNext()) {
                objects.add(documents.next());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> get(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (Map<String, Object>) value;
    }

    static Map<String, Object> find(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(get(o, "metadata").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered manifests"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> workload, String field) {
        return (List<Map<String, Object>>) get(workload, "spec", "template", "spec").getOrDefault(field, List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theControlPlaneRunsBehindServicesFromVersionedImages() {
        Map<String, String> modules = Map.of("apiserver-oidc", "apiserver-oidc", "sts", "sts", "iam", "iam", "storage", "resource-server");
        modules.forEach((name, module) -> {
            Map<String, Object> deployment = find("Deployment", name);
            assertThat(get(deployment, "metadata").get("namespace")).isEqualTo("wisim");
            Map<String, Object> container = containers(deployment, "containers").get(0);
            assertThat(container.get("image")).isEqualTo("wisim/" + module + ":0.1.0-SNAPSHOT");
            assertThat(get(container, "readinessProbe", "httpGet").get("path")).isEqualTo("/q/health/ready");
            int port = (Integer) ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort");
            Map<String, Object> service = find("Service", name);
            assertThat(((List<Map<String, Object>>) get(service, "spec").get("ports")).get(0).get("port")).isEqualTo(port);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMetadataServerTakesOver169254169254OnEveryNode() {
        Map<String, Object> daemonSet = find("DaemonSet", "metadata-server");
        Map<String, Object> pod = get(daemonSet, "spec", "template", "spec");
        assertThat(pod).containsEntry("hostNetwork", true).containsEntry("dnsPolicy", "ClusterFirstWithHostNet")
                .containsEntry("serviceAccountName", "metadata-server");
        assertThat(String.join(" ", (List<String>) containers(daemonSet, "initContainers").get(0).get("command")))
                .contains("-d 169.254.169.254/32 -p tcp --dport 80 -j DNAT --to-destination \"$NODE_IP:988\"");
        List<Map<String, Object>> env = (List<Map<String, Object>>) containers(daemonSet, "containers").get(0).get("env");
        assertThat(env).extracting(e -> e.get("name")).contains("METADATA_APISERVER_TOKEN_FILE", "METADATA_APISERVER_CA_FILE",
                "METADATA_CLUSTER_ISSUER", "METADATA_STS_URL", "METADATA_IAM_URL");
        assertThat(env).filteredOn(e -> "METADATA_NODE_NAME".equals(e.get("name")))
                .extracting(e -> get(e, "valueFrom", "fieldRef").get("fieldPath")).containsExactly("spec.nodeName");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) find("ClusterRole", "wisim-metadata-server").get("rules");
        assertThat(rules).anySatisfy(r -> {
                    assertThat((List<String>) r.get("resources")).contains("pods", "serviceaccounts");
                    assertThat((List<String>) r.get("verbs")).contains("list", "watch");
                })
                .anySatisfy(r -> assertThat((List<String>) r.get("resources")).contains("serviceaccounts/token"))
                .anySatisfy(r -> assertThat((List<String>) r.get("resources")).contains("tokenreviews"));
        assertThat(get(find("ClusterRoleBinding", "wisim-metadata-server"), "roleRef").get("name")).isEqualTo("wisim-metadata-server");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyInClusterUrlNamesAServiceThatExistsOnItsPort() throws Exception {
        Pattern url = Pattern.compile("http://([a-z0-9-]+)\\.wisim\\.svc\\.cluster\\.local:(\\d+)");
        String all = new ObjectMapper().writeValueAsString(objects);
        Matcher m = url.matcher(all);
        int checked = 0;
        while (m.find()) {
            Map<String, Object> service = find("Service", m.group(1));
            assertThat(((List<Map<String, Object>>) get(service, "spec").get("ports"))).extracting(p -> p.get("port"))
                    .as(m.group()).contains(Integer.parseInt(m.group(2)));
            checked++;
        }
        assertThat(checked).isGreaterThan(8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJobAppliesAValidScenarioAndRegistersTheHostCluster() throws Exception {
        Map<String, Object> job = find("Job", "scenario");
        assertThat((List<String>) containers(job, "initContainers").get(0).get("args")).startsWith("apply");
        assertThat((List<String>) containers(job, "containers").get(0).get("args")).startsWith("register-cluster");
        String configMapName = (String) objects.stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .map(o -> (String) get(o, "metadata").get("name")).filter(n -> n.startsWith("wisim-scenario")).findFirst().orElseThrow();
        String scenarioYaml = (String) ((Map<String, Object>) find("ConfigMap", configMapName).get("data")).get("scenario.yaml");
        Path file = Files.createTempFile("in-cluster-", ".yaml");
        Files.writeString(file, scenarioYaml);
        Scenario scenario = Scenario.load(file);
        assertThat(scenario.serviceAccountsOrEmpty()).extracting(Scenario.ServiceAccountSpec::id).contains("test-gsa");
        assertThat(Files.readString(HOME.resolve("deploy/kubernetes/example/workload.yaml")))
                .contains("iam.gke.io/gcp-service-account: test-gsa@demo-project.iam.gserviceaccount.com");
    }
}
