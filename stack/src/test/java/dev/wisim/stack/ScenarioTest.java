package dev.wisim.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wisim.stack.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    @Test
    void theDefaultScenarioIsTheArticlesWorld() {
        Scenario scenario = Scenario.defaultScenario();
        assertThat(scenario.admin()).isEqualTo("admin@example.com");
        assertThat(scenario.projects()).extracting(Scenario.ProjectSpec::id).containsExactly("demo-project");
        Scenario.ClusterSpec cluster = scenario.cluster();
        assertThat(cluster.name()).isEqualTo("my-cluster-name");
        assertThat(cluster.location()).isEqualTo("us-central1");
        assertThat(cluster.defaultPod()).isEqualTo("demo/test-pod");
        Scenario.NamespaceSpec demo = cluster.namespacesOrEmpty().get(0);
        assertThat(demo.serviceAccounts()).containsExactly(
                new Scenario.KsaSpec("test-ksa", "test-gsa@demo-project.iam.gserviceaccount.com"));
        assertThat(demo.pods()).containsExactly(new Scenario.PodSpec("test-pod", "test-ksa",
                java.util.List.of(new Scenario.TokenVolumeSpec("workload-identity", "demo-project.svc.id.goog")), null));
        assertThat(scenario.adminServiceAccount()).isEqualTo("wisim-admin");
        assertThat(scenario.serviceAccountsOrEmpty().get(0).bindings()).containsExactly(new Scenario.BindingSpec(
                "roles/iam.workloadIdentityUser", java.util.List.of("serviceAccount:demo-project.svc.id.goog[demo/test-ksa]")));
        assertThat(scenario.bucketsOrEmpty().get(0).objects().get(0).name()).isEqualTo("hello.txt");
    }

    @Test
    void refusesUnknownKeysWithTheirName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "admin: a@example.com\nprojects: [{id: p-123456}]\nclusters: [{project: p-123456, name: c, location: l}]\nbukets: []\n");
        assertThatThrownBy(() -> Scenario.load(file)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bukets");
    }

    @Test
    void needsAnAdminAProjectAndOneCluster(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "admin: nobody\nprojects: [{id: p-123456}]\nclusters: [{project: p-123456, name: c, location: l}]\n");
        assertThatThrownBy(() -> Scenario.load(file)).hasMessageContaining("'admin' must be an email address");
        Files.writeString(file, "admin: a@example.com\nprojects: [{id: p-123456}]\nclusters: []\n");
        assertThatThrownBy(() -> Scenario.load(file)).hasMessageContaining("at least one cluster");
    }
}
