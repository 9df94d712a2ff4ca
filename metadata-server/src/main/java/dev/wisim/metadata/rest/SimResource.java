package dev.wisim.metadata.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisim.metadata.relay.Faults;
import dev.wisim.metadata.relay.RelayLog;
import dev.wisim.metadata.relay.TokenCache;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The simulator's control surface for the metadata server: the recent relays, forgetting cached
 * tokens, and the workshop's fault switches at the relay's hops.
 */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {

    private final RelayLog log;
    private final TokenCache cache;
    private final Faults faults;

    public SimResource(RelayLog log, TokenCache cache, Faults faults) {
        this.log = log;
        this.cache = cache;
        this.faults = faults;
    }

    /** The most recent relays, newest first, each with its hops, statuses and latencies. */
    @GET
    @Path("relays")
    public Map<String, List<RelayLog.Relay>> relays() {
        return Map.of("relays", log.recent());
    }

    /** Forgets every cached token: the next request of each identity runs the whole relay (a binding change shows at once). */
    @DELETE
    @Path("token-cache")
    public Response clearTokenCache() {
        cache.clear();
        return Response.noContent().build();
    }

    /** The fault switches that are on, by hop. */
    @GET
    @Path("faults")
    public Map<String, Map<Faults.Hop, Faults.Fault>> faults() {
        return Map.of("faults", faults.all());
    }

    /** Switches a fault on at one hop ({@code apiserver}, {@code sts}, {@code iam}): {@code {"latencyMs": 500, "status": 503}}, either or both. */
    @PUT
    @Path("faults/{hop}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setFault(@PathParam("hop") String hop, JsonNode body) {
        try {
            Faults.Hop which = hop(hop);
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object with latencyMs and/or status");
            }
            JsonNode latency = body.path("latencyMs");
            JsonNode status = body.path("status");
            if (!latency.isMissingNode() && !latency.canConvertToLong() || !status.isMissingNode() && !status.isNull() && !status.isInt()) {
                throw new IllegalArgumentException("latencyMs and status must be integers");
            }
            Faults.Fault fault = new Faults.Fault(latency.asLong(0), status.isInt() ? status.asInt() : null);
            faults.set(which, fault);
            return Response.ok(Map.of(which.name(), fault)).build();
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    @DELETE
    @Path("faults/{hop}")
    public Response clearFault(@PathParam("hop") String hop) {
        try {
            faults.clear(hop(hop));
            return Response.noContent().build();
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    /** Switches every fault off. */
    @DELETE
    @Path("faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    private static Faults.Hop hop(String name) {
        try {
            return Faults.Hop.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown hop " + name + "; the hops are apiserver, sts and iam");
        }
    }

    private static Response badRequest(String message) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
