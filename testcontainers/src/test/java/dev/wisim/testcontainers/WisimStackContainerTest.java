package dev.wisim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The whole chain in containers: a token from the metadata server on the host (as the default pod),
 * then the scenario's object read with it. Needs Docker and the images
 * ({@code ./mvnw -B package -DskipTests && docker compose build}).
 */
@Testcontainers(disabledWithoutDocker = true)
class WisimStackContainerTest {

    @Container
    static final WisimStack WISIM = new WisimStack();

    @Test
    void theDefaultPodGetsTheGsaTokenAndReadsTheObject() throws Exception {
        Map<String, String> env = WISIM.clientEnvironment();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://" + env.get("GCE_METADATA_HOST")
                        + "/computeMetadata/v1/instance/service-accounts/default/token")).header("Metadata-Flavor", "Google").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> object = http.send(HttpRequest.newBuilder(URI.create(env.get("WISIM_STORAGE_URL")
                        + "/storage/v1/b/demo-bucket/o/hello.txt?alt=media")).header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.body()).startsWith("Hello from wisim!");
    }
}
