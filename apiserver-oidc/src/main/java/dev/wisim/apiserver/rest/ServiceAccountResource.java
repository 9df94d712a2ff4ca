package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.FieldSelector;
import dev.wisim.apiserver.token.TokenIssuer;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountList;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ServiceAccountResource {

    private final ClusterStore store;
    private final TokenIssuer tokens;
    private final Bodies bodies;

    public ServiceAccountResource(ClusterStore store, TokenIssuer tokens, Bodies bodies) {
        this.store = store;
        this.tokens = tokens;
        this.bodies = bodies;
    }

    @GET
    @Path("serviceaccounts")
    public ServiceAccountList listAll(@QueryParam("fieldSelector") String fieldSelector) {
        return list(null, fieldSelector);
    }

    @GET
    @Path("namespaces/{namespace}/serviceaccounts")
    public ServiceAccountList listIn(@PathParam("namespace") String namespace, @QueryParam("fieldSelector") String fieldSelector) {
        return list(namespace, fieldSelector);
    }

    @POST
    @Path("namespaces/{namespace}/serviceaccounts")
    public Response create(@PathParam("namespace") String namespace, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @QueryParam("dryRun") String dryRun, byte[] body) {
        ServiceAccount requested = bodies.read(contentType, body, ServiceAccount.class);
        return Response.status(201).entity(store.createServiceAccount(namespace, requested, Bodies.dryRun(dryRun))).build();
    }

    @GET
    @Path("namespaces/{namespace}/serviceaccounts/{name}")
    public ServiceAccount get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return store.serviceAccount(namespace, name);
    }

    @PUT
    @Path("namespaces/{namespace}/serviceaccounts/{name}")
    public ServiceAccount update(@PathParam("namespace") String namespace, @PathParam("name") String name,
                                 @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("dryRun") String dryRun,
                                 byte[] body) {
        ServiceAccount replacement = bodies.read(contentType, body, ServiceAccount.class);
        return store.updateServiceAccount(namespace, name, replacement, Bodies.dryRun(dryRun));
    }

    @DELETE
    @Path("namespaces/{namespace}/serviceaccounts/{name}")
    public ServiceAccount delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return store.deleteServiceAccount(namespace, name);
    }

    @POST
    @Path("namespaces/{namespace}/serviceaccounts/{name}/token")
    public Response token(@PathParam("namespace") String namespace, @PathParam("name") String name,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        TokenRequest request = bodies.read(contentType, body, TokenRequest.class);
        return Response.status(201).entity(tokens.issue(namespace, name, request)).build();
    }

    private ServiceAccountList list(String namespace, String fieldSelector) {
        if (namespace != null) {
            store.namespace(namespace);
        }
        List<ServiceAccount> items = store.serviceAccounts(namespace, FieldSelector.forServiceAccounts(fieldSelector));
        ServiceAccountList list = new ServiceAccountList();
        list.setMetadata(new ListMetaBuilder().withResourceVersion(store.currentResourceVersion()).build());
        list.setItems(items);
        return list;
    }
}
