package dev.wisim.metadata.relay;

import dev.wisim.metadata.client.Upstream.Answer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The workshop's fault switches at the relay's hops, off until set: added latency before a hop, or
 * the hop answering a given status instead of asking its service (the relay then fails as it does
 * when that service refuses). Set through {@code /_sim/faults}.
 */
@ApplicationScoped
public class Faults {

    /** The hops a fault can be put on: the API server's TokenRequest, STS's exchange, IAM's generate call. */
    public enum Hop {
        apiserver, sts, iam
    }

    /**
     * @param latencyMs added before the hop, 0 for none
     * @param status    the status the hop answers instead of asking its service, or null to ask it
     */
    public record Fault(long latencyMs, Integer status) {

        public Fault {
            if (latencyMs < 0 || latencyMs > 60_000) {
                throw new IllegalArgumentException("latencyMs must be between 0 and 60000");
            }
            if (status != null && (status < 400 || status > 599)) {
                throw new IllegalArgumentException("status must be an HTTP error status (400-599)");
            }
        }
    }

    private final Map<Hop, Fault> faults = new ConcurrentHashMap<>();

    public void set(Hop hop, Fault fault) {
        faults.put(hop, fault);
    }

    public void clear(Hop hop) {
        faults.remove(hop);
    }

    public void clear() {
        faults.clear();
    }

    public Map<Hop, Fault> all() {
        return new TreeMap<>(faults);
    }

    /** Waits out the hop's added latency; the status the hop is to answer instead of its service, if any. */
    public Optional<Integer> before(Hop hop) {
        Fault fault = faults.get(hop);
        if (fault == null) {
            return Optional.empty();
        }
        if (fault.latencyMs() > 0) {
            try {
                Thread.sleep(fault.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(fault.status());
    }

    /** The hop's answer: its service's, asked after any added latency, or the fault's when one stands in for it. */
    public Answer or(Hop hop, Supplier<Answer> service) {
        return before(hop).map(status -> answer(hop, status)).orElseGet(service);
    }

    /**
     * The answer a hop gives when a fault stands in for its service, in that service's error shape:
     * STS's OAuth error, IAM's Google API error.
     */
    private static Answer answer(Hop hop, int status) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "" : known.getReasonPhrase();
        String message = "a fault switched on at the metadata server's /_sim/faults/" + hop;
        Map<String, Object> body = new LinkedHashMap<>();
        if (hop == Hop.sts) {
            body.put("error", status >= 500 ? "temporarily_unavailable" : "invalid_request");
            body.put("error_description", message);
        } else {
            body.put("error", Map.of("code", status, "message", message, "status", googleStatus(status)));
        }
        return new Answer(status, reason, body);
    }

    private static String googleStatus(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 501 -> "UNIMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }
}
