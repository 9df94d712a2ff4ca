package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each pod is reached at its own loopback address, and gets its own KSA's identity there. */
@ExtendWith(SharedStack.class)
class PodIdentityIT {

    static final String EMAIL_PATH = "/computeMetadata/v1/instance/service-accounts/default/email";
    static final String TOKEN_PATH = "/computeMetadata/v1/instance/service-accounts/default/token";

    private static String podIp(Stack stack, String namespace, String pod) {
        return (String) ((Map<?, ?>) Http.get(stack.url(Service.APISERVER) + "/api/v1/namespaces/" + namespace + "/pods/" + pod)
                .json().get("status")).get("podIP");
    }

    private static String atPod(Stack stack, String ip) {
        return "http://" + ip + ":" + stack.port(Service.METADATA);
    }

    @Test
    void twoPodsWithDifferentKsasGetTheirOwnGsas(Stack stack) {
        String admin = "Bearer " + stack.adminToken();
        String iam = stack.url(Service.IAM);
        Http.postJson(iam + "/v1/projects/demo-project/serviceAccounts", Map.of("accountId", "batch-gsa", "serviceAccount", Map.of()),
                "Authorization", admin);
        String batchGsa = "batch-gsa@demo-project.iam.gserviceaccount.com";
        Http.postJson(iam + "/v1/projects/-/serviceAccounts/" + batchGsa + ":setIamPolicy", Map.of("policy", Map.of("bindings",
                List.of(Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of("serviceAccount:demo-project.svc.id.goog[demo/batch]"))))),
                "Authorization", admin);
        String apiserver = stack.url(Service.APISERVER) + "/api/v1/namespaces/demo";
        Http.postJson(apiserver + "/serviceaccounts", Map.of("metadata", Map.of("name", "batch",
                "annotations", Map.of("iam.gke.io/gcp-service-account", batchGsa))));
        Http.postJson(apiserver + "/pods", Map.of("metadata", Map.of("name", "batch-pod"), "spec", Map.of("serviceAccountName", "batch",
                "containers", List.of(Map.of("name", "c", "image", "busybox")))));

        Http.Reply batch = Http.get(atPod(stack, podIp(stack, "demo", "batch-pod")) + EMAIL_PATH, "Metadata-Flavor", "Google");
        assertThat(batch.body()).isEqualTo(batchGsa);
        Http.Reply test = Http.get(atPod(stack, podIp(stack, "demo", "test-pod")) + EMAIL_PATH, "Metadata-Flavor", "Google");
        assertThat(test.body()).isEqualTo(RelayIT.GSA);
        String token = (String) Http.get(atPod(stack, podIp(stack, "demo", "batch-pod")) + TOKEN_PATH, "Metadata-Flavor", "Google")
                .json().get("access_token");
        assertThat(Http.get(iam + "/oauth2/v3/tokeninfo?access_token=" + token).json()).containsEntry("email", batchGsa);
    }

    @Test
    void anUnannotatedKsaGetsTheFederatedIdentity(Stack stack) {
        String apiserver = stack.url(Service.APISERVER) + "/api/v1/namespaces/demo";
        Http.postJson(apiserver + "/serviceaccounts", Map.of("metadata", Map.of("name", "plain")));
        Http.postJson(apiserver + "/pods", Map.of("metadata", Map.of("name", "plain-pod"), "spec", Map.of("serviceAccountName", "plain",
                "containers", List.of(Map.of("name", "c", "image", "busybox")))));
        String pod = atPod(stack, podIp(stack, "demo", "plain-pod"));
        assertThat(Http.get(pod + EMAIL_PATH, "Metadata-Flavor", "Google").body()).isEqualTo("demo-project.svc.id.goog");
        String token = (String) Http.get(pod + TOKEN_PATH, "Metadata-Flavor", "Google").json().get("access_token");
        assertThat(token).startsWith("ya29.d.");
        assertThat(Http.get(stack.url(Service.IAM) + "/oauth2/v3/tokeninfo?access_token=" + token).json()).containsEntry("sub",
                "principal://iam.googleapis.com/projects/" + stack.projectNumber()
                        + "/locations/global/workloadIdentityPools/demo-project.svc.id.goog/subject/ns/demo/sa/plain");
        Http.Reply identity = Http.get(pod + "/computeMetadata/v1/instance/service-accounts/default/identity?audience=x",
                "Metadata-Flavor", "Google");
        assertThat(identity.status()).isEqualTo(404);
        assertThat(identity.body()).startsWith("Your Kubernetes service account (demo/plain) is not annotated");
    }
}
