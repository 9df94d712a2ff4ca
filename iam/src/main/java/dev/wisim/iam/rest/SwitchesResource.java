package dev.wisim.iam.rest;

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
 * The workshop's switches at IAM ({@code /_sim/…}): the token-signing key rotated now (ID tokens and
 * self-signed JWTs then carry a new {@code kid}), and a skew of IAM's clock.
 */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class SwitchesResource {

    private final KeyRing keys;
    private final SkewableClock clock;
    private final JsonBodies bodies;

    public SwitchesResource(KeyRing keys, SkewableClock clock, JsonBodies bodies) {
        this.keys = keys;
        this.clock = clock;
        this.bodies = bodies;
    }

    /** A new key signs from now on; the old one stays in the JWKS until its last token expires. */
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

    /** Skews IAM's clock, {@code {"skewSeconds": N}}: the tokens it mints and the ones it checks move with it. */
    @PUT
    @Path("clock")
    public Map<String, Object> skew(byte[] body) {
        try {
            clock.skew(SkewableClock.requestedSkew(bodies.read(body, Map.class)));
        } catch (IllegalArgumentException e) {
            throw IamException.invalidArgument(e.getMessage());
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
