package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import dev.wisim.it.clients.AdcStorageClient;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import com.google.api.client.json.webtoken.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The article's relay, end to end, with the real clients. */
@ExtendWith(SharedStack.class)
class RelayIT {

    static final String GSA = "test-gsa@demo-project.iam.gserviceaccount.com";
    static final String TOKEN_PATH = "/computeMetadata/v1/instance/service-accounts/default/token";
    static final String HELLO = "Hello from wisim! This object was read with a GSA token that began as a KSA token.";

    @Test
    void googleAuthLibraryGetsTheGsaTokenAndGoogleCloudStorageReadsTheObject(Stack stack) {
        ClientProcess.Result result = ClientProcess.run(AdcStorageClient.class, stack.clientEnvironment(),
                stack.url(Service.STORAGE), stack.projectId(), "demo-bucket", "hello.txt");

        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<String, String> printed = Arrays.stream(result.output().split("\n")).filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1), (a, b) -> b));
        assertThat(printed).containsEntry("credentials", "ComputeEngineCredentials").containsEntry("account", GSA)
                .containsEntry("content", HELLO);
        Http.Reply info = Http.get(stack.url(Service.IAM) + "/oauth2/v1/tokeninfo", "Authorization", "Bearer " + printed.get("token"));
        assertThat(info.json()).containsEntry("email", GSA);
        JsonWebSignature idToken = IdTokens.verify(stack, printed.get("idToken"), "https://example.test");
        assertThat(idToken.getPayload().get("email")).isEqualTo(GSA);
    }

    @Test
    void theArticlesCurlCallsWork(Stack stack) {
        String metadata = "http://" + stack.clientEnvironment().get("GCE_METADATA_HOST");
        Http.Reply token = Http.get(metadata + TOKEN_PATH, "Metadata-Flavor", "Google");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.header("Content-Type")).isEqualTo("application/json");
        assertThat(token.header("Metadata-Flavor")).isEqualTo("Google");
        assertThat(token.json()).containsOnlyKeys("access_token", "expires_in", "token_type").containsEntry("token_type", "Bearer");
        String accessToken = (String) token.json().get("access_token");
        assertThat(accessToken).startsWith("ya29.");

        Map<String, Object> info = Http.get(stack.url(Service.IAM) + "/oauth2/v1/tokeninfo", "Authorization", "Bearer " + accessToken).json();
        assertThat(info).containsEntry("email", GSA).containsEntry("verified_email", true).containsEntry("access_type", "online");
        assertThat((String) info.get("scope")).contains("https://www.googleapis.com/auth/cloud-platform");

        Http.Reply object = Http.get(stack.url(Service.STORAGE) + "/storage/v1/b/demo-bucket/o/hello.txt?alt=media",
                "Authorization", "Bearer " + accessToken);
        assertThat(object.status()).isEqualTo(200);
        assertThat(object.body().strip()).isEqualTo(HELLO);

        Http.Reply noFlavor = Http.get(metadata + TOKEN_PATH);
        assertThat(noFlavor.status()).isEqualTo(403);
        assertThat(noFlavor.body()).isEqualTo("Missing required header \"Metadata-Flavor\": \"Google\"\n");
    }

    @Test
    void theDirectRestCallWithAKsaTokenGivesTheSameIdentity(Stack stack) {
        String ksaToken = (String) ((Map<?, ?>) Http.postJson(stack.url(Service.APISERVER)
                + "/api/v1/namespaces/demo/serviceaccounts/test-ksa/token", Map.of("spec", Map.of())).json().get("status")).get("token");
        Http.Reply token = Http.get(stack.url(Service.METADATA) + TOKEN_PATH, "Metadata-Flavor", "Google",
                "Authorization", "Bearer " + ksaToken);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        Map<String, Object> info = Http.get(stack.url(Service.IAM) + "/oauth2/v3/tokeninfo?access_token=" + token.json().get("access_token")).json();
        assertThat(info).containsEntry("email", GSA);
    }

    @Test
    void thePodsProjectedTokenIsWhatItPresents(Stack stack) throws Exception {
        java.nio.file.Path token = stack.stateDir().resolve("pods/demo/test-pod/serviceaccount/token");
        for (int i = 0; i < 50 && !java.nio.file.Files.exists(token); i++) {
            Thread.sleep(100);
        }
        String ksaToken = java.nio.file.Files.readString(token);
        assertThat(java.nio.file.Files.readString(token.resolveSibling("namespace"))).isEqualTo("demo");
        assertThat(java.nio.file.Files.readString(token.resolveSibling("ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        Http.Reply reply = Http.get(stack.url(Service.METADATA) + TOKEN_PATH, "Metadata-Flavor", "Google",
                "Authorization", "Bearer " + ksaToken);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void removingTheBindingDeniesAtOnceAndAddingItBackRestores(Stack stack) {
        String policyUrl = stack.url(Service.IAM) + "/v1/projects/-/serviceAccounts/" + GSA;
        String admin = "Bearer " + stack.adminToken();
        Map<String, Object> original = Http.postJson(policyUrl + ":getIamPolicy", Map.of(), "Authorization", admin).json();
        try {
            Http.postJson(policyUrl + ":setIamPolicy", Map.of("policy", Map.of("version", 3)), "Authorization", admin);
            // the metadata server hands out its cached token until it is due for refresh, as GKE's does: forget it
            assertThat(Http.delete(stack.url(Service.METADATA) + "/_sim/token-cache").status()).isEqualTo(204);
            Http.Reply denied = Http.get(stack.url(Service.METADATA) + TOKEN_PATH, "Metadata-Flavor", "Google");
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.body()).startsWith("Unable to generate access token; IAM returned 403 Forbidden: Permission"
                    + " 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).\n"
                    + "This error could be caused by a missing IAM policy binding on the target IAM service account.");
        } finally {
            Map<String, Object> restore = new java.util.HashMap<>(original);
            restore.remove("etag");
            Http.postJson(policyUrl + ":setIamPolicy", Map.of("policy", restore), "Authorization", admin);
            Http.delete(stack.url(Service.METADATA) + "/_sim/token-cache");
        }
        assertThat(Http.get(stack.url(Service.METADATA) + TOKEN_PATH, "Metadata-Flavor", "Google").status()).isEqualTo(200);
    }

    @Test
    void aGsaWithoutABucketBindingGetsGooglesForbidden(Stack stack) throws Exception {
        String admin = "Bearer " + stack.adminToken();
        String iam = stack.url(Service.IAM);
        Http.postJson(iam + "/v1/projects/demo-project/serviceAccounts",
                Map.of("accountId", "no-bucket-gsa", "serviceAccount", Map.of()), "Authorization", admin);
        String email = "no-bucket-gsa@demo-project.iam.gserviceaccount.com";
        Http.postJson(iam + "/v1/projects/-/serviceAccounts/" + email + ":setIamPolicy", Map.of("policy", Map.of("bindings",
                List.of(Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of("serviceAccount:demo-project.svc.id.goog[demo/reader]"))))),
                "Authorization", admin);
        String apiserver = stack.url(Service.APISERVER) + "/api/v1/namespaces/demo";
        Http.postJson(apiserver + "/serviceaccounts", Map.of("metadata", Map.of("name", "reader",
                "annotations", Map.of("iam.gke.io/gcp-service-account", email))));
        String ksaToken = (String) ((Map<?, ?>) Http.postJson(apiserver + "/serviceaccounts/reader/token", Map.of("spec", Map.of()))
                .json().get("status")).get("token");
        String gsaToken = (String) Http.get(stack.url(Service.METADATA) + TOKEN_PATH, "Metadata-Flavor", "Google",
                "Authorization", "Bearer " + ksaToken).json().get("access_token");

        Storage storage = StorageOptions.newBuilder().setHost(stack.url(Service.STORAGE)).setProjectId(stack.projectId())
                .setCredentials(GoogleCredentials.create(new AccessToken(gsaToken, new Date(System.currentTimeMillis() + 3_000_000))))
                .build().getService();
        assertThatThrownBy(() -> storage.readAllBytes(BlobId.of("demo-bucket", "hello.txt")))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo(email + " does not have storage.objects.get access to the Google Cloud"
                            + " Storage object. Permission 'storage.objects.get' denied on resource (or it may not exist).");
                });
    }
}
