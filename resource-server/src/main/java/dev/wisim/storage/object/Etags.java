package dev.wisim.storage.object;

import java.io.ByteArrayOutputStream;
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

    private static void varint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
