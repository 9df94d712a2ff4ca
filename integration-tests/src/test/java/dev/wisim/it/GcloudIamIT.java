package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real gcloud administering IAM, signed in with the scenario's admin key file (no metadata server
 * in its environment), and signing in with a key file it created itself.
 */
@ExtendWith(SharedStack.class)
class GcloudIamIT {

    static final String POOL_MEMBER = "serviceAccount:demo-project.svc.id.goog[team-a/app]";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void gcloud() {
        CliTool.assumeInstalled("gcloud");
    }

    /** The stack's client environment without the metadata server: credentials come from key files only. */
    static Map<String, String> withoutMetadata(Stack stack) {
        Map<String, String> env = new HashMap<>(stack.clientEnvironment());
        env.keySet().removeIf(k -> k.startsWith("GCE_METADATA"));
        return env;
    }

    static CliTool.Session asAdmin(Stack stack) {
        CliTool.Session admin = CliTool.session(withoutMetadata(stack));
        admin.ok("gcloud", "auth", "activate-service-account", "--key-file", stack.clientEnvironment().get("WISIM_ADMIN_KEY_FILE"));
        return admin;
    }

    @Test
    void managesAServiceAccountThroughItsWholeLife(Stack stack) throws IOException {
        CliTool.Session admin = asAdmin(stack);
        String email = "app-life@demo-project.iam.gserviceaccount.com";

        assertThat(admin.run("gcloud", "iam", "service-accounts", "create", "app-life", "--display-name", "app").stderr())
                .contains("Created service account [app-life]");
        assertThat(admin.ok("gcloud", "iam", "service-accounts", "list", "--format=value(email)").lines())
                .contains(email, RelayIT.GSA);
        assertThat(json(admin.ok("gcloud", "iam", "service-accounts", "describe", email, "--format=json")))
                .containsEntry("displayName", "app").containsEntry("email", email).containsEntry("projectId", "demo-project");

        admin.ok("gcloud", "iam", "service-accounts", "add-iam-policy-binding", email, "--role", "roles/iam.workloadIdentityUser",
                "--member", POOL_MEMBER);
        Map<String, Object> policy = json(admin.ok("gcloud", "iam", "service-accounts", "get-iam-policy", email, "--format=json"));
        assertThat(policy.get("bindings")).isEqualTo(List.of(Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of(POOL_MEMBER))));
        admin.ok("gcloud", "iam", "service-accounts", "remove-iam-policy-binding", email, "--role", "roles/iam.workloadIdentityUser",
                "--member", POOL_MEMBER);
        assertThat(json(admin.ok("gcloud", "iam", "service-accounts", "get-iam-policy", email, "--format=json"))).doesNotContainKey("bindings");

        CliTool.Result created = admin.run("gcloud", "iam", "service-accounts", "keys", "create", "key.json", "--iam-account", email);
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        Map<String, Object> keyFile = JSON.readValue(admin.home().resolve("key.json").toFile(), Map.class);
        assertThat(keyFile).containsEntry("type", "service_account").containsEntry("client_email", email)
                .containsEntry("token_uri", stack.url(Service.IAM) + "/token");
        assertThat(created.stderr()).contains("created key [" + keyFile.get("private_key_id") + "] of type [json]");
        assertThat(admin.ok("gcloud", "iam", "service-accounts", "keys", "list", "--iam-account", email, "--managed-by=user",
                "--format=value(name)").strip()).isEqualTo(keyFile.get("private_key_id"));

        admin.ok("gcloud", "iam", "service-accounts", "disable", email);
        assertThat(json(admin.ok("gcloud", "iam", "service-accounts", "describe", email, "--format=json"))).containsEntry("disabled", true);
        admin.ok("gcloud", "iam", "service-accounts", "enable", email);
        assertThat(json(admin.ok("gcloud", "iam", "service-accounts", "describe", email, "--format=json"))).doesNotContainKey("disabled");

