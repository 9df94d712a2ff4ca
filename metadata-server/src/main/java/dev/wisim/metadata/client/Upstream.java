package dev.wisim.metadata.client;

import dev.wisim.metadata.rest.MetadataException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;

/** Calls one upstream and reads its JSON answer; a connection failure is the GKE server's "unavailable". */
public final class Upstream {

    private Upstream() {
    }

    /** A status and a JSON object body (empty when the body is not JSON). */
    public record Answer(int status, String reason, Map<String, Object> body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text(String field) {
            return body.get(field) instanceof String s ? s : null;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> object(String field) {
            return body.get(field) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    public static Answer call(String name, Supplier<Response> request) {
        Blocking.check();
        try (Response response = request.get()) {
            Map<String, Object> body;
            try {
                body = response.hasEntity() ? response.readEntity(Map.class) : Map.of();
            } catch (RuntimeException e) {
                body = Map.of();
            }
            return new Answer(response.getStatus(), response.getStatusInfo().getReasonPhrase(), body == null ? Map.of() : body);
        } catch (ProcessingException e) {
            throw MetadataException.unavailable(name);
        }
    }
}
