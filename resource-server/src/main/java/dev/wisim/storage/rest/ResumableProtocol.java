package dev.wisim.storage.rest;

import dev.wisim.storage.object.ResumableUploads;
import dev.wisim.storage.object.StoredObject;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resumable upload protocol's PUT: {@code Content-Range: bytes X-Y/TOTAL} (or {@code /*} while
 * the total is unknown) carries a chunk; {@code bytes *}{@code /TOTAL} finishes without one;
 * {@code bytes *}{@code /*} asks how far the upload got. Unfinished: 308 with {@code Range:
 * bytes=0-LAST} (no header while nothing is persisted); finished: 200 with the object.
 */
final class ResumableProtocol {

    private static final Pattern RANGE = Pattern.compile("bytes (?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

    private ResumableProtocol() {
    }

    static Response put(ResumableUploads uploads, ResumableUploads.Session session, String contentRange, String hashes, byte[] chunk,
                        long limit, StorageJson json) {
        if (session.result().isPresent()) {
            return Response.ok(json.object(session.result().get())).build();
        }
        Long first;
        Long total;
        if (contentRange == null || contentRange.isBlank()) {
            // the whole object in one PUT
            first = session.received();
            total = session.received() + chunk.length;
        } else {
            Matcher m = RANGE.matcher(contentRange.trim());
            if (!m.matches()) {
                throw StorageException.invalid("Failed to parse Content-Range header.");
            }
            first = m.group(1) == null ? null : Long.parseLong(m.group(1));
            total = m.group(3).equals("*") ? null : Long.parseLong(m.group(3));
            if (first != null && Long.parseLong(m.group(2)) - first + 1 != chunk.length) {
                throw StorageException.invalid("The Content-Range header does not match the number of bytes sent.");
            }
        }
        if (first != null && chunk.length > 0) {
            uploads.append(session, first, chunk, limit);
        }
        if (total != null && session.received() == total) {
            StoredObject object = uploads.complete(session, total, hash(hashes, "md5"), hash(hashes, "crc32c"));
            return Response.ok(json.object(object)).build();
        }
        if (total != null && session.received() > total) {
            throw StorageException.invalid("The upload received more bytes than its declared size " + total + ".");
        }
        Response.ResponseBuilder incomplete = Response.status(308).header("X-GUploader-UploadID", session.id);
        if (session.received() > 0) {
            incomplete.header("Range", "bytes=0-" + (session.received() - 1));
        }
        return incomplete.build();
    }

    /** One hash of {@code X-Goog-Hash: crc32c=…,md5=…}. */
    static String hash(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(",")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(name + "=")) {
                return trimmed.substring(name.length() + 1);
            }
        }
        return null;
    }
}
