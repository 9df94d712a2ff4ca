package dev.wisim.sts.rest;

import dev.wisim.jose.KeyRing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The simulator's control surface: STS's token-signing keys, which IAM and the resource server verify federated tokens with. */
@Path("/_sim")
public class SimResource {

    private final KeyRing keys;

    public SimResource(KeyRing keys) {
        this.keys = keys;
    }

    @GET
    @Path("keys")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> keys() {
        return keys.publicJwks();
    }
}
