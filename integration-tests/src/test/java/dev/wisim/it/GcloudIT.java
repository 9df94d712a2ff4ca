package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real gcloud, pointed at the stack only through the exported client environment, as on a GKE pod. */
@ExtendWith(SharedStack.class)
class GcloudIT {

    @BeforeAll
    static void gcloud() {
        CliTool.assumeInstalled("gcloud");
    }

    @Test
    void seesTheGsaAsTheActiveAccount(Stack stack) {
        CliTool.Result list = CliTool.run(stack.clientEnvironment(), "gcloud", "auth", "list", "--format=value(account,status)");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout().strip()).isEqualTo(RelayIT.GSA + "\t*");
    }

    @Test
    void printsATokenThatTokeninfoAcceptsForTheGsa(Stack stack) {
        CliTool.Result token = CliTool.run(stack.clientEnvironment(), "gcloud", "auth", "print-access-token");
        assertThat(token.exitCode()).as(token.stderr()).isZero();
        Http.Reply info = Http.get(stack.url(Service.IAM) + "/oauth2/v3/tokeninfo?access_token=" + token.stdout().strip());
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json()).containsEntry("email", RelayIT.GSA).containsEntry("email_verified", "true");
    }

    @Test
    void showsTheAccountAndTheProjectInItsConfig(Stack stack) {
        CliTool.Result config = CliTool.run(stack.clientEnvironment(), "gcloud", "config", "list");
        assertThat(config.exitCode()).as(config.stderr()).isZero();
        assertThat(config.stdout()).contains("account = " + RelayIT.GSA + "\n").contains("project = demo-project\n");
    }

    @Test
    void printsAnIdTokenSignedByIamForTheAudience(Stack stack) {
        CliTool.Result token = CliTool.run(stack.clientEnvironment(), "gcloud", "auth", "print-identity-token",
                "--audiences=https://example.test");
        assertThat(token.exitCode()).as(token.stderr()).isZero();
        com.google.api.client.json.webtoken.JsonWebSignature jwt = IdTokens.verify(stack, token.stdout().strip(), "https://example.test");
        assertThat(jwt.getPayload().getAudienceAsList()).containsExactly("https://example.test");
    }

    @Test
    void readsTheObjectWithGcloudStorage(Stack stack) {
        CliTool.Result cat = CliTool.run(stack.clientEnvironment(), "gcloud", "storage", "cat", "gs://demo-bucket/hello.txt");
        assertThat(cat.exitCode()).as(cat.stderr()).isZero();
        assertThat(cat.stdout().strip()).isEqualTo(RelayIT.HELLO);
    }

    @Test
    void describesTheClusterWithItsWorkloadPoolAsInTheArticle(Stack stack) {
        // as the project's owner (the article's workstation): the pod's GSA holds no container.clusters.get
        CliTool.Result describe = GcloudIamIT.asAdmin(stack).run("gcloud", "container", "clusters", "describe",
                "my-cluster-name", "--location", "us-central1");
        assertThat(describe.exitCode()).as(describe.stderr()).isZero();
        assertThat(describe.stdout()).contains("workloadIdentityConfig:\n  workloadPool: demo-project.svc.id.goog\n");
    }
}
