package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster's front door with the real clients: {@code gcloud container clusters get-credentials},
 * then kubectl through {@code gke-gcloud-auth-plugin} as Google identities with GKE's IAM roles or
 * RBAC bindings, a KSA governed by RBAC alone, {@code kubectl auth can-i} agreeing with what the
 * server then does, the plugin's application-default mode with the metadata server's token, and
 * fabric8 with a Google token.
 */
@ExtendWith(SharedStack.class)
class GkeAccessIT {

    static final String PROJECT = "demo-project";
    static final String CLUSTER = "my-cluster-name";

    @BeforeAll
    static void tools() {
        CliTool.assumeInstalled("gcloud");
        CliTool.assumeInstalled("kubectl");
        CliTool.assumeInstalled("gke-gcloud-auth-plugin");
    }

    /** A service account with a role on the project (or none) and a gcloud session signed in with its key. */
    private static CliTool.Session signedIn(Stack stack, String accountId, String role) throws Exception {
        CliTool.Session admin = GcloudIamIT.asAdmin(stack);
        String email = accountId + "@" + PROJECT + ".iam.gserviceaccount.com";
        if (admin.run("gcloud", "iam", "service-accounts", "describe", email).exitCode() != 0) {
            admin.ok("gcloud", "iam", "service-accounts", "create", accountId);
        }
        if (role != null) {
            admin.ok("gcloud", "projects", "add-iam-policy-binding", PROJECT, "--member", "serviceAccount:" + email, "--role", role);
        }
        admin.ok("gcloud", "iam", "service-accounts", "keys", "create", "key.json", "--iam-account", email);
        Map<String, String> env = new HashMap<>(GcloudIamIT.withoutMetadata(stack));
        env.remove("KUBECONFIG");
        CliTool.Session user = CliTool.session(env);
        Files.copy(admin.home().resolve("key.json"), user.home().resolve("key.json"));
        user.ok("gcloud", "auth", "activate-service-account", "--key-file", "key.json");
        return user;
    }

    private static CliTool.Result getCredentials(CliTool.Session session) {
        return session.run("gcloud", "container", "clusters", "get-credentials", CLUSTER, "--location", "us-central1");
    }

    private static String admin(Stack stack, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--kubeconfig", stack.clientEnvironment().get("KUBECONFIG")));
        all.addAll(List.of(args));
        return CliTool.session(stack.clientEnvironment()).ok("kubectl", all.toArray(String[]::new));
    }

    @Test
    void getCredentialsWritesAVerifiedKubeconfigAndAViewerReadsButCannotWrite(Stack stack) throws Exception {
        CliTool.Session viewer = signedIn(stack, "gke-it-viewer", "roles/container.viewer");
        CliTool.Result credentials = getCredentials(viewer);
        assertThat(credentials.exitCode()).as(credentials.stderr()).isZero();
        assertThat(credentials.stderr()).contains("kubeconfig entry generated for " + CLUSTER).doesNotContain("missing certificate authority");
        String kubeconfig = Files.readString(viewer.home().resolve(".kube/config"));
        assertThat(kubeconfig).contains("server: " + stack.httpsUrl(Service.APISERVER)).contains("certificate-authority-data:")
                .doesNotContain("insecure-skip-tls-verify").contains("command: gke-gcloud-auth-plugin")
                .contains("current-context: gke_" + PROJECT + "_us-central1_" + CLUSTER);

        assertThat(viewer.ok("kubectl", "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"))
                .isEqualTo("gke-it-viewer@" + PROJECT + ".iam.gserviceaccount.com");
        assertThat(viewer.ok("kubectl", "get", "pods", "-n", "demo", "-o", "name")).contains("pod/test-pod");
        assertThat(viewer.ok("kubectl", "auth", "can-i", "list", "pods", "-n", "demo").strip()).isEqualTo("yes");

        CliTool.Result canCreate = viewer.run("kubectl", "auth", "can-i", "create", "serviceaccounts", "-n", "demo");
        assertThat(canCreate.exitCode()).isEqualTo(1);
        assertThat(canCreate.stdout().strip()).isEqualTo("no - requires one of [\"container.serviceAccounts.create\"] permission(s).");
        CliTool.Result create = viewer.run("kubectl", "create", "serviceaccount", "from-viewer", "-n", "demo");
        assertThat(create.exitCode()).isNotZero();
        // kubectl create serviceaccount words it "error: failed to create serviceaccount: " + the server's message
        assertThat(create.stderr()).contains("failed to create serviceaccount: serviceaccounts is forbidden: User \"gke-it-viewer@"
                + PROJECT + ".iam.gserviceaccount.com\" cannot create resource \"serviceaccounts\" in API group \"\" in the namespace"
                + " \"demo\": requires one of [\"container.serviceAccounts.create\"] permission(s).");
    }