        admin.ok("gcloud", "iam", "service-accounts", "delete", email);
        CliTool.Result gone = admin.run("gcloud", "iam", "service-accounts", "describe", email);
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.stderr()).contains("NOT_FOUND").contains("Unknown service account");
    }

    /** The IAM roles API: what a predefined role holds, and the roles there are. */
    @Test
    void describesAndListsThePredefinedRoles(Stack stack) throws IOException {
        CliTool.Session admin = asAdmin(stack);
        Map<String, Object> role = json(admin.ok("gcloud", "iam", "roles", "describe", "roles/iam.workloadIdentityUser", "--format=json"));
        assertThat(role).containsEntry("name", "roles/iam.workloadIdentityUser").containsEntry("title", "Workload Identity User")
                .containsEntry("stage", "GA");
        assertThat((List<String>) role.get("includedPermissions")).contains("iam.serviceAccounts.getAccessToken");
        assertThat(admin.ok("gcloud", "iam", "roles", "list", "--format=value(name)").lines())
                .contains("roles/container.viewer", "roles/container.developer", "roles/iam.workloadIdentityUser", "roles/owner");
        CliTool.Result unknown = admin.run("gcloud", "iam", "roles", "describe", "roles/container.nothing");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.stderr()).contains("The role named roles/container.nothing was not found.");
    }

    /** Resource Manager through IAM: gcloud's projects commands find it through CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER. */
    @Test
    void readsAndChangesTheProjectsPolicy(Stack stack) throws IOException {
        CliTool.Session admin = asAdmin(stack);
        Map<String, Object> policy = json(admin.ok("gcloud", "projects", "get-iam-policy", "demo-project", "--format=json"));
        assertThat(policy.get("bindings").toString()).contains("roles/owner").contains("user:admin@example.com");
        admin.ok("gcloud", "projects", "add-iam-policy-binding", "demo-project", "--role", "roles/viewer",
                "--member", "user:reader@example.com", "--condition=None");
        assertThat(admin.ok("gcloud", "projects", "get-iam-policy", "demo-project", "--format=json"))
                .contains("roles/viewer").contains("user:reader@example.com");
        admin.ok("gcloud", "projects", "remove-iam-policy-binding", "demo-project", "--role", "roles/viewer",
                "--member", "user:reader@example.com", "--condition=None");
        assertThat(admin.ok("gcloud", "projects", "get-iam-policy", "demo-project", "--format=json")).doesNotContain("user:reader@example.com");
    }

    @Test
    void aKeyFileSignsInAndImpersonatesOnlyOnceGranted(Stack stack) throws IOException {
        CliTool.Session admin = asAdmin(stack);
        String email = "app-imp@demo-project.iam.gserviceaccount.com";
        admin.ok("gcloud", "iam", "service-accounts", "create", "app-imp");
        admin.ok("gcloud", "iam", "service-accounts", "keys", "create", "key.json", "--iam-account", email);

        CliTool.Session app = CliTool.session(withoutMetadata(stack));
        Files.copy(admin.home().resolve("key.json"), app.home().resolve("key.json"));
        app.ok("gcloud", "auth", "activate-service-account", "--key-file", "key.json");
        assertThat(tokeninfoEmail(stack, app.ok("gcloud", "auth", "print-access-token"))).isEqualTo(email);
        String idToken = app.ok("gcloud", "auth", "print-identity-token", "--audiences=https://example.test").strip();
        assertThat(IdTokens.verify(stack, idToken, "https://example.test").getPayload().get("email")).isEqualTo(email);

        CliTool.Result denied = app.run("gcloud", "auth", "print-access-token", "--impersonate-service-account=" + RelayIT.GSA);
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("iam.serviceAccounts.getAccessToken");

        admin.ok("gcloud", "iam", "service-accounts", "add-iam-policy-binding", RelayIT.GSA,
                "--role", "roles/iam.serviceAccountTokenCreator", "--member", "serviceAccount:" + email);
        try {
            CliTool.Result impersonated = app.run("gcloud", "auth", "print-access-token", "--impersonate-service-account=" + RelayIT.GSA);
            assertThat(impersonated.exitCode()).as(impersonated.stderr()).isZero();
            assertThat(tokeninfoEmail(stack, impersonated.stdout())).isEqualTo(RelayIT.GSA);
        } finally {
            admin.ok("gcloud", "iam", "service-accounts", "remove-iam-policy-binding", RelayIT.GSA,
                    "--role", "roles/iam.serviceAccountTokenCreator", "--member", "serviceAccount:" + email);
            admin.ok("gcloud", "iam", "service-accounts", "delete", email);
        }
    }

    private static String tokeninfoEmail(Stack stack, String token) {
        Http.Reply info = Http.get(stack.url(Service.IAM) + "/oauth2/v3/tokeninfo?access_token=" + token.strip());
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        return (String) info.json().get("email");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws IOException {
        return JSON.readValue(text, Map.class);
    }
}
