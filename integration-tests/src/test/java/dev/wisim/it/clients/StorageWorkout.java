package dev.wisim.it.clients;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * google-cloud-storage as a workload uses it, with Application Default Credentials from the metadata
 * server: list buckets, write small objects, list with a prefix and a delimiter, write several
 * megabytes through {@code writer()} (a resumable upload in chunks), read all of it and a range of it,
 * delete. Prints {@code key=value} lines.
 *
 * <p>Arguments: storage URL, project, bucket.
 */
public final class StorageWorkout {

    public static void main(String[] args) throws Exception {
        Storage storage = StorageOptions.newBuilder().setHost(args[0]).setProjectId(args[1])
                .setCredentials(GoogleCredentials.getApplicationDefault()).build().getService();
        String bucket = args[2];
        List<String> buckets = new ArrayList<>();
        for (Bucket each : storage.list().iterateAll()) {
            buckets.add(each.getName());
        }
        System.out.println("buckets=" + String.join(",", buckets));

        for (String name : List.of("dir/a.txt", "dir/sub/b.txt", "top.txt")) {
            storage.create(BlobInfo.newBuilder(bucket, name).setContentType("text/plain").build(), name.getBytes(StandardCharsets.UTF_8));
        }
        List<String> listed = new ArrayList<>();
        for (Blob blob : storage.list(bucket, Storage.BlobListOption.prefix("dir/"), Storage.BlobListOption.currentDirectory())
                .iterateAll()) {
            listed.add(blob.getName() + (blob.isDirectory() ? "(dir)" : ""));
        }
        System.out.println("listed=" + String.join(",", listed));

        byte[] big = new byte[5 * 1024 * 1024 + 12345];
        new Random(7).nextBytes(big);
        BlobInfo bigInfo = BlobInfo.newBuilder(bucket, "big.bin").setContentType("application/octet-stream").build();
        try (WriteChannel writer = storage.writer(bigInfo)) {
            writer.setChunkSize(1024 * 1024);
            ByteBuffer source = ByteBuffer.wrap(big);
            while (source.hasRemaining()) {
                ByteBuffer slice = source.slice();
                slice.limit(Math.min(300_000, slice.remaining()));
                int written = writer.write(slice);
                source.position(source.position() + written);
            }
        }
        Blob stored = storage.get(BlobId.of(bucket, "big.bin"));
        System.out.println("bigSize=" + stored.getSize());
        System.out.println("bigSame=" + HexFormat.of().formatHex(md5(big)).equals(HexFormat.of().formatHex(md5(storage.readAllBytes(
                BlobId.of(bucket, "big.bin"))))));
        try (ReadChannel reader = storage.reader(BlobId.of(bucket, "big.bin"))) {
            reader.seek(1_000_000);
            reader.limit(1_000_100);
            ByteBuffer range = ByteBuffer.allocate(200);
            int read = 0;
            for (int n = reader.read(range); n > 0; n = reader.read(range)) {
                read += n;
            }
            byte[] expected = java.util.Arrays.copyOfRange(big, 1_000_000, 1_000_100);
            System.out.println("rangeRead=" + read);
            System.out.println("rangeSame=" + java.util.Arrays.equals(expected, java.util.Arrays.copyOf(range.array(), read)));
        }
        System.out.println("deleted=" + storage.delete(BlobId.of(bucket, "big.bin")));
        System.out.println("afterDelete=" + storage.get(BlobId.of(bucket, "big.bin")));
    }

    private static byte[] md5(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("MD5").digest(bytes);
    }
}
