package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.Kind;
import dev.wisim.apiserver.cluster.Kinds;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.ListPage;
import dev.wisim.apiserver.cluster.Patches;
import dev.wisim.apiserver.codec.FieldValidation;
import dev.wisim.apiserver.codec.RequestBodies;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    private final ClusterStore store;
    private final RequestBodies bodies;
    private final Access access;
    private final Clock clock;

    public ObjectResource(ClusterStore store, RequestBodies bodies, Access access, Clock clock) {
        this.store = store;
        this.bodies = bodies;
        this.access = access;
        this.clock = clock;
    }

    /** Discovery of {@code v1} (here because this class owns the {@code /api/v1} path). */
    @GET
    public Map<String, Object> discovery() {
        access.requireAuthenticated("/api/v1");
        return CoreV1Discovery.resources();
    }

    /** A list (a watch of the same path is the watch route's: {@link dev.wisim.apiserver.watch.WatchRoute}). */
    @GET
    @Path("{resource}")
    public Response listEverywhere(@PathParam("resource") String resource, @Context UriInfo uri,
                                   @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return list(Kinds.byResource(resource), null, ListOptions.parse(uri.getQueryParameters()::getFirst), accept);
    }

    @GET
    @Path("namespaces/{namespace}/{resource}")
    public Response listIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource, @Context UriInfo uri,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return list(namespaced(resource), namespace, ListOptions.parse(uri.getQueryParameters()::getFirst), accept);
    }

    /** {@code deletecollection}; namespaces have none, as in Kubernetes. */
    @DELETE
    @Path("namespaces/{namespace}/{resource}")
    public Response deleteCollection(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                                     @Context UriInfo uri, @QueryParam("dryRun") String dryRun) {
        Kind<?> kind = namespaced(resource);
        return deleteCollection(kind, namespace, ListOptions.parse(uri.getQueryParameters()::getFirst), DryRun.parse(dryRun));
    }

    @POST
    @Path("namespaces")
    public Response createNamespace(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("dryRun") String dryRun,
                                    @QueryParam("fieldValidation") String validation, byte[] body) {
        return create(Kinds.NAMESPACES, null, contentType, dryRun, validation, body);
    }

    @POST
    @Path("namespaces/{namespace}/{resource}")
    public Response createIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("dryRun") String dryRun,
                             @QueryParam("fieldValidation") String validation, byte[] body) {
        return create(namespaced(resource), namespace, contentType, dryRun, validation, body);
    }

    @GET
    @Path("namespaces/{name}")
    public Response getNamespace(@PathParam("name") String name, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return get(Kinds.NAMESPACES, null, name, accept);
    }

    @GET
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response getIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                          @PathParam("name") String name, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return get(namespaced(resource), namespace, name, accept);
    }

    @PUT
    @Path("namespaces/{name}")
    public Response replaceNamespace(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                     @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return replace(Kinds.NAMESPACES, null, name, contentType, dryRun, validation, body);
    }

    @PUT
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response replaceIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                              @PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                              @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return replace(namespaced(resource), namespace, name, contentType, dryRun, validation, body);
    }

    @PATCH
    @Path("namespaces/{name}")
    public Response patchNamespace(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                   @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return patch(Kinds.NAMESPACES, null, name, contentType, dryRun, validation, body);
    }

    @PATCH
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response patchIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                            @PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return patch(namespaced(resource), namespace, name, contentType, dryRun, validation, body);
    }

    @DELETE
    @Path("namespaces/{name}")
    public Response deleteNamespace(@PathParam("name") String name) {
        access.require("delete", Kinds.NAMESPACES, null);
        return Response.ok(store.delete(Kinds.NAMESPACES, null, name)).build();
    }

    @DELETE
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response deleteIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                             @PathParam("name") String name) {
        Kind<?> kind = namespaced(resource);
        access.require("delete", kind, namespace);
        return Response.ok(store.delete(kind, namespace, name)).build();
    }

    // --- one implementation per verb, for every kind --------------------------------------------

    private <T extends HasMetadata> Response list(Kind<T> kind, String namespace, ListOptions options, String accept) {
        access.require("list", kind, namespace);
        ListPage<T> page = Lists.page(store, kind, namespace, options);
        Map<String, Object> metadata = Lists.metadata(page);
        if (Tables.wanted(accept)) {
            return Response.ok(Tables.of(kind, page.items(), metadata, clock)).type(Tables.MEDIA_TYPE).build();
        }
        return Response.ok(Lists.body(kind, page.items(), metadata)).build();
    }

    private <T extends HasMetadata> Response deleteCollection(Kind<T> kind, String namespace, ListOptions options, boolean dryRun) {
        access.require("deletecollection", kind, namespace);
        List<T> deleted = store.deleteCollection(kind, namespace, Lists.selector(kind, options), dryRun);
        return Response.ok(Lists.body(kind, deleted, Map.of("resourceVersion", store.currentResourceVersion()))).build();
    }

    private <T extends HasMetadata> Response get(Kind<T> kind, String namespace, String name, String accept) {
        access.require("get", kind, namespace);
        T object = store.get(kind, namespace, name);
        if (Tables.wanted(accept)) {
            return Response.ok(Tables.of(kind, List.of(object), Map.of("resourceVersion", object.getMetadata().getResourceVersion()), clock))
                    .type(Tables.MEDIA_TYPE).build();
        }
        return Response.ok(object).build();
    }

    private <T extends HasMetadata> Response create(Kind<T> kind, String namespace, String contentType, String dryRun,
                                                    String validation, byte[] body) {
        access.require("create", kind, namespace);
        List<String> warnings = new ArrayList<>();
        T object = bodies.read(contentType, body, kind.type(), FieldValidation.parse(validation), warnings::add);
        return withWarnings(Response.status(201).entity(store.create(kind, namespace, object, DryRun.parse(dryRun))), warnings);
    }

    private <T extends HasMetadata> Response replace(Kind<T> kind, String namespace, String name, String contentType, String dryRun,
                                                     String validation, byte[] body) {
        access.require("update", kind, namespace);
        List<String> warnings = new ArrayList<>();
        T object = bodies.read(contentType, body, kind.type(), FieldValidation.parse(validation), warnings::add);
        return withWarnings(Response.ok(store.update(kind, namespace, name, object, DryRun.parse(dryRun))), warnings);
    }

    private <T extends HasMetadata> Response patch(Kind<T> kind, String namespace, String name, String contentType, String dryRun,
                                                   String validation, byte[] body) {
        access.require("patch", kind, namespace);
        String type = Patches.type(contentType);
        List<String> warnings = new ArrayList<>();
        FieldValidation fieldValidation = FieldValidation.parse(validation);
        ClusterStore.Patched<T> patched = store.patch(kind, namespace, name, type,
                bodies.tree(Patches.APPLY_PATCH.equals(type) ? "application/yaml" : "application/json", body),
                tree -> bodies.bind(tree, kind.type(), fieldValidation, warnings::add), DryRun.parse(dryRun));
        return withWarnings(Response.status(patched.created() ? 201 : 200).entity(patched.object()), warnings);
    }

    private static Kind<?> namespaced(String resource) {
        Kind<?> kind = Kinds.byResource(resource);
        if (!kind.namespaced()) {
            throw KubernetesException.resourceNotFound();
        }
        return kind;
    }

    private static Response withWarnings(Response.ResponseBuilder response, List<String> warnings) {
        warnings.forEach(w -> response.header("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""));
        return response.build();
    }
}
