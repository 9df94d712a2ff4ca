package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdentityPoolCredentials;
import dev.wisim.jose.CanonicalJson;
import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.KeyRing;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * STS as the clients reach it without the metadata server: the JSON exchange, external_account
 * credential files (google-auth's IdentityPoolCredentials over HTTPS, gcloud's --cred-file), and an
 * OIDC provider of a pool for an issuer that is not a cluster.
 */
@ExtendWith(SharedStack.class)
class FederationIT {

    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    static final String POOL = "demo-project.svc.id.goog";

    /** A KSA token for the workload pool, as the metadata server requests one (TokenRequest). */
    static String ksaToken(String apiserver, String namespace, String ksa) {
        Http.Reply reply = Http.postJson(apiserver + "/api/v1/namespaces/" + namespace + "/serviceaccounts/" + ksa + "/token",
                Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "TokenRequest",
                        "spec", Map.of("audiences", List.of(POOL), "expirationSeconds", 3600)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return (String) ((Map<?, ?>) reply.json().get("status")).get("token");
    }

    /** The exchange as the GKE metadata server sends it: proto3 JSON with camelCase names. */
    static Http.Reply exchangeAsJson(Stack stack, String audience, String subjectToken) {
        return Http.postJson(stack.url(Service.STS) + "/v1/token", Map.of(
                "grantType", "urn:ietf:params:oauth:grant-type:token-exchange", "audience", audience, "scope", CLOUD_PLATFORM,
                "requestedTokenType", "urn:ietf:params:oauth:token-type:access_token", "subjectToken", subjectToken,
                "subjectTokenType", "urn:ietf:params:oauth:token-type:jwt"));
    }

    static Map<String, Object> tokeninfo(Stack stack, String token) {
        Http.Reply info = Http.get(stack.url(Service.IAM) + "/oauth2/v3/tokeninfo?access_token=" + token.strip());
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        return info.json();
    }

    @Test
    void exchangesTheKsaTokenSentAsJsonLikeTheMetadataServer(Stack stack) {
        String audience = "identitynamespace:" + POOL + ":" + stack.scenario().cluster().issuer();
        Http.Reply exchanged = exchangeAsJson(stack, audience, ksaToken(stack.url(Service.APISERVER), "demo", "test-ksa"));
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.json()).containsEntry("issued_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("token_type", "Bearer");
        assertThat(tokeninfo(stack, (String) exchanged.json().get("access_token")))
                .containsEntry("sub", "principal://iam.googleapis.com/projects/" + stack.projectNumber()
                        + "/locations/global/workloadIdentityPools/" + POOL + "/subject/ns/demo/sa/test-ksa");
    }

    @Test
    void javaIdentityPoolCredentialsReadThePodTokenAndTrustTheExportedTruststore(Stack stack) throws Exception {
        Map<String, String> env = stack.clientEnvironment();
        Map<?, ?> source = (Map<?, ?>) CanonicalJson.read(Files.readString(Path.of(env.get("WISIM_EXTERNAL_ACCOUNT_FILE"))))
                .get("credential_source");
        awaitFile(Path.of((String) source.get("file")));    // the kubelet projects the pod's pool token

        GoogleCredentials impersonated = load(env.get("WISIM_EXTERNAL_ACCOUNT_FILE"), env.get("WISIM_TRUSTSTORE"));
        assertThat(impersonated).isInstanceOf(IdentityPoolCredentials.class);
        String gsaToken = impersonated.refreshAccessToken().getTokenValue();
        assertThat(gsaToken).startsWith("ya29.c.");
        assertThat(tokeninfo(stack, gsaToken)).containsEntry("azp", gsaUniqueId(stack));

        String federated = load(env.get("WISIM_EXTERNAL_ACCOUNT_FEDERATED_FILE"), env.get("WISIM_TRUSTSTORE")).refreshAccessToken()
                .getTokenValue();
        assertThat(federated).startsWith("ya29.d.");
        assertThat((String) tokeninfo(stack, federated).get("sub")).endsWith("/subject/ns/demo/sa/test-ksa");
    }

    @Test
    void gcloudSignsInWithTheCredentialFile(Stack stack) {
        CliTool.assumeInstalled("gcloud");
        Map<String, String> env = new java.util.HashMap<>(stack.clientEnvironment());
        env.keySet().removeIf(k -> k.startsWith("GCE_METADATA"));
        CliTool.Session gcloud = CliTool.session(env);
        gcloud.ok("gcloud", "auth", "login", "--cred-file=" + env.get("WISIM_EXTERNAL_ACCOUNT_FILE"));
        String token = gcloud.ok("gcloud", "auth", "print-access-token");
        assertThat(tokeninfo(stack, token)).containsEntry("azp", gsaUniqueId(stack));

        CliTool.Session direct = CliTool.session(env);
        direct.ok("gcloud", "auth", "login", "--cred-file=" + env.get("WISIM_EXTERNAL_ACCOUNT_FEDERATED_FILE"));
        assertThat(direct.ok("gcloud", "auth", "print-access-token").strip()).startsWith("ya29.d.");
        assertThat(direct.ok("gcloud", "auth", "list", "--format=value(account)")).contains("/subject/ns/demo/sa/test-ksa");
    }

    @Test
    void anOidcProviderAdmitsTheSubjectItsConditionAllows(Stack stack) {
        String iam = stack.url(Service.IAM);
        String admin = "Bearer " + stack.adminToken();
        KeyRing ci = KeyRing.inMemory(Clock.systemUTC());
        String pools = iam + "/v1/projects/demo-project/locations/global/workloadIdentityPools";
        assertThat(Http.postJson(pools + "?workloadIdentityPoolId=ci-pool", Map.of("displayName", "CI"), "Authorization", admin).status())
                .isEqualTo(200);
        Http.Reply provider = Http.postJson(pools + "/ci-pool/providers?workloadIdentityPoolProviderId=builds", Map.of(
                "attributeMapping", Map.of("google.subject", "assertion.sub", "attribute.repository", "assertion.repository"),
                "attributeCondition", "attribute.repository == 'org/app'",
                "oidc", Map.of("issuerUri", "https://ci.example", "jwksJson", CanonicalJson.write(ci.publicJwks()))), "Authorization", admin);
        assertThat(provider.status()).as(provider.body()).isEqualTo(200);
        String audience = "//iam.googleapis.com/projects/" + stack.projectNumber() + "/locations/global/workloadIdentityPools/ci-pool/providers/builds";

        Http.Reply admitted = exchangeAsJson(stack, audience, ciToken(ci, audience, "repo:org/app", "org/app"));
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        Http.Reply refused = exchangeAsJson(stack, audience, ciToken(ci, audience, "repo:org/other", "org/other"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("error", "unauthorized_client")
                .containsEntry("error_description", "The given credential is rejected by the attribute condition.");

        // the admitted subject, bound directly, impersonates a GSA without any KSA involved
        String principal = "principal://iam.googleapis.com/projects/" + stack.projectNumber()
                + "/locations/global/workloadIdentityPools/ci-pool/subject/repo:org/app";
        assertThat(Http.postJson(iam + "/v1/projects/demo-project/serviceAccounts", Map.of("accountId", "ci-deployer"), "Authorization", admin)
                .status()).isEqualTo(200);
        String gsa = "ci-deployer@demo-project.iam.gserviceaccount.com";
        assertThat(Http.postJson(iam + "/v1/projects/-/serviceAccounts/" + gsa + ":setIamPolicy", Map.of("policy", Map.of("bindings",
                List.of(Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of(principal))))), "Authorization", admin).status())
                .isEqualTo(200);
        Http.Reply token = Http.postJson(iam + "/v1/projects/-/serviceAccounts/" + gsa + ":generateAccessToken",
                Map.of("scope", List.of(CLOUD_PLATFORM)), "Authorization", "Bearer " + admitted.json().get("access_token"));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
    }

    private static String ciToken(KeyRing keys, String audience, String subject, String repository) {
        long now = Instant.now().getEpochSecond();
        return JwsSigner.sign(keys.active(), Map.of("iss", "https://ci.example", "aud", audience, "sub", subject,
                "repository", repository, "iat", now, "exp", now + 600));
    }

    private static String gsaUniqueId(Stack stack) {
        Http.Reply account = Http.get(stack.url(Service.IAM) + "/v1/projects/-/serviceAccounts/" + RelayIT.GSA,
                "Authorization", "Bearer " + stack.adminToken());
        return (String) account.json().get("uniqueId");
    }

    private static GoogleCredentials load(String file, String truststore) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(truststore))) {
            trusted.load(in, "changeit".toCharArray());
        }
        NetHttpTransport transport = new NetHttpTransport.Builder().trustCertificates(trusted).build();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return GoogleCredentials.fromStream(in, () -> transport).createScoped(List.of(CLOUD_PLATFORM));
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(file).exists();
    }
}
