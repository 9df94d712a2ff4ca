package dev.wisim.storage.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** IAM as the resource server asks it: OAuth2 tokeninfo, and a project's number and policy. Raw responses. */
@RegisterRestClient(configKey = "iam")
@Produces(MediaType.APPLICATION_JSON)
public interface IamClient {

    @GET
    @Path("/oauth2/v3/tokeninfo")
    Response tokenInfo(@QueryParam("access_token") String token);

    @GET
    @Path("/_sim/projects/{project}")
    Response project(@PathParam("project") String project);
}
