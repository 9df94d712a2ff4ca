package dev.wisim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.stack.tls.LocalCa;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The whole chain in containers, as the module's users run it: a token from the metadata server on the
 * host (as the default pod), the scenario's object read with it and a write refused; a container on the
 * stack's network doing the same by the services' aliases; STS and IAM over TLS with the local CA.
 * Needs a Docker engine and the images (the build makes them: deploy/containers).
 */
@DockerEngine
@Testcontainers
class WisimStackContainerTest {

    @Container
    static final WisimStack WISIM = new WisimStack().withTls(tempDirectory());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @SuppressWarnings("unchecked")
    void theDefaultPodGetsTheGsaTokenAndReadsTheObject() throws Exception {
        Map<String, String> env = WISIM.clientEnvironment();
        HttpResponse<String> email = HTTP.send(metadata(env, "/computeMetadata/v1/instance/service-accounts/default/email"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(email.statusCode()).isEqualTo(200);
        assertThat(email.headers().firstValue("Metadata-Flavor")).hasValue("Google");
        assertThat(email.body()).isEqualTo("test-gsa@demo-project.iam.gserviceaccount.com");

        HttpResponse<String> token = HTTP.send(metadata(env, "/computeMetadata/v1/instance/service-accounts/default/token"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        Map<String, Object> issued = JSON.readValue(token.body(), Map.class);
        assertThat(issued).containsEntry("token_type", "Bearer").containsKey("expires_in");
        String accessToken = (String) issued.get("access_token");
        assertThat(accessToken).startsWith("ya29.c.");

        HttpResponse<String> object = HTTP.send(HttpRequest.newBuilder(URI.create(env.get("WISIM_STORAGE_URL")
                + "/storage/v1/b/demo-bucket/o/hello.txt?alt=media")).header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.body()).startsWith("Hello from wisim!");

        HttpResponse<String> write = HTTP.send(HttpRequest.newBuilder(URI.create(env.get("WISIM_STORAGE_URL")
                + "/upload/storage/v1/b/demo-bucket/o?uploadType=media&name=denied.txt")).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("no")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(403);
        Map<String, Object> error = (Map<String, Object>) JSON.readValue(write.body(), Map.class).get("error");
        assertThat(error).containsEntry("code", 403).containsEntry("message", "test-gsa@demo-project.iam.gserviceaccount.com does not"
                + " have storage.objects.create access to the Google Cloud Storage object. Permission 'storage.objects.create' denied on"
                + " resource (or it may not exist).");
    }

    @Test
    void aContainerOnTheStacksNetworkReachesTheServicesByTheirAliases() {
        Map<String, String> env = WISIM.networkClientEnvironment();
        assertThat(env).containsEntry("GCE_METADATA_HOST", "metadata:8988").containsEntry("WISIM_STORAGE_URL", "http://storage:8083")
                .doesNotContainKey("WISIM_TRUSTSTORE");
        // the workload image of docker-compose.yml (curl), as a pod of the default scenario
        try (GenericContainer<?> workload = new GenericContainer<>("wisim/workload:" + WisimImages.VERSION)
                .withNetwork(WISIM.getNetwork()).withEnv(env)
                .withCommand("sh", "-c", "token=$(curl -sS --fail-with-body -H 'Metadata-Flavor: Google'"
                        + " http://$GCE_METADATA_HOST/computeMetadata/v1/instance/service-accounts/default/token"
                        + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')"
                        + " && curl -sS --fail-with-body -H \"Authorization: Bearer $token\""
                        + " \"$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/o/hello.txt?alt=media\"")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
            workload.start();
            assertThat(workload.getLogs()).startsWith("Hello from wisim!");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void iamAnswersOverTlsWithTheLocalCasCertificate() throws Exception {
        HttpClient tls = HttpClient.newBuilder().sslContext(trusting(Path.of(WISIM.clientEnvironment().get("WISIM_TRUSTSTORE")))).build();
        HttpResponse<String> project = tls.send(HttpRequest.newBuilder(URI.create(WISIM.getIam().getHttpsUrl() + "/v1/projects/demo-project"))
                .header("Authorization", "Bearer " + WISIM.adminToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(project.statusCode()).as(project.body()).isEqualTo(200);
        assertThat(JSON.readValue(project.body(), Map.class)).containsEntry("projectId", "demo-project")
                .containsEntry("projectNumber", WISIM.projectNumber()).containsEntry("lifecycleState", "ACTIVE");
        HttpResponse<String> refused = tls.send(HttpRequest.newBuilder(URI.create(WISIM.getSts().getHttpsUrl() + "/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=password"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readValue(refused.body(), Map.class)).containsEntry("error", "unsupported_grant_type");
    }

    private static HttpRequest metadata(Map<String, String> env, String path) {
        return HttpRequest.newBuilder(URI.create("http://" + env.get("GCE_METADATA_HOST") + path)).header("Metadata-Flavor", "Google").build();
    }

    private static SSLContext trusting(Path truststore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            store.load(in, LocalCa.TRUSTSTORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("wisim-tls-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