    @Test
    void aDeveloperWritesObjectsButNotRbac(Stack stack) throws Exception {
        CliTool.Session developer = signedIn(stack, "gke-it-developer", "roles/container.developer");
        assertThat(getCredentials(developer).exitCode()).isZero();
        assertThat(developer.ok("kubectl", "auth", "can-i", "create", "serviceaccounts", "-n", "demo").strip()).isEqualTo("yes");
        developer.ok("kubectl", "create", "serviceaccount", "from-developer", "-n", "demo");
        assertThat(developer.ok("kubectl", "get", "serviceaccount", "from-developer", "-n", "demo", "-o", "name"))
                .contains("serviceaccount/from-developer");
        CliTool.Result bind = developer.run("kubectl", "create", "rolebinding", "dev-bind", "--clusterrole=view",
                "--user=someone@example.com", "-n", "demo");
        assertThat(bind.stderr()).contains("requires one of [\"container.roleBindings.create\"] permission(s).");
        admin(stack, "delete", "serviceaccount", "from-developer", "-n", "demo");
    }

    @Test
    void rbacAloneGrantsAUserWithoutIamRolesOnTheCluster(Stack stack) throws Exception {
        CliTool.Session nobody = signedIn(stack, "gke-it-rbac", null);
        String email = "gke-it-rbac@" + PROJECT + ".iam.gserviceaccount.com";
        CliTool.Result refused = getCredentials(nobody);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("Required \"container.clusters.get\" permission(s) for \"projects/" + PROJECT
                + "/locations/us-central1/clusters/" + CLUSTER + "\"");

        GcloudIamIT.asAdmin(stack).ok("gcloud", "projects", "add-iam-policy-binding", PROJECT, "--member", "serviceAccount:" + email,
                "--role", "roles/container.clusterViewer");
        assertThat(getCredentials(nobody).exitCode()).isZero();
        CliTool.Result before = nobody.run("kubectl", "get", "pods", "-n", "demo");
        assertThat(before.stderr()).contains("requires one of [\"container.pods.list\"] permission(s).");

        admin(stack, "create", "rolebinding", "it-rbac-view", "--clusterrole=view", "--user=" + email, "-n", "demo");
        try {
            assertThat(nobody.ok("kubectl", "auth", "can-i", "list", "pods", "-n", "demo").strip()).isEqualTo("yes");
            assertThat(nobody.ok("kubectl", "get", "pods", "-n", "demo", "-o", "name")).contains("pod/test-pod");
            assertThat(nobody.run("kubectl", "auth", "can-i", "list", "pods", "-n", "default").exitCode()).isEqualTo(1);
            assertThat(nobody.run("kubectl", "get", "pods", "-n", "default").stderr()).contains("Forbidden");
            String rules = nobody.ok("kubectl", "auth", "can-i", "--list", "-n", "demo");
            assertThat(rules).contains("pods ").contains("[get list watch]");

            // a Role of one's own in another namespace, and a ClusterRoleBinding for the cluster scope
            assertThat(nobody.run("kubectl", "get", "serviceaccounts", "-n", "default").exitCode()).isNotZero();
            admin(stack, "create", "role", "it-sa-reader", "--verb=get,list", "--resource=serviceaccounts", "-n", "default");
            admin(stack, "create", "rolebinding", "it-sa-read", "--role=it-sa-reader", "--user=" + email, "-n", "default");
            assertThat(nobody.ok("kubectl", "get", "serviceaccounts", "-n", "default", "-o", "name")).contains("serviceaccount/default");
            assertThat(nobody.run("kubectl", "get", "pods", "-n", "default").exitCode()).isNotZero();
            assertThat(nobody.run("kubectl", "get", "namespaces").stderr()).contains("at the cluster scope");
            admin(stack, "create", "clusterrolebinding", "it-rbac-cluster-view", "--clusterrole=view", "--user=" + email);
            assertThat(nobody.ok("kubectl", "get", "namespaces", "-o", "name")).contains("namespace/demo");
        } finally {
            CliTool.Session cleanup = CliTool.session(stack.clientEnvironment());
            String kubeconfig = stack.clientEnvironment().get("KUBECONFIG");
            cleanup.run("kubectl", "--kubeconfig", kubeconfig, "delete", "rolebinding", "it-rbac-view", "-n", "demo");
            cleanup.run("kubectl", "--kubeconfig", kubeconfig, "delete", "rolebinding", "it-sa-read", "-n", "default");
            cleanup.run("kubectl", "--kubeconfig", kubeconfig, "delete", "role", "it-sa-reader", "-n", "default");
            cleanup.run("kubectl", "--kubeconfig", kubeconfig, "delete", "clusterrolebinding", "it-rbac-cluster-view");
        }
    }

