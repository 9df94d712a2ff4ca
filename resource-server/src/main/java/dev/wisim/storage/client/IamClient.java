package dev.wisim.storage.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** IAM as the resource server asks it: OAuth2 tokeninfo (access and ID tokens), a caller's members, a project, a service account. Raw responses. */
@RegisterRestClient(configKey = "iam")
@Produces(MediaType.APPLICATION_JSON)
public interface IamClient {

    @GET
    @Path("/oauth2/v3/tokeninfo")
    Response tokenInfo(@QueryParam("access_token") String token);

    @GET
    @Path("/oauth2/v3/tokeninfo")
    Response idTokenInfo(@QueryParam("id_token") String token);

    @GET
    @Path("/_sim/projects/{project}")
    Response project(@PathParam("project") String project);

    /** Who a token stands for and every policy member that names it (a federated token's principal sets too). */
    @GET
    @Path("/_sim/caller")
    Response caller(@HeaderParam("Authorization") String authorization);

    /** A service account by unique id (its tokens without the email scope name it so). */
    @GET
    @Path("/_sim/accounts/{account}")
    Response account(@PathParam("account") String account);
}
