package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import dev.wisim.stack.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Identity sameness: two clusters of one project share the workload pool, so a KSA of the same
 * namespace and name is one principal in both, and one binding serves both; and a KSA bound directly
 * on a bucket reads it with its federated token, no GSA involved.
 */
class TwoClustersIT {

    static final String GSA = "cart-gsa@demo-project.iam.gserviceaccount.com";
    private static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        Path scenario = Path.of(TwoClustersIT.class.getResource("/scenarios/two-clusters.yaml").toURI());
        stack = Stack.builder().home(Path.of(System.getProperty("wisim.home", ".."))).stateDir(Files.createTempDirectory("wisim-two-"))
                .freePorts().scenario(Scenario.load(scenario)).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String federatedToken(String cluster, String ksa) {
        Scenario.ClusterSpec spec = stack.scenario().clusters().stream().filter(c -> c.name().equals(cluster)).findFirst().orElseThrow();
        Http.Reply exchanged = FederationIT.exchangeAsJson(stack, "identitynamespace:demo-project.svc.id.goog:" + spec.issuer(),
                FederationIT.ksaToken(stack.clusterUrl(cluster), "shop", ksa));
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        return (String) exchanged.json().get("access_token");
    }

    private static Http.Reply impersonate(String federated) {
        return Http.postJson(stack.url(Service.IAM) + "/v1/projects/-/serviceAccounts/" + GSA + ":generateAccessToken",
                Map.of("scope", List.of(FederationIT.CLOUD_PLATFORM)), "Authorization", "Bearer " + federated);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameKsaInBothClustersIsOnePrincipalWithOneBinding() {
        String east = federatedToken("east", "cart");
        String west = federatedToken("west", "cart");
        assertThat(FederationIT.tokeninfo(stack, east).get("sub")).isEqualTo(FederationIT.tokeninfo(stack, west).get("sub"));
        for (String federated : List.of(east, west)) {
            Http.Reply granted = impersonate(federated);
            assertThat(granted.status()).as(granted.body()).isEqualTo(200);
            assertThat((String) granted.json().get("accessToken")).startsWith("ya29.");
        }
        Http.Reply denied = impersonate(federatedToken("west", "other"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat((Map<String, Object>) denied.json().get("error")).containsEntry("status", "PERMISSION_DENIED")
                .containsEntry("message", "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).");
    }

    @Test
    void anUnannotatedKsaReadsTheBucketBoundToItsPrincipal() {
        Http.Reply token = Http.get(stack.url(Service.METADATA) + "/computeMetadata/v1/instance/service-accounts/default/token",
                "Metadata-Flavor", "Google");
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        String federated = (String) token.json().get("access_token");
        assertThat(federated).startsWith("ya29.d.");

        Http.Reply object = Http.get(stack.url(Service.STORAGE) + "/storage/v1/b/cart-bucket/o/cart.txt?alt=media",
                "Authorization", "Bearer " + federated);
        assertThat(object.status()).as(object.body()).isEqualTo(200);
        assertThat(object.body()).isEqualTo("for the cart");
        Http.Reply denied = Http.get(stack.url(Service.STORAGE) + "/storage/v1/b/cart-bucket/o/cart.txt?alt=media",
                "Authorization", "Bearer " + federatedToken("west", "other"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(((Map<?, ?>) denied.json().get("error")).get("message").toString())
                .contains("/subject/ns/shop/sa/other does not have storage.objects.get access");
    }
}
