package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.SkewableClock;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;

/**
 * The simulator's control surface for the cluster ({@code /_sim/…}), apart from the Kubernetes API:
 * the signing key rotated now, and the workshop's clock skew. Both are for {@code system:masters}.
 */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {

    private final KeyRing keys;
    private final Access access;
    private final SkewableClock clock;

    public SimResource(KeyRing keys, Access access, SkewableClock clock) {
        this.keys = keys;
        this.access = access;
        this.clock = clock;
    }

    /** Rotates the service-account signing key: the new key signs, the old one verifies until its last token expires. */
    @POST
    @Path("keys:rotate")
    public Map<String, Object> rotate() {
        access.require("update", "signingkeys", "wisim.dev", null);
        keys.rotate();
        return keys.describe();
    }

    @GET
    @Path("clock")
    public Map<String, Object> clock() {
        access.require("get", "clocks", "wisim.dev", null);
        return clock.describe();
    }

    /** Skews the cluster's clock, {@code {"skewSeconds": N}}: the tokens it mints and the ones it checks move with it. */
    @PUT
    @Path("clock")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> skew(Map<String, Object> body) {
        access.require("update", "clocks", "wisim.dev", null);
        try {
            clock.skew(SkewableClock.requestedSkew(body));
        } catch (IllegalArgumentException e) {
            throw KubernetesException.badRequest(e.getMessage());
        }
        return clock.describe();
    }

    @DELETE
    @Path("clock")
    public Map<String, Object> unskew() {
        access.require("update", "clocks", "wisim.dev", null);
        clock.skew(Duration.ZERO);
        return clock.describe();
    }
}
