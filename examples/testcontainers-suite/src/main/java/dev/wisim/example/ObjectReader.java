package dev.wisim.example;

import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The application under test: prints the object {@code gs://BUCKET/OBJECT} (its arguments), read with
 * Application Default Credentials — on GKE, the pod's Google service account, through the metadata
 * server. Its one setting, {@code STORAGE_HOST}, says where Cloud Storage is (Google's by default).
 * Exits with 1 when Cloud Storage refuses, saying why on stderr.
 */
public final class ObjectReader {

    private ObjectReader() {
    }

    public static void main(String[] args) throws IOException {
        GoogleCredentials credentials = GoogleCredentials.getApplicationDefault();
        String identity = credentials instanceof ComputeEngineCredentials compute ? compute.getAccount() : credentials.toString();
        Storage storage = StorageOptions.newBuilder().setCredentials(credentials)
                .setHost(System.getenv().getOrDefault("STORAGE_HOST", "https://storage.googleapis.com")).build().getService();
        System.err.println("reading gs://" + args[0] + "/" + args[1] + " as " + identity);
        try {
            System.out.print(new String(storage.readAllBytes(BlobId.of(args[0], args[1])), StandardCharsets.UTF_8));
        } catch (StorageException refused) {
            System.err.println("refused: " + refused.getCode() + " " + refused.getMessage());
            System.exit(1);
        }
    }
}
