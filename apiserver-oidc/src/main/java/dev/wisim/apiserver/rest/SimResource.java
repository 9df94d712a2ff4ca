package dev.wisim.apiserver.rest;

import dev.wisim.jose.KeyRing;
import dev.wisim.jose.SigningKey;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulator's control surface for the cluster ({@code /_sim/…}), apart from the Kubernetes API. */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {

    private final KeyRing keys;
    private final Access access;

    public SimResource(KeyRing keys, Access access) {
        this.keys = keys;
        this.access = access;
    }

    /** Rotates the service-account signing key: the new key signs, the old one verifies until its last token expires. */
    @POST
    @Path("keys:rotate")
    public Map<String, Object> rotate() {
        access.require("update", "signingkeys", "wisim.dev", null);
        SigningKey fresh = keys.rotate();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("activeKid", fresh.kid());
        answer.put("kids", keys.all().stream().map(SigningKey::kid).toList());
        return answer;
    }
}
