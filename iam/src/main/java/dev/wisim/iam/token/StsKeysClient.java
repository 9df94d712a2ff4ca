package dev.wisim.iam.token;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** STS's token-signing keys, a public JWKS at the simulator's control path. */
@RegisterRestClient(configKey = "sts")
@Path("/_sim/keys")
public interface StsKeysClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String keys();
}
