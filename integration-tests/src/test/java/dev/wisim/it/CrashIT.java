package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Nothing acknowledged is lost: a service is killed with SIGKILL in the middle of a burst of writes
 * from real clients, started again, and everything it answered 2xx is there, whole. IAM: the real
 * gcloud and REST calls creating accounts; a policy with its etag, a key gcloud signs in with. The API
 * server: fabric8 creating service accounts and pods; their resource versions and pod addresses.
 */
class CrashIT {

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

    /** One write of a burst: true when the service acknowledged it; an exception when it was refused. */
    private interface Write {
        boolean attempt(String name) throws Exception;
    }

    /**
     * Four writers of fifteen writes each (names {@code PREFIX-W-I}); {@code service} is killed with SIGKILL
     * once eight are acknowledged, and this returns, when every writer is done, how many were refused.
     */
    private static int burstThenKill(Service service, String prefix, Write write) throws Exception {
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(8);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> burst = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            burst.add(writers.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    try {
                        if (write.attempt(prefix + "-" + writer + "-" + i)) {
                            enough.countDown();
                        }
                    } catch (Exception down) {
                        refused.incrementAndGet();   // not acknowledged
                    }
                }
            }));
        }
        assertThat(enough.await(60, TimeUnit.SECONDS)).as("the burst got going").isTrue();
        stack.kill(service);
        for (Future<?> writer : burst) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();
        return refused.get();
    }

    @Test
    void everythingIamAcknowledgedSurvivesSigkillInTheMiddleOfABurst() throws Exception {
        CliTool.Session admin = GcloudIamIT.asAdmin(stack);
        admin.ok("gcloud", "iam", "service-accounts", "create", "crash-keeper");
        admin.ok("gcloud", "iam", "service-accounts", "add-iam-policy-binding", email("crash-keeper"),
                "--role", "roles/iam.workloadIdentityUser", "--member", GcloudIamIT.POOL_MEMBER);
        admin.ok("gcloud", "iam", "service-accounts", "keys", "create", "key.json", "--iam-account", email("crash-keeper"));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<CliTool.Background> gcloud = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            gcloud.add(admin.start("gcloud", "iam", "service-accounts", "create", "crash-gcloud-" + g));
        }
        int refused = burstThenKill(Service.IAM, "crash-rest", id -> {
            boolean created = create(id).status() == 200;
            if (created) {
                acknowledged.add(email(id));
            }
            return created;
        });
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
        assertThat(refused).as("writes refused once IAM was killed: the kill came in the middle of the burst").isPositive();
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

    @Test
    void everythingTheApiServerAcknowledgedSurvivesSigkillInTheMiddleOfABurst() throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(Path.of(stack.clientEnvironment().get("KUBECONFIG"))));
        config.setRequestRetryBackoffLimit(0);   // a refused write fails at once rather than waiting for the restart
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("crash").endMetadata().build()).create();
            Pod before = client.pods().inNamespace("crash").resource(new PodBuilder().withNewMetadata().withName("before").endMetadata()
                    .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build()).create();
            int refused = burstThenKill(Service.APISERVER, "ksa", name -> {
                ServiceAccount created = client.serviceAccounts().inNamespace("crash")
                        .resource(new ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
                acknowledged.put(name, created.getMetadata().getResourceVersion());
                return true;
            });
            stack.restart(Service.APISERVER);

            assertThat(refused).as("writes refused once the API server was killed").isPositive();
            Map<String, String> stored = new java.util.HashMap<>();
            client.serviceAccounts().inNamespace("crash").list().getItems()
                    .forEach(sa -> stored.put(sa.getMetadata().getName(), sa.getMetadata().getResourceVersion()));
            assertThat(stored).containsAllEntriesOf(acknowledged);
            Pod after = client.pods().inNamespace("crash").withName("before").get();
            assertThat(after.getMetadata().getUid()).isEqualTo(before.getMetadata().getUid());
            assertThat(after.getStatus().getPodIP()).isEqualTo(before.getStatus().getPodIP());
            Pod fresh = client.pods().inNamespace("crash").resource(new PodBuilder().withNewMetadata().withName("after").endMetadata()
                    .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build()).create();
            assertThat(fresh.getStatus().getPodIP()).as("a new pod gets an address of its own").isNotEqualTo(before.getStatus().getPodIP());
            assertThat(Long.parseLong(fresh.getMetadata().getResourceVersion()))
                    .isGreaterThan(acknowledged.values().stream().mapToLong(Long::parseLong).max().orElseThrow());
        }
    }

    /** google-cloud-storage's resumable upload, the server killed with SIGKILL after some chunks: the client asks where it was and goes on. */
    @Test
    void aResumableUploadGoesOnAfterTheStorageServerIsKilled() throws Exception {
        String bucket = "crash-bucket";
        Http.Reply created = Http.postJson(stack.url(Service.STORAGE) + "/storage/v1/b?project=" + PROJECT, Map.of("name", bucket),
                "Authorization", "Bearer " + stack.adminToken());
        assertThat(created.status()).as(created.body()).isIn(200, 409);
        Storage storage = StorageOptions.newBuilder().setHost(stack.url(Service.STORAGE)).setProjectId(PROJECT)
                .setCredentials(GoogleCredentials.create(new AccessToken(stack.adminToken(), null))).build().getService();
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(17).nextBytes(data);
        int before = 1024 * 1024;

        try (WriteChannel channel = storage.writer(BlobInfo.newBuilder(bucket, "resumed.bin").setContentType("application/octet-stream").build())) {
            channel.setChunkSize(256 * 1024);
            channel.write(ByteBuffer.wrap(data, 0, before));
            stack.kill(Service.STORAGE);
            stack.restart(Service.STORAGE);
            channel.write(ByteBuffer.wrap(data, before, data.length - before));
        }

        assertThat(storage.readAllBytes(bucket, "resumed.bin")).isEqualTo(data);
    }
}
