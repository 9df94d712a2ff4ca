package dev.wisim.sts.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The GKE API ({@code container.googleapis.com}): a cluster's resource, for its workload pool. */
@RegisterRestClient(configKey = "container")
@Path("/v1/projects/{project}/locations/{location}/clusters/{cluster}")
public interface GkeClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> cluster(@PathParam("project") String project, @PathParam("location") String location,
                                @PathParam("cluster") String cluster);
}
