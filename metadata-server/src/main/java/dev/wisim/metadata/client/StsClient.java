package dev.wisim.metadata.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** STS, called with the proto3 JSON body the GKE metadata server sends. */
@RegisterRestClient(configKey = "sts")
public interface StsClient {

    @POST
    @Path("/v1/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(Map<String, Object> request);
}
