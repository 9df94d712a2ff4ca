package dev.wisim.storage.rest;

import dev.wisim.storage.object.Objects;
import dev.wisim.storage.object.StoredObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object's bytes as a media download, streamed from storage: the {@code x-goog-*} headers, and
 * {@code Range} (206, or 416 past the end).
 */
final class Media {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private Media() {
    }

    static Response download(Objects objects, StoredObject object, String range) {
        long size = object.size();
        long start = 0;
        long end = size - 1;
        Response.ResponseBuilder response = Response.ok();
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            if (m.group(1).isEmpty()) {
                start = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            }
            if (start >= size || start > end) {
                return Response.status(416).header("Content-Range", "bytes */" + size)
                        .type("text/html; charset=UTF-8").entity("").build();
            }
            response = Response.status(206).header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long offset = start;
        long length = Math.max(0, end - start + 1);
        StreamingOutput body = out -> {
            try (InputStream in = objects.read(object, offset, length)) {
                in.transferTo(out);
            }
        };
        return response.entity(body).type(object.contentType())
                .header("Content-Length", Long.toString(length))
                .header("ETag", object.etag())
                .header("Accept-Ranges", "bytes")
                .header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(object.updated().atOffset(ZoneOffset.UTC)))
                .header("x-goog-generation", Long.toString(object.generation()))
                .header("x-goog-metageneration", Long.toString(object.metageneration()))
                .header("x-goog-stored-content-length", Long.toString(size))
                .header("x-goog-stored-content-encoding", object.contentEncoding() == null ? "identity" : object.contentEncoding())
                .header("x-goog-storage-class", "STANDARD")
                .header("x-goog-hash", "crc32c=" + object.crc32c() + ",md5=" + object.md5())
                .build();
    }
}
