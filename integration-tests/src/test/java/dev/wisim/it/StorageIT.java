package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.wisim.it.clients.StorageWorkout;
import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storage server as real clients use it, with credentials from the stack's metadata server
 * (test-gsa, objectAdmin on {@code work-bucket} and viewer of the project): google-cloud-storage,
 * gcloud storage, gsutil in its gcloud-storage mode; Google's refusals; and an object that outlives a
 * {@code kill -9} of the server.
 */
@ExtendWith(SharedStack.class)
class StorageIT {

    static final String WORK = "work-bucket";
    static final String NOBODY = "nobody-gsa@demo-project.iam.gserviceaccount.com";
    private static String nobodyToken;

    @BeforeAll
    static void aBucketTheGsaMayWriteAndAnAccountWithoutBindings(Stack stack) throws Exception {
        String admin = "Bearer " + stack.adminToken();
        String iam = stack.url(Service.IAM);
        String storage = stack.url(Service.STORAGE);
        Map<String, Object> policy = Http.postJson(iam + "/v1/projects/demo-project:getIamPolicy", Map.of(), "Authorization", admin).json();
        List<Object> bindings = new ArrayList<>((List<?>) policy.getOrDefault("bindings", List.of()));
        bindings.add(Map.of("role", "roles/viewer", "members", List.of("serviceAccount:" + RelayIT.GSA)));
        Map<String, Object> updated = new HashMap<>(policy);
        updated.put("bindings", bindings);
        assertThat(Http.postJson(iam + "/v1/projects/demo-project:setIamPolicy", Map.of("policy", updated), "Authorization", admin).status())
                .isEqualTo(200);
        Http.Reply bucket = Http.postJson(storage + "/storage/v1/b?project=demo-project", Map.of("name", WORK), "Authorization", admin);
        assertThat(bucket.status()).as(bucket.body()).isIn(200, 409);
        Map<String, Object> bucketPolicy = new HashMap<>(Http.get(storage + "/storage/v1/b/" + WORK + "/iam", "Authorization", admin).json());
        List<Object> bucketBindings = new ArrayList<>((List<?>) bucketPolicy.get("bindings"));
        bucketBindings.add(Map.of("role", "roles/storage.objectAdmin", "members", List.of("serviceAccount:" + RelayIT.GSA)));
        bucketPolicy.put("bindings", bucketBindings);
        assertThat(Http.putJson(storage + "/storage/v1/b/" + WORK + "/iam", bucketPolicy, "Authorization", admin).status()).isEqualTo(200);

        assertThat(Http.postJson(iam + "/v1/projects/demo-project/serviceAccounts", Map.of("accountId", "nobody-gsa"), "Authorization", admin)
                .status()).isIn(200, 409);
        Http.Reply key = Http.postJson(iam + "/v1/projects/-/serviceAccounts/" + NOBODY + "/keys", Map.of(), "Authorization", admin);
        byte[] keyFile = java.util.Base64.getDecoder().decode((String) key.json().get("privateKeyData"));
        nobodyToken = ServiceAccountCredentials.fromStream(new ByteArrayInputStream(keyFile))
                .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform")).refreshAccessToken().getTokenValue();
    }

