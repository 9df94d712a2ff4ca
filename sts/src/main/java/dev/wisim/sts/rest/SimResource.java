package dev.wisim.sts.rest;

import dev.wisim.jose.KeyRing;
import dev.wisim.jose.SkewableClock;
import dev.wisim.sts.exchange.StsException;
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
 * The simulator's control surface: STS's token-signing keys, which IAM and the resource server verify
 * federated tokens with, rotated on demand; and the workshop's clock skew.
 */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {

    private final KeyRing keys;
    private final SkewableClock clock;

    public SimResource(KeyRing keys, SkewableClock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @GET
    @Path("keys")
    public Map<String, Object> keys() {
        return keys.publicJwks();
    }

    /** A new key signs federated tokens from now on; the old one verifies until its last token expires. */
    @POST
    @Path("keys:rotate")
    public Map<String, Object> rotate() {
        keys.rotate();
        return keys.describe();
    }

    @GET
    @Path("clock")
    public Map<String, Object> clock() {
        return clock.describe();
    }

    /** Skews STS's clock, {@code {"skewSeconds": N}}: the subject tokens it checks and the tokens it mints move with it. */
    @PUT
    @Path("clock")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> skew(Map<String, Object> body) {
        try {
            clock.skew(SkewableClock.requestedSkew(body));
        } catch (IllegalArgumentException e) {
            throw StsException.invalidRequest(e.getMessage());
        }
        return clock.describe();
    }

    @DELETE
    @Path("clock")
    public Map<String, Object> unskew() {
        clock.skew(Duration.ZERO);
        return clock.describe();
    }
}
