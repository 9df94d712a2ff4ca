package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.FieldSelector;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PodResource {

    private final ClusterStore store;
    private final Bodies bodies;

    public PodResource(ClusterStore store, Bodies bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    @GET
    @Path("pods")
    public PodList listAll(@QueryParam("fieldSelector") String fieldSelector) {
        return list(null, fieldSelector);
    }

    @GET
    @Path("namespaces/{namespace}/pods")
    public PodList listIn(@PathParam("namespace") String namespace, @QueryParam("fieldSelector") String fieldSelector) {
        store.namespace(namespace);
        return list(namespace, fieldSelector);
    }

    @POST
    @Path("namespaces/{namespace}/pods")
    public Response create(@PathParam("namespace") String namespace, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @QueryParam("dryRun") String dryRun, byte[] body) {
        Pod requested = bodies.read(contentType, body, Pod.class);
        return Response.status(201).entity(store.createPod(namespace, requested, Bodies.dryRun(dryRun))).build();
    }

    @GET
    @Path("namespaces/{namespace}/pods/{name}")
    public Pod get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return store.pod(namespace, name);
    }

    @DELETE
    @Path("namespaces/{namespace}/pods/{name}")
    public Pod delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return store.deletePod(namespace, name);
    }

    private PodList list(String namespace, String fieldSelector) {
        PodList list = new PodList();
        list.setMetadata(new ListMetaBuilder().withResourceVersion(store.currentResourceVersion()).build());
        list.setItems(store.pods(namespace, FieldSelector.forPods(fieldSelector)));
        return list;
    }
}
