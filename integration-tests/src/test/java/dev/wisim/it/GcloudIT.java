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
        Gcloud.assumeInstalled();
    }

    @Test
    void seesTheGsaAsTheActiveAccount(Stack stack) {
        Gcloud.Result list = Gcloud.run(stack.clientEnvironment(), "auth", "list", "--format=value(account,status)");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout().strip()).isEqualTo(RelayIT.GSA + "\t*");
    }

    @Test
    void printsATokenThatTokeninfoAcceptsForTheGsa(Stack stack) {
        Gcloud.Result token = Gcloud.run(stack.clientEnvironment(), "auth", "print-access-token");
        assertThat(token.exitCode()).as(token.stderr()).isZero();
        Http.Reply info = Http.get(stack.url(Service.IAM) + "/oauth2/v3/tokeninfo?access_token=" + token.stdout().strip());
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json()).containsEntry("email", RelayIT.GSA).containsEntry("email_verified", "true");
    }

    @Test
    void readsTheObjectWithGcloudStorage(Stack stack) {
        Gcloud.Result cat = Gcloud.run(stack.clientEnvironment(), "storage", "cat", "gs://demo-bucket/hello.txt");
        assertThat(cat.exitCode()).as(cat.stderr()).isZero();
        assertThat(cat.stdout().strip()).isEqualTo(RelayIT.HELLO);
    }
}
