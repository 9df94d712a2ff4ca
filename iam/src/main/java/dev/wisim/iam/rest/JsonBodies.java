package dev.wisim.iam.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.stream.Collectors;

/** Reads JSON request bodies; a body that is not JSON is {@code INVALID_ARGUMENT} with Google's wording. An empty body reads as {@code {}}. */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(byte[] body, Class<T> type) {
        if (body != null && body.length > PayloadLimit.BYTES) {   // a body sent without a length
            throw IamException.invalidArgument("Request payload size exceeds the limit: " + PayloadLimit.BYTES + " bytes.");
        }
        T value;
        try {
            value = mapper.readValue(body == null || body.length == 0 ? "{}".getBytes() : body, type);
        } catch (MismatchedInputException e) {
            // a value of the wrong type: named by its path, as Google does, not by the class it was to become
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw IamException.invalidArgument("Invalid JSON payload received. " + (path.isEmpty()
                    ? "Unknown name \"\": Root element must be a message." : "Invalid value at '" + path + "'."));
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
