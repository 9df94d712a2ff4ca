package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.ClusterStore;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
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
public class NamespaceResource {

    private final ClusterStore store;
    private final Bodies bodies;

    public NamespaceResource(ClusterStore store, Bodies bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    @GET
    @Path("namespaces")
    public NamespaceList list() {
        NamespaceList list = new NamespaceList();
        list.setMetadata(new ListMetaBuilder().withResourceVersion(store.currentResourceVersion()).build());
        list.setItems(store.namespaces());
        return list;
    }

    @POST
    @Path("namespaces")
    public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("dryRun") String dryRun, byte[] body) {
        Namespace created = store.createNamespace(bodies.read(contentType, body, Namespace.class), Bodies.dryRun(dryRun));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("namespaces/{name}")
    public Namespace get(@PathParam("name") String name) {
        return store.namespace(name);
    }

    @DELETE
    @Path("namespaces/{name}")
    public Namespace delete(@PathParam("name") String name) {
        return store.deleteNamespace(name);
    }
}
