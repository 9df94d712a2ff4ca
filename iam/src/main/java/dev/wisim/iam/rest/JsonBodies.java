package dev.wisim.iam.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/** Reads JSON request bodies; a body that is not JSON is {@code INVALID_ARGUMENT} with Google's wording. An empty body reads as {@code {}}. */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = mapper.readValue(body == null || body.length == 0 ? "{}".getBytes() : body, type);
        } catch (JsonProcessingException e) {
            throw IamException.invalidArgument("Invalid JSON payload received. " + e.getOriginalMessage());
        } catch (IOException e) {
            throw IamException.invalidArgument("Invalid JSON payload received.");
        }
        if (value == null) {
            throw IamException.invalidArgument("Invalid JSON payload received. Expected an object, got null.");
        }
        return value;
    }
}
