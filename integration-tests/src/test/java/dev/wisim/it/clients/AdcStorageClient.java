package dev.wisim.it.clients;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import java.util.List;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.nio.charset.StandardCharsets;

/**
 * A workload as a user writes it: Application Default Credentials (found through
 * {@code GCE_METADATA_HOST}), google-cloud-storage pointed at the stack's storage, and an ID token
 * through {@code IdTokenCredentials}. Prints what it learnt, one {@code key=value} per line.
 *
 * <p>Arguments: storage URL, project, bucket, object.
 */
public final class AdcStorageClient {

    public static void main(String[] args) throws Exception {
        GoogleCredentials credentials = GoogleCredentials.getApplicationDefault();
        System.out.println("credentials=" + credentials.getClass().getSimpleName());
        if (credentials instanceof ComputeEngineCredentials compute) {
            System.out.println("account=" + compute.getAccount());
        }
        AccessToken token = credentials.refreshAccessToken();
        System.out.println("token=" + token.getTokenValue());
        Storage storage = StorageOptions.newBuilder().setHost(args[0]).setProjectId(args[1]).setCredentials(credentials)
                .build().getService();
        byte[] content = storage.readAllBytes(BlobId.of(args[2], args[3]));
        System.out.println("content=" + new String(content, StandardCharsets.UTF_8).strip());
        if (credentials instanceof ComputeEngineCredentials compute) {
            IdTokenCredentials idTokens = IdTokenCredentials.newBuilder().setIdTokenProvider(compute)
                    .setTargetAudience("https://example.test").setOptions(List.of(IdTokenProvider.Option.FORMAT_FULL)).build();
            idTokens.refresh();
            System.out.println("idToken=" + idTokens.getIdToken().getTokenValue());
        }
    }
}