    @Test
    void googleCloudStorageListsWritesReadsRangesAndDeletes(Stack stack) {
        ClientProcess.Result result = ClientProcess.run(StorageWorkout.class, stack.clientEnvironment(),
                stack.url(Service.STORAGE), "demo-project", WORK);
        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<String, String> said = new HashMap<>();
        result.output().lines().filter(l -> l.contains("=")).forEach(l -> said.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertThat(said.get("buckets")).contains("demo-bucket", WORK);
        assertThat(said).containsEntry("listed", "dir/a.txt,dir/sub/(dir)").containsEntry("bigSize", Long.toString(5 * 1024 * 1024 + 12345))
                .containsEntry("bigSame", "true").containsEntry("rangeRead", "100").containsEntry("rangeSame", "true")
                .containsEntry("deleted", "true").containsEntry("afterDelete", "null");
    }

    @Test
    void gcloudStorageListsCopiesBothWaysRemovesAndBindsOnTheBucket(Stack stack) throws Exception {
        CliTool.assumeInstalled("gcloud");
        CliTool.Session gsa = CliTool.session(stack.clientEnvironment());
        assertThat(gsa.ok("gcloud", "storage", "ls", "gs://demo-bucket")).contains("gs://demo-bucket/hello.txt");
        byte[] data = new byte[12 * 1024 * 1024];
        new Random(11).nextBytes(data);
        Files.write(gsa.home().resolve("up.bin"), data);
        gsa.ok("gcloud", "storage", "cp", "up.bin", "gs://" + WORK + "/copies/up.bin");
        gsa.ok("gcloud", "storage", "cp", "gs://" + WORK + "/copies/up.bin", "down.bin");
        assertThat(Files.readAllBytes(gsa.home().resolve("down.bin"))).isEqualTo(data);
        assertThat(gsa.ok("gcloud", "storage", "ls", "gs://" + WORK + "/copies/")).contains("gs://" + WORK + "/copies/up.bin");
        gsa.ok("gcloud", "storage", "rm", "gs://" + WORK + "/copies/up.bin");
        assertThat(gsa.run("gcloud", "storage", "ls", "gs://" + WORK + "/copies/").stdout()).doesNotContain("up.bin");

        CliTool.Session admin = GcloudIamIT.asAdmin(stack);
        admin.ok("gcloud", "storage", "buckets", "add-iam-policy-binding", "gs://" + WORK, "--member=serviceAccount:" + NOBODY,
                "--role=roles/storage.objectViewer");
        try {
            assertThat(admin.ok("gcloud", "storage", "buckets", "get-iam-policy", "gs://" + WORK)).contains("serviceAccount:" + NOBODY);
            assertThat(Http.get(stack.url(Service.STORAGE) + "/storage/v1/b/" + WORK + "/o", "Authorization", "Bearer " + nobodyToken)
                    .status()).isEqualTo(200);
        } finally {
            admin.ok("gcloud", "storage", "buckets", "remove-iam-policy-binding", "gs://" + WORK, "--member=serviceAccount:" + NOBODY,
                    "--role=roles/storage.objectViewer");
        }
    }

    @Test
    void gsutilInItsGcloudStorageModeListsAndReads(Stack stack) throws Exception {
        CliTool.assumeInstalled("gsutil");
        Path boto = Files.createTempFile("wisim-boto-", ".cfg");
        Files.writeString(boto, "[GSUtil]\nuse_gcloud_storage = True\nhidden_shim_mode = no_fallback\nstate_dir = "
                + Files.createTempDirectory("wisim-gsutil-") + "\nsoftware_update_check_period = 0\n");
        Map<String, String> env = new HashMap<>(stack.clientEnvironment());
        env.put("BOTO_CONFIG", boto.toString());
        CliTool.Session gsutil = CliTool.session(env);
        assertThat(gsutil.ok("gsutil", "ls", "gs://demo-bucket")).contains("gs://demo-bucket/hello.txt");
        assertThat(gsutil.ok("gsutil", "cat", "gs://demo-bucket/hello.txt").strip()).isEqualTo(RelayIT.HELLO);
    }

    @Test
    void refusesWithGooglesTexts(Stack stack) throws Exception {
        String object = stack.url(Service.STORAGE) + "/storage/v1/b/demo-bucket/o/hello.txt";
        Http.Reply denied = Http.get(object, "Authorization", "Bearer " + nobodyToken);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(((Map<?, ?>) denied.json().get("error")).get("message")).isEqualTo(NOBODY + " does not have storage.objects.get access"
                + " to the Google Cloud Storage object. Permission 'storage.objects.get' denied on resource (or it may not exist).");
        Http.Reply anonymous = Http.get(object);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(((Map<?, ?>) anonymous.json().get("error")).get("message").toString()).startsWith("Anonymous caller does not have");

        // a token storage has already accepted (and cached) is refused once revoked, within the cache bound
        String token = (String) Http.postJson(stack.url(Service.IAM) + "/_sim/tokens", Map.of("principal", "user:admin@example.com"))
                .json().get("access_token");
        assertThat(Http.get(object, "Authorization", "Bearer " + token).status()).isEqualTo(200);
        assertThat(Http.postForm(stack.url(Service.IAM) + "/revoke", Map.of("token", token)).status()).isEqualTo(200);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        int status = 200;
        while (status == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            status = Http.get(object, "Authorization", "Bearer " + token).status();
        }
        assertThat(status).as("refused within storage.token-cache-max (30 s)").isEqualTo(401);
    }

    @Test
    void anObjectOutlivesAKillMinusNineOfTheServer(Stack stack) throws Exception {
        String admin = "Bearer " + stack.adminToken();
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(3).nextBytes(data);
        HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.url(Service.STORAGE)
                        + "/upload/storage/v1/b/" + WORK + "/o?uploadType=media&name=durable.bin"))
                .header("Authorization", admin).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

        stack.kill(Service.STORAGE);
        stack.restart(Service.STORAGE);

        HttpResponse<byte[]> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.url(Service.STORAGE)
                        + "/download/storage/v1/b/" + WORK + "/o/durable.bin?alt=media")).header("Authorization", admin).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(data);
        assertThat(Http.get(stack.url(Service.STORAGE) + "/storage/v1/b/demo-bucket/o/hello.txt?alt=media", "Authorization",
                "Bearer " + stack.adminToken()).body().strip()).isEqualTo(RelayIT.HELLO.strip());
    }
}
