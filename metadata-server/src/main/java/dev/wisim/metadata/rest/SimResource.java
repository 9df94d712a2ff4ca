package dev.wisim.metadata.rest;

import dev.wisim.metadata.relay.RelayLog;
import dev.wisim.metadata.relay.TokenCache;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The simulator's control surface for the metadata server: the recent relays, and forgetting cached tokens. */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {

    private final RelayLog log;
    private final TokenCache cache;

    public SimResource(RelayLog log, TokenCache cache) {
        this.log = log;
        this.cache = cache;
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
}
