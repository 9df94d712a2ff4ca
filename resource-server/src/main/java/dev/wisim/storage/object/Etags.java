package dev.wisim.storage.object;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;

/** Cloud Storage etags: base64 of a small protobuf message (field 1 = generation, field 2 = metageneration). */
public final class Etags {

    private Etags() {
    }

    public static String of(long revision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x08);
        varint(out, revision);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    public static String of(long generation, long metageneration) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x08);
        varint(out, generation);
        out.write(0x10);
        varint(out, metageneration);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * Whether two etags name the same bytes. A policy's etag is a protobuf {@code bytes} field, and JSON carries
     * bytes as base64 in either alphabet: gsutil's apitools sends back the URL-safe form of what it read. An etag
     * that is not base64 at all matches only itself.
     */
    public static boolean same(String a, String b) {
        try {
            return Arrays.equals(decode(a), decode(b));
        } catch (IllegalArgumentException e) {
            return a.equals(b);
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.replace('-', '+').replace('_', '/'));
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
