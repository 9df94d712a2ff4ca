package dev.wisim.metadata.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The cluster's Kubernetes API, as the node's metadata server uses it. Responses are raw: callers read the status. */
@RegisterRestClient(configKey = "apiserver")
@RegisterProvider(ApiserverCredentials.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ApiserverClient {

    @GET
    @Path("/api/v1/namespaces/{namespace}/pods/{name}")
    Response pod(@PathParam("namespace") String namespace, @PathParam("name") String name);

    @GET
    @Path("/api/v1/pods")
    Response pods(@QueryParam("fieldSelector") String fieldSelector);

    @GET
    @Path("/api/v1/namespaces/{namespace}/serviceaccounts/{name}")
    Response serviceAccount(@PathParam("namespace") String namespace, @PathParam("name") String name);

    @POST
    @Path("/api/v1/namespaces/{namespace}/serviceaccounts/{name}/token")
    Response tokenRequest(@PathParam("namespace") String namespace, @PathParam("name") String name, Map<String, Object> request);

    @POST
    @Path("/apis/authentication.k8s.io/v1/tokenreviews")
    Response tokenReview(Map<String, Object> review);
}
