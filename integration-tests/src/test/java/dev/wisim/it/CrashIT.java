package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing IAM acknowledged is lost: IAM is killed with SIGKILL in the middle of a burst of writes (the
 * real gcloud creating accounts, REST calls creating more), started again, and everything it answered
 * 2xx is there — accounts whole, a policy with its etag, a key gcloud signs in with.
 */
class IamCrashIT {

    private static final String PROJECT = "demo-project";
    private static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        CliTool.assumeInstalled("gcloud");
        stack = Stack.builder().home(Path.of(System.getProperty("wisim.home", ".."))).stateDir(Files.createTempDirectory("wisim-crash-"))
                .freePorts().start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String email(String id) {
        return id + "@" + PROJECT + ".iam.gserviceaccount.com";
    }

    private static Http.Reply create(String id) {
        return Http.postJson(stack.url(Service.IAM) + "/v1/projects/" + PROJECT + "/serviceAccounts", Map.of("accountId", id),
                "Authorization", "Bearer " + stack.adminToken());
    }

    @Test
    void everythingAcknowledgedSurvivesSigkillInTheMiddleOfABurst() throws Exception {
        CliTool.Session admin = GcloudIamIT.asAdmin(stack);
        admin.ok("gcloud", "iam", "service-accounts", "create", "crash-keeper");
        admin.ok("gcloud", "iam", "service-accounts", "add-iam-policy-binding", email("crash-keeper"),
                "--role", "roles/iam.workloadIdentityUser", "--member", GcloudIamIT.POOL_MEMBER);
        admin.ok("gcloud", "iam", "service-accounts", "keys", "create", "key.json", "--iam-account", email("crash-keeper"));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(8);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> burst = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            burst.add(writers.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    String id = "crash-rest-" + writer + "-" + i;
                    try {
                        if (create(id).status() == 200) {
                            acknowledged.add(email(id));
                            enough.countDown();
                        }
                    } catch (RuntimeException down) {
                        refused.incrementAndGet();   // not acknowledged
                    }
                }
            }));
        }
        List<CliTool.Background> gcloud = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            gcloud.add(admin.start("gcloud", "iam", "service-accounts", "create", "crash-gcloud-" + g));
        }
        assertThat(enough.await(60, TimeUnit.SECONDS)).as("the burst got going").isTrue();
        stack.kill(Service.IAM);
        for (Future<?> writer : burst) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();
        stack.restart(Service.IAM);
        // gcloud retries a refused connection: a create still retrying ends once IAM is back, and counts if it answered 2xx
        for (int g = 0; g < gcloud.size(); g++) {
            if (gcloud.get(g).awaitExit() == 0) {
                acknowledged.add(email("crash-gcloud-" + g));
            }
        }

        Http.Reply listed = Http.get(stack.url(Service.IAM) + "/v1/projects/" + PROJECT + "/serviceAccounts?pageSize=100",
                "Authorization", "Bearer " + stack.adminToken());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) listed.json().get("accounts");
        Set<String> emails = Set.copyOf(accounts.stream().map(a -> (String) a.get("email")).toList());
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(8);
        assertThat(refused).as("writes refused once IAM was killed: the kill came in the middle of the burst").hasPositiveValue();
        assertThat(emails).containsAll(acknowledged).contains(email("crash-keeper"));
        assertThat(accounts).allSatisfy(a -> assertThat(a).containsKeys("name", "projectId", "uniqueId", "email", "oauth2ClientId"));

        assertThat(admin.ok("gcloud", "iam", "service-accounts", "get-iam-policy", email("crash-keeper"), "--format=value(bindings.members)"))
                .contains(GcloudIamIT.POOL_MEMBER);
        admin.ok("gcloud", "iam", "service-accounts", "add-iam-policy-binding", email("crash-keeper"),
                "--role", "roles/iam.serviceAccountTokenCreator", "--member", "user:admin@example.com");
        CliTool.Session keeper = CliTool.session(GcloudIamIT.withoutMetadata(stack));
        Files.copy(admin.home().resolve("key.json"), keeper.home().resolve("key.json"));
        keeper.ok("gcloud", "auth", "activate-service-account", "--key-file", "key.json");
        assertThat(keeper.ok("gcloud", "auth", "print-access-token").strip()).startsWith("ya29.");
    }
}
