package dev.wisim.metadata.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** IAM Credentials (impersonation with the federated token) and IAM's internal views of projects and of the world. */
@RegisterRestClient(configKey = "iam")
@Produces(MediaType.APPLICATION_JSON)
public interface IamClient {

    @POST
    @Path("/v1/projects/-/serviceAccounts/{email}:generateAccessToken")
    @Consumes(MediaType.APPLICATION_JSON)
    Response generateAccessToken(@HeaderParam("Authorization") String authorization, @PathParam("email") String email,
                                 Map<String, Object> request);

    @POST
    @Path("/v1/projects/-/serviceAccounts/{email}:generateIdToken")
    @Consumes(MediaType.APPLICATION_JSON)
    Response generateIdToken(@HeaderParam("Authorization") String authorization, @PathParam("email") String email,
                             Map<String, Object> request);

    @GET
    @Path("/_sim/projects/{project}")
    Response project(@PathParam("project") String project);

    /** Projects and service accounts with their policies, for the relay console. */
    @GET
    @Path("/_sim/world")
    Response world();
}
