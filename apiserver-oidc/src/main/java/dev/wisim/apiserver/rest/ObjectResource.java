package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.Kind;
import dev.wisim.apiserver.cluster.Kinds;
import dev.wisim.apiserver.cluster.KubernetesException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * The core objects ({@code namespaces}, {@code serviceaccounts}, {@code pods}) over the Kubernetes
 * REST conventions: list (with label and field selectors, resource versions and pages, as Tables for
 * {@code kubectl get}), create, get, replace, every PATCH type, delete and {@code deletecollection};
 * {@code dryRun=All}, {@code fieldValidation}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ObjectResource {

    private final ObjectVerbs verbs;
    private final Access access;

    public ObjectResource(ObjectVerbs verbs, Access access) {
        this.verbs = verbs;
        this.access = access;
    }

    /** Discovery of {@code v1} (here because this class owns the {@code /api/v1} path). */
    @GET
    public Map<String, Object> discovery() {
        access.requirePath("/api/v1");
        return CoreV1Discovery.resources();
    }

    /** A list (a watch of the same path is the watch route's: {@link dev.wisim.apiserver.watch.WatchRoute}). */
    @GET
    @Path("{resource}")
    public Response listEverywhere(@PathParam("resource") String resource, @Context UriInfo uri,
                                   @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return verbs.list(Kinds.byResource(resource), null, ListOptions.parse(uri.getQueryParameters()::getFirst), accept);
    }

    @GET
    @Path("namespaces/{namespace}/{resource}")
    public Response listIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource, @Context UriInfo uri,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return verbs.list(namespaced(resource), namespace, ListOptions.parse(uri.getQueryParameters()::getFirst), accept);
    }

    /** {@code deletecollection}; namespaces have none, as in Kubernetes. */
    @DELETE
    @Path("namespaces/{namespace}/{resource}")
    public Response deleteCollection(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                                     @Context UriInfo uri, @QueryParam("dryRun") String dryRun) {
        Kind<?> kind = namespaced(resource);
        return verbs.deleteCollection(kind, namespace, ListOptions.parse(uri.getQueryParameters()::getFirst), DryRun.parse(dryRun));
    }

    @POST
    @Path("namespaces")
    public Response createNamespace(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("dryRun") String dryRun,
                                    @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.create(Kinds.NAMESPACES, null, contentType, dryRun, validation, body);
    }

    @POST
    @Path("namespaces/{namespace}/{resource}")
    public Response createIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("dryRun") String dryRun,
                             @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.create(namespaced(resource), namespace, contentType, dryRun, validation, body);
    }

    @GET
    @Path("namespaces/{name}")
    public Response getNamespace(@PathParam("name") String name, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return verbs.get(Kinds.NAMESPACES, null, name, accept);
    }

    @GET
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response getIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                          @PathParam("name") String name, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return verbs.get(namespaced(resource), namespace, name, accept);
    }

    @PUT
    @Path("namespaces/{name}")
    public Response replaceNamespace(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                     @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.replace(Kinds.NAMESPACES, null, name, contentType, dryRun, validation, body);
    }

    @PUT
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response replaceIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                              @PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                              @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.replace(namespaced(resource), namespace, name, contentType, dryRun, validation, body);
    }

    @PATCH
    @Path("namespaces/{name}")
    public Response patchNamespace(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                   @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.patch(Kinds.NAMESPACES, null, name, contentType, dryRun, validation, body);
    }

    @PATCH
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response patchIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                            @PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.patch(namespaced(resource), namespace, name, contentType, dryRun, validation, body);
    }

    @DELETE
    @Path("namespaces/{name}")
    public Response deleteNamespace(@PathParam("name") String name) {
        return verbs.delete(Kinds.NAMESPACES, null, name);
    }

    @DELETE
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response deleteIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                             @PathParam("name") String name) {
        Kind<?> kind = namespaced(resource);
        return verbs.delete(kind, namespace, name);
    }

    private static Kind<?> namespaced(String resource) {
        Kind<?> kind = Kinds.byResource(resource);
        if (!kind.namespaced()) {
            throw KubernetesException.resourceNotFound();
        }
        return kind;
    }
}
