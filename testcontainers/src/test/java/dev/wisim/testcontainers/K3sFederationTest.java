package dev.wisim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * wisim's STS validates a real Kubernetes, not only its own simulator: k3s's service-account issuer
 * registered as a workload identity pool provider (its JWKS read through the k3s API), a token minted
 * in k3s with TokenRequest, exchanged at STS and impersonating a GSA at IAM. k3s runs in a container;
 * wisim runs as local processes.
 *
 * <p>Needs the k3s image in the local engine. This project's machines reach no registry, so there it
 * is skipped, in CI too; where one is reachable, {@code docker pull rancher/k3s:v1.31.4-k3s1} first.
 */
@DockerEngine
@EnabledIf(value = "k3sImageIsHere", disabledReason = "the image " + K3sFederationTest.IMAGE + " is not in the local Docker"
        + " engine, and this machine reaches no registry to pull it; where one is reachable, docker pull " + K3sFederationTest.IMAGE
        + " (or docker load it), then run this test")
@Testcontainers
class K3sFederationTest {

    static final String IMAGE = "rancher/k3s:v1.31.4-k3s1";

    @Container
    static final K3sContainer K3S = new K3sContainer(DockerImageName.parse(IMAGE));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void aK3sServiceAccountTokenBecomesAGsaToken() throws Exception {
        try (KubernetesClient k3s = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml())).build();
             Stack wisim = Stack.builder().home(Path.of(System.getProperty("wisim.home", ".."))).stateDir(Files.createTempDirectory("wisim-k3s-"))
                     .freePorts().start()) {
            Map<String, Object> discovery = JSON.readValue(k3s.raw("/.well-known/openid-configuration"), Map.class);
            String issuer = (String) discovery.get("issuer");
            String jwks = k3s.raw("/openid/v1/jwks");
            String admin = "Bearer " + wisim.adminToken();
            String iam = wisim.url(Service.IAM);
            String pools = iam + "/v1/projects/demo-project/locations/global/workloadIdentityPools";
            assertThat(post(pools + "?workloadIdentityPoolId=k3s-pool", Map.of("displayName", "k3s"), admin).statusCode()).isEqualTo(200);
            assertThat(post(pools + "/k3s-pool/providers?workloadIdentityPoolProviderId=k3s", Map.of(
                    "attributeMapping", Map.of("google.subject", "assertion.sub"),
                    "oidc", Map.of("issuerUri", issuer, "jwksJson", jwks)), admin).statusCode()).isEqualTo(200);
            String audience = "//iam.googleapis.com/projects/" + wisim.projectNumber()
                    + "/locations/global/workloadIdentityPools/k3s-pool/providers/k3s";

            k3s.serviceAccounts().inNamespace("default").resource(new ServiceAccountBuilder().withNewMetadata().withName("app")
                    .endMetadata().build()).create();
            TokenRequest minted = k3s.serviceAccounts().inNamespace("default").withName("app").tokenRequest(new TokenRequestBuilder()
                    .withNewSpec().withAudiences(audience).withExpirationSeconds(600L).endSpec().build());
            HttpResponse<String> exchanged = post(wisim.url(Service.STS) + "/v1/token", Map.of(
                    "grantType", "urn:ietf:params:oauth:grant-type:token-exchange", "audience", audience,
                    "scope", "https://www.googleapis.com/auth/cloud-platform",
                    "requestedTokenType", "urn:ietf:params:oauth:token-type:access_token",
                    "subjectToken", minted.getStatus().getToken(), "subjectTokenType", "urn:ietf:params:oauth:token-type:jwt"), null);
            assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
            String federated = (String) JSON.readValue(exchanged.body(), Map.class).get("access_token");

            String gsa = "test-gsa@demo-project.iam.gserviceaccount.com";
            String principal = "principal://iam.googleapis.com/projects/" + wisim.projectNumber()
                    + "/locations/global/workloadIdentityPools/k3s-pool/subject/system:serviceaccount:default:app";
            assertThat(post(iam + "/v1/projects/-/serviceAccounts/" + gsa + ":setIamPolicy", Map.of("policy", Map.of("bindings",
                    List.of(Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of(principal))))), admin).statusCode()).isEqualTo(200);
            HttpResponse<String> token = post(iam + "/v1/projects/-/serviceAccounts/" + gsa + ":generateAccessToken",
                    Map.of("scope", List.of("https://www.googleapis.com/auth/cloud-platform")), "Bearer " + federated);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        }
    }

    static boolean k3sImageIsHere() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return false;
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    private static HttpResponse<String> post(String url, Object body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
