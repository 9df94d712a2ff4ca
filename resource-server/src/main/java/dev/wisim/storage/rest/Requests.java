package dev.wisim.storage.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.wisim.storage.auth.Caller;
import dev.wisim.storage.auth.Callers;
import dev.wisim.storage.bucket.Bucket;
import dev.wisim.storage.bucket.Buckets;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** What every handler needs from a request: the caller, the bucket, JSON bodies, and object names from the raw path. */
@ApplicationScoped
public class Requests {

    private final Callers callers;
    private final Buckets buckets;
    private final ObjectMapper mapper;

    public Requests(Callers callers, Buckets buckets, ObjectMapper mapper) {
        this.callers = callers;
        this.buckets = buckets;
        this.mapper = mapper;
    }

    public Caller caller(String authorization) {
        return callers.resolve(authorization);
    }

    public Bucket bucket(String name) {
        return buckets.find(name).orElseThrow(StorageException::noSuchBucket);
    }

    public <T> T json(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw StorageException.required("Required");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (MismatchedInputException e) {
            // a value of the wrong type: named by its path, not by the class it was to become
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw StorageException.invalid("Invalid JSON payload received. " + (path.isEmpty()
                    ? "The body must be a JSON object." : "Invalid value at '" + path + "'."));
        } catch (JsonProcessingException e) {
            throw StorageException.invalid("Invalid JSON payload received. " + e.getOriginalMessage());
        } catch (IOException e) {
            throw StorageException.invalid("Invalid JSON payload received.");
        }
        if (value == null) {
            throw StorageException.invalid("Invalid JSON payload received. Expected an object, got null.");
        }
        return value;
    }

    /**
     * The object name in a raw path {@code …/b/BUCKET/o/NAME}: everything after {@code /o/}, percent-decoded
     * once, so that {@code %2F} is a slash inside the name and not a path separator.
     */
    public static String objectName(String rawPath, String bucket) {
        String marker = "/b/" + bucket + "/o/";
        int at = rawPath.indexOf(marker);
        if (at < 0) {
            throw StorageException.notFound();
        }
        return URLDecoder.decode(rawPath.substring(at + marker.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
