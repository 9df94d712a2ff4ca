package dev.wisim.apiserver.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.apiserver.cluster.KubernetesException;
import jakarta.enterprise.context.ApplicationScoped;

/** Decodes request bodies the way kube-apiserver does, with its error texts. */
@ApplicationScoped
public class Bodies {

    private final ObjectMapper mapper;

    public Bodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(String contentType, byte[] body, Class<T> type) {
        if (contentType != null && !contentType.startsWith("application/json") && !contentType.startsWith("*/*")) {
            throw KubernetesException.unsupportedMediaType();
        }
        if (body == null || body.length == 0) {
            throw KubernetesException.badRequest("the body of the request is empty");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw KubernetesException.badRequest("couldn't get version/kind; json parse error: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw KubernetesException.badRequest("cannot read the request body: " + e.getMessage());
        }
        if (value == null) {
            throw KubernetesException.badRequest("Object 'Kind' is missing in 'null'");
        }
        return value;
    }

    /** {@code dryRun=All} means validate only; any other value is refused as kube-apiserver does. */
    public static boolean dryRun(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if ("All".equals(value)) {
            return true;
        }
        throw KubernetesException.badRequest("Invalid dryRun value: " + value + ": supported values: \"All\"");
    }
}
