package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.IdToken;
import com.google.auth.oauth2.IdTokenProvider;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * google-auth-library-java against IAM: a service account key file (the scenario's admin) signs in
 * through the token endpoint, and {@code ImpersonatedCredentials} walks a delegation chain to another
 * account for access tokens, ID tokens and signatures.
 */
@ExtendWith(SharedStack.class)
class ImpersonationIT {

    /** With the email scope, tokeninfo names the account. */
    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform",
            "https://www.googleapis.com/auth/userinfo.email");
    static final String ADMIN = "wisim-admin@demo-project.iam.gserviceaccount.com";
    static final String HOP = "chain-hop@demo-project.iam.gserviceaccount.com";
    static final String TARGET = "chain-target@demo-project.iam.gserviceaccount.com";

    @BeforeAll
    static void aDelegationChain(Stack stack) {
        String iam = stack.url(Service.IAM);
        String admin = "Bearer " + stack.adminToken();
        for (String id : List.of("chain-hop", "chain-target")) {
            Http.Reply created = Http.postJson(iam + "/v1/projects/demo-project/serviceAccounts", Map.of("accountId", id), "Authorization", admin);
            assertThat(created.status()).as(created.body()).isIn(200, 409);
        }
        bind(iam, admin, HOP, "serviceAccount:" + ADMIN);
        bind(iam, admin, TARGET, "serviceAccount:" + HOP);
    }

    private static void bind(String iam, String admin, String email, String member) {
        Http.Reply set = Http.postJson(iam + "/v1/projects/-/serviceAccounts/" + email + ":setIamPolicy",
                Map.of("policy", Map.of("bindings", List.of(Map.of("role", "roles/iam.serviceAccountTokenCreator", "members", List.of(member))))),
                "Authorization", admin);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    static ServiceAccountCredentials adminKey(Stack stack) throws IOException {
        String keyFile = stack.adminKeyFile().orElseThrow();
        return (ServiceAccountCredentials) ServiceAccountCredentials.fromStream(
                new ByteArrayInputStream(keyFile.getBytes(StandardCharsets.UTF_8))).createScoped(SCOPES);
    }

    /** Sends what the library addresses to iamcredentials.googleapis.com to the stack's IAM, as a hosts entry would. */
    static HttpTransportFactory toIam(Stack stack) {
        NetHttpTransport transport = new NetHttpTransport.Builder().setConnectionFactory(url -> (HttpURLConnection) URI.create(
                url.toString().replace("https://iamcredentials.googleapis.com", stack.url(Service.IAM))).toURL().openConnection()).build();
        return () -> transport;
    }

    static ImpersonatedCredentials impersonate(Stack stack, List<String> delegates) throws IOException {
        return ImpersonatedCredentials.newBuilder().setSourceCredentials(adminKey(stack)).setTargetPrincipal(TARGET)
                .setDelegates(delegates).setScopes(SCOPES).setLifetime(3600)
                .setIamEndpointOverride(stack.url(Service.IAM) + "/v1/projects/-/serviceAccounts/" + TARGET + ":generateAccessToken")
                .setHttpTransportFactory(toIam(stack)).build();
    }

    @Test
    void theAdminKeyFileSignsInThroughTheTokenEndpoint(Stack stack) throws IOException {
        ServiceAccountCredentials credentials = adminKey(stack);
        assertThat(tokeninfoEmail(stack, credentials.refreshAccessToken().getTokenValue())).isEqualTo(ADMIN);

        IdToken idToken = credentials.idTokenWithAudience("https://service.example", List.of(IdTokenProvider.Option.INCLUDE_EMAIL));
        assertThat(IdTokens.verify(stack, idToken.getTokenValue(), "https://service.example").getPayload().get("email"))
                .isEqualTo(ADMIN);
    }

    @Test
    void impersonatesThroughADelegateChain(Stack stack) throws IOException {
        ImpersonatedCredentials target = impersonate(stack, List.of(HOP));
        assertThat(tokeninfoEmail(stack, target.refreshAccessToken().getTokenValue())).isEqualTo(TARGET);

        IdToken idToken = target.idTokenWithAudience("https://service.example", List.of(IdTokenProvider.Option.INCLUDE_EMAIL));
        assertThat(IdTokens.verify(stack, idToken.getTokenValue(), "https://service.example").getPayload().get("email"))
                .isEqualTo(TARGET);
    }

    @Test
    void signsWithTheTargetsPublishedKey(Stack stack) throws Exception {
        byte[] blob = "sign me".getBytes(StandardCharsets.UTF_8);
        byte[] signature = impersonate(stack, List.of(HOP)).sign(blob);

        Map<String, Object> certificates = Http.get(stack.url(Service.IAM) + "/service_accounts/v1/metadata/x509/" + TARGET).json();
        boolean verified = false;
        for (Object pem : certificates.values()) {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(((String) pem).getBytes(StandardCharsets.US_ASCII))));
            verifier.update(blob);
            verified |= verifier.verify(signature);
        }
        assertThat(verified).as("the signature verifies with one of " + certificates.keySet()).isTrue();
    }

    @Test
    void withoutTheDelegateTheOwnerIsRefused(Stack stack) throws IOException {
        ImpersonatedCredentials direct = impersonate(stack, List.of());
        assertThatThrownBy(direct::refreshAccessToken).isInstanceOf(IOException.class)
                .hasStackTraceContaining("403").hasStackTraceContaining("iam.serviceAccounts.getAccessToken");
    }

    private static String tokeninfoEmail(Stack stack, String token) {
        Http.Reply info = Http.get(stack.url(Service.IAM) + "/oauth2/v3/tokeninfo?access_token=" + token);
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        return (String) info.json().get("email");
    }
}