    @Test
    void aKsaIsRefusedUntilARoleBindingGrantsIt(Stack stack) {
        admin(stack, "create", "serviceaccount", "it-ksa", "-n", "demo");
        try {
            String token = admin(stack, "create", "token", "it-ksa", "-n", "demo").strip();
            CliTool.Session session = CliTool.session(stack.clientEnvironment());
            String kubeconfig = stack.clientEnvironment().get("KUBECONFIG");
            CliTool.Result before = session.run("kubectl", "--kubeconfig", kubeconfig, "--token", token, "get", "pods", "-n", "demo");
            assertThat(before.stderr()).contains("pods is forbidden: User \"system:serviceaccount:demo:it-ksa\" cannot list resource"
                    + " \"pods\" in API group \"\" in the namespace \"demo\"").doesNotContain("requires one of");
            admin(stack, "create", "rolebinding", "it-ksa-view", "--clusterrole=view", "--serviceaccount=demo:it-ksa", "-n", "demo");
            assertThat(session.ok("kubectl", "--kubeconfig", kubeconfig, "--token", token, "auth", "can-i", "list", "pods", "-n", "demo").strip())
                    .isEqualTo("yes");
            assertThat(session.ok("kubectl", "--kubeconfig", kubeconfig, "--token", token, "get", "pods", "-n", "demo", "-o", "name"))
                    .contains("pod/test-pod");
            assertThat(session.run("kubectl", "--kubeconfig", kubeconfig, "--token", token, "get", "pods", "-n", "default").exitCode())
                    .isNotZero();
            CliTool.Result elsewhere = session.run("kubectl", "--kubeconfig", kubeconfig, "auth", "can-i", "list", "pods", "-n", "default",
                    "--as=system:serviceaccount:demo:it-ksa");
            assertThat(elsewhere.exitCode()).isEqualTo(1);
            assertThat(elsewhere.stdout().strip()).isEqualTo("no");
        } finally {
            admin(stack, "delete", "serviceaccount", "it-ksa", "-n", "demo");
            CliTool.session(stack.clientEnvironment()).run("kubectl", "--kubeconfig", stack.clientEnvironment().get("KUBECONFIG"),
                    "delete", "rolebinding", "it-ksa-view", "-n", "demo");
        }
    }

    @Test
    void thePluginsApplicationDefaultModeSendsTheMetadataServersToken(Stack stack) throws Exception {
        CliTool.Session viewer = signedIn(stack, "gke-it-adc", "roles/container.viewer");
        Map<String, String> env = new HashMap<>(stack.clientEnvironment());
        env.remove("KUBECONFIG");
        env.put("CLOUDSDK_CONTAINER_USE_APPLICATION_DEFAULT_CREDENTIALS", "true");
        CliTool.Session adc = new CliTool.Session(env, viewer.home());
        assertThat(getCredentials(adc).exitCode()).isZero();
        assertThat(Files.readString(viewer.home().resolve(".kube/config"))).contains("--use_application_default_credentials");
        // no key file in the environment: Google's default credentials come from the metadata server, the relay's GSA
        assertThat(adc.ok("kubectl", "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}")).isEqualTo(RelayIT.GSA);
        CliTool.Result create = adc.run("kubectl", "create", "serviceaccount", "from-the-pod", "-n", "demo");
        assertThat(create.stderr()).contains("User \"" + RelayIT.GSA + "\" cannot create resource \"serviceaccounts\"")
                .contains("requires one of [\"container.serviceAccounts.create\"] permission(s).");
    }

    @Test
    void aTokenGoogleDoesNotKnowIsUnauthorized(Stack stack) {
        CliTool.Session session = CliTool.session(stack.clientEnvironment());
        String kubeconfig = stack.clientEnvironment().get("KUBECONFIG");
        for (String token : List.of("ya29.c.not-a-token", "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")) {
            CliTool.Result refused = session.run("kubectl", "--kubeconfig", kubeconfig, "--token", token, "get", "pods", "-n", "demo");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).as(token).contains("You must be logged in to the server");
        }
    }

    @Test
    void fabric8ListsWithAGoogleToken(Stack stack) throws Exception {
        CliTool.Session developer = signedIn(stack, "gke-it-fabric8", "roles/container.developer");
        String token = developer.ok("gcloud", "auth", "print-access-token").strip();
        Config config = new ConfigBuilder().withMasterUrl(stack.httpsUrl(Service.APISERVER))
                .withCaCertFile(stack.clientEnvironment().get("WISIM_CA_FILE")).withOauthToken(token).build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThat(client.pods().inNamespace("demo").list().getItems()).extracting(Pod::getMetadata)
                    .extracting(m -> m.getName()).contains("test-pod");
            KubernetesClientException refused = org.junit.jupiter.api.Assertions.assertThrows(KubernetesClientException.class,
                    () -> client.rbac().roles().inNamespace("demo").resource(new io.fabric8.kubernetes.api.model.rbac.RoleBuilder()
                            .withNewMetadata().withName("from-fabric8").endMetadata().build()).create());
            assertThat(refused.getCode()).isEqualTo(403);
            assertThat(refused.getMessage()).contains("requires one of [\"container.roles.create\"] permission(s).");
        }
    }
}
