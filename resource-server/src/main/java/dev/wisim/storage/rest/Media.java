package dev.wisim.storage.rest;

import dev.wisim.storage.object.StoredObject;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An object's bytes as a media download: the {@code x-goog-*} headers, and {@code Range} (206, or 416 past the end). */
final class Media {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private Media() {
    }

    static Response download(StoredObject object, String range) {
        byte[] data = object.data();
        Response.ResponseBuilder response;
        if (range == null || range.isBlank()) {
            response = Response.ok(data);
        } else {
            Matcher m = RANGE.matcher(range.trim());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                response = Response.ok(data);
            } else {
                long size = data.length;
                long start;
                long end;
                if (m.group(1).isEmpty()) {
                    start = Math.max(0, size - Long.parseLong(m.group(2)));
                    end = size - 1;
                } else {
                    start = Long.parseLong(m.group(1));
                    end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
                }
                if (start >= size || start > end) {
                    return Response.status(416).header("Content-Range", "bytes */" + size)
                            .type("text/html; charset=UTF-8").entity("").build();
                }
                response = Response.status(206).entity(Arrays.copyOfRange(data, (int) start, (int) end + 1))
                        .header("Content-Range", "bytes " + start + "-" + end + "/" + size);
            }
        }
        return response.type(object.contentType())
                .header("ETag", object.etag())
                .header("Accept-Ranges", "bytes")
                .header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(object.created().atOffset(ZoneOffset.UTC)))
                .header("x-goog-generation", Long.toString(object.generation()))
                .header("x-goog-metageneration", Long.toString(object.metageneration()))
                .header("x-goog-stored-content-length", Long.toString(object.size()))
                .header("x-goog-stored-content-encoding", "identity")
                .header("x-goog-storage-class", "STANDARD")
                .header("x-goog-hash", "crc32c=" + object.crc32c() + ",md5=" + object.md5())
                .build();
    }
}
