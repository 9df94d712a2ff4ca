package dev.wisim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wisim.stack.Service;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything about the containers that needs no Docker: images, ports, aliases, settings, wiring, the client environment. */
class WisimContainersTest {

    @Test
    void imagesAreNamedByModuleAndVersionNeverLatest() {
        assertThat(WisimImages.VERSION).isNotBlank().doesNotContain("$").isNotEqualTo("latest");
        assertThat(WisimImages.IAM).isEqualTo("wisim/iam:" + WisimImages.VERSION);
        assertThat(WisimImages.STORAGE).isEqualTo("wisim/resource-server:" + WisimImages.VERSION);
    }

    @Test
    void eachContainerExposesItsPortAndIsReachableByItsAlias() {
        StsContainer sts = new StsContainer().withUpstreams("http://apiserver:6080", "http://iam:8082");
        assertThat(sts.getExposedPorts()).containsExactly(StsContainer.PORT);
        assertThat(sts.getNetworkAliases()).contains("sts");
        assertThat(sts.getInternalUrl()).isEqualTo("http://sts:8081");
        assertThat(sts.getEnvMap()).containsEntry("QUARKUS_HTTP_PORT", "8081").containsEntry("STS_CONTAINER_API_URL", "http://apiserver:6080")
                .containsEntry("STS_IAM_URL", "http://iam:8082");
        assertThat(new ApiserverContainer().withCluster("p-1", "europe-west1", "c").withAdminToken("t").getEnvMap())
                .containsEntry("APISERVER_PROJECT_ID", "p-1").containsEntry("APISERVER_LOCATION", "europe-west1")
                .containsEntry("APISERVER_CLUSTER_NAME", "c").containsEntry("APISERVER_ADMIN_TOKEN", "t");
        assertThat(new StorageContainer().withExternalUrl("http://storage.localhost:8083").getEnvMap())
                .containsEntry("STORAGE_EXTERNAL_URL", "http://storage.localhost:8083").containsEntry("STORAGE_DATA_DIR", "/var/lib/wisim/storage");
        assertThatThrownBy(() -> new IamContainer().getHttpsUrl()).isInstanceOf(IllegalStateException.class).hasMessageContaining("withTls");
    }

    @Test
    void theStackWiresTheServicesByTheirAliasesAndTheScenario() {
        WisimStack stack = new WisimStack();
        assertThat(stack.getMetadataServer().getEnvMap()).containsEntry("METADATA_APISERVER_URL", "http://apiserver:6080")
                .containsEntry("METADATA_STS_URL", "http://sts:8081").containsEntry("METADATA_IAM_URL", "http://iam:8082")
                .containsEntry("METADATA_DEFAULT_POD", "demo/test-pod").containsEntry("METADATA_CLUSTER_NAME", "my-cluster-name");
        assertThat(stack.getIam().getEnvMap()).containsEntry("IAM_STS_URL", "http://sts:8081");
        assertThat(stack.getStorage().getEnvMap()).containsEntry("STORAGE_IAM_URL", "http://iam:8082");
        assertThatThrownBy(stack::adminToken).isInstanceOf(IllegalStateException.class).hasMessage("the stack is not started");
    }

    @Test
    void tlsGivesStsIamAndTheApiServerCertificatesOfOneLocalCa(@TempDir Path dir) {
        WisimStack stack = new WisimStack().withTls(dir);
        assertThat(dir.resolve("ca.pem")).isRegularFile();
        assertThat(dir.resolve("truststore.p12")).isRegularFile();
        assertThat(stack.getSts().getEnvMap()).containsEntry("QUARKUS_HTTP_SSL_PORT", "8441")
                .containsEntry("JAVA_TOOL_OPTIONS", "-Dquarkus.tls.key-store.pem.0.cert=/deployments/tls/cert.pem"
                        + " -Dquarkus.tls.key-store.pem.0.key=/deployments/tls/key.pem");
        assertThat(stack.getIam().getExposedPorts()).containsExactlyInAnyOrder(IamContainer.PORT, IamContainer.HTTPS_PORT);
        assertThat(stack.getApiserver().getEnvMap()).containsEntry("QUARKUS_HTTP_SSL_PORT", "6443");
    }

    @Test
    void theClientEnvironmentPointsGcloudAndTheLibrariesAtTheMappedPorts(@TempDir Path dir) {
        Map<String, String> env = WisimStack.clientEnvironment("demo-project", "814739424704", Map.of(
                Service.APISERVER, "http://localhost:32768", Service.METADATA, "http://localhost:32769", Service.STS, "http://localhost:32770",
                Service.IAM, "http://localhost:32771", Service.STORAGE, "http://localhost:32772"), dir.resolve("truststore.p12"));
        assertThat(env).containsEntry("GCE_METADATA_HOST", "localhost:32769").containsEntry("GCE_METADATA_ROOT", "localhost:32769")
                .containsEntry("CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE", "http://localhost:32772/")
                .containsEntry("CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS", "http://localhost:32771/")
                .containsEntry("WISIM_PROJECT_NUMBER", "814739424704")
                .containsEntry("WISIM_TRUSTSTORE", dir.resolve("truststore.p12").toString());
    }
}
