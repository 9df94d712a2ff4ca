package dev.wisim.storage.object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * An upload's bytes on their way in, hashed as they arrive (MD5 and CRC32C, as Cloud Storage
 * computes them). Nothing is visible until {@link ObjectStorage#commit} makes it an object; an
 * abandoned upload is discarded.
 */
public abstract class Staged implements AutoCloseable {

    private final MessageDigest md5;
    private final CRC32C crc32c = new CRC32C();
    private long size;
    private Hashes hashes;

    protected Staged() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    protected abstract OutputStream sink();

    /** Discards the bytes (an aborted or superseded upload). */
    public abstract void discard();

    public void write(byte[] bytes, int offset, int length) {
        if (hashes != null) {
            throw new IllegalStateException("the upload is finished");
        }
        try {
            sink().write(bytes, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        md5.update(bytes, offset, length);
        crc32c.update(bytes, offset, length);
        size += length;
    }

    /** Copies a stream in, refusing past {@code limit} bytes in all. */
    public void writeAll(InputStream in, long limit, Runnable tooLarge) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            if (size + read > limit) {
                tooLarge.run();
            }
            write(buffer, 0, read);
        }
    }

    public long size() {
        return size;
    }

    /** Makes what is written so far durable (a resumable session acknowledges a chunk only after this). */
    public void persist() {
        try {
            sink().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes bytes already in the sink (a resumed session's file) into the size and the hashes. */
    protected void replay(InputStream kept) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int read = kept.read(buffer); read >= 0; read = kept.read(buffer)) {
            md5.update(buffer, 0, read);
            crc32c.update(buffer, 0, read);
            size += read;
        }
    }

    /** Ends writing: the hashes are final from here on. */
    public Hashes finish() {
        if (hashes == null) {
            try {
                sink().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hashes = new Hashes(Base64.getEncoder().encodeToString(md5.digest()),
                    Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc32c.getValue()).array()));
        }
        return hashes;
    }

    @Override
    public void close() {
        discard();
    }

    /** base64 MD5 and base64 big-endian CRC32C, as the JSON API renders them. */
    public record Hashes(String md5, String crc32c) {
    }

    /** Bytes held in memory. */
    static final class InMemory extends Staged {

        private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        protected OutputStream sink() {
            return bytes;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        @Override
        public void discard() {
            bytes = new ByteArrayOutputStream();
        }
    }
}
