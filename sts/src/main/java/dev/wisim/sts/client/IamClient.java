package dev.wisim.sts.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** IAM's internal view of a project (its number), read the way Google's backends share it. */
@RegisterRestClient(configKey = "iam")
@Path("/_sim/projects/{project}")
public interface IamClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    ProjectView project(@PathParam("project") String project);

    /** The fields STS reads; IAM's copy of the message has more. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ProjectView(String projectId, String projectNumber) {
    }
}
