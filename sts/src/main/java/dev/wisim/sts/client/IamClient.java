package dev.wisim.sts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** IAM's internal views STS reads, the way Google's backends share them: pool providers, GKE pools' clusters (with their project's number). */
@RegisterRestClient(configKey = "iam")
@Path("/_sim")
public interface IamClient {

    @GET
    @Path("workload-identity/projects/{number}/pools/{pool}/providers/{provider}")
    @Produces(MediaType.APPLICATION_JSON)
    ProviderView provider(@PathParam("number") String projectNumber, @PathParam("pool") String pool,
                          @PathParam("provider") String provider);

    @GET
    @Path("workload-identity/gke-pools/{pool}/clusters")
    @Produces(MediaType.APPLICATION_JSON)
    ClusterList clusters(@PathParam("pool") String pool, @QueryParam("issuer") String issuer);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProviderView(Resource pool, Resource provider) {
    }

    /** A pool or a provider: {@code oidc} and the attribute fields are a provider's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Resource(String name, String state, Boolean disabled, Map<String, String> attributeMapping, String attributeCondition,
                    Oidc oidc) {

        public boolean usable() {
            return "ACTIVE".equals(state) && !Boolean.TRUE.equals(disabled);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Oidc(String issuerUri, List<String> allowedAudiences, String jwksJson) {
    }

    /** The pool's clusters, and its project's number when the project exists. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClusterList(List<Cluster> clusters, String projectNumber) {
    }

    /** A cluster of a GKE workload pool: its issuer, and where its keys are (an address, or the JWKS itself). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cluster(String pool, String issuer, String jwksUri, String jwksJson) {
    }
}
