package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.authz.Escalation;
import dev.wisim.apiserver.cluster.Kind;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.RbacKinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
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
import java.util.function.Consumer;

/**
 * {@code rbac.authorization.k8s.io/v1}: roles and role bindings in namespaces, cluster roles and
 * cluster role bindings, with every verb of the core objects ({@link ObjectVerbs}) and RBAC's
 * escalation check on each write ({@link Escalation}).
 */
@Path("/apis/rbac.authorization.k8s.io/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RbacResource {

    private final ObjectVerbs verbs;
    private final Access access;
    private final Escalation escalation;

    public RbacResource(ObjectVerbs verbs, Access access, Escalation escalation) {
        this.verbs = verbs;
        this.access = access;
        this.escalation = escalation;
    }

    @GET
    public Map<String, Object> discovery() {
        access.requirePath("/apis/rbac.authorization.k8s.io/v1");
        return GroupDiscovery.rbac();
    }

    @GET
    @Path("{resource}")
    public Response listEverywhere(@PathParam("resource") String resource, @Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return verbs.list(RbacKinds.byResource(resource), null, ListOptions.parse(uri.getQueryParameters()::getFirst), accept);
    }

    @POST
    @Path("{resource}")
    public Response createClusterScoped(@PathParam("resource") String resource, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                        @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        Kind<?> kind = scoped(resource, false);
        return verbs.create(kind, null, contentType, dryRun, validation, body, guard(null));
    }

    @GET
    @Path("{resource}/{name}")
    public Response getClusterScoped(@PathParam("resource") String resource, @PathParam("name") String name,
                                     @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return verbs.get(scoped(resource, false), null, name, accept);
    }

    @PUT
    @Path("{resource}/{name}")
    public Response replaceClusterScoped(@PathParam("resource") String resource, @PathParam("name") String name,
                                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("dryRun") String dryRun,
                                         @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.replace(scoped(resource, false), null, name, contentType, dryRun, validation, body, guard(null));
    }

    @PATCH
    @Path("{resource}/{name}")
    public Response patchClusterScoped(@PathParam("resource") String resource, @PathParam("name") String name,
                                       @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("dryRun") String dryRun,
                                       @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.patch(scoped(resource, false), null, name, contentType, dryRun, validation, body, guard(null));
    }

    @DELETE
    @Path("{resource}/{name}")
    public Response deleteClusterScoped(@PathParam("resource") String resource, @PathParam("name") String name) {
        return verbs.delete(scoped(resource, false), null, name);
    }

    @GET
    @Path("namespaces/{namespace}/{resource}")
    public Response listIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource, @Context UriInfo uri,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return verbs.list(scoped(resource, true), namespace, ListOptions.parse(uri.getQueryParameters()::getFirst), accept);
    }

    @POST
    @Path("namespaces/{namespace}/{resource}")
    public Response createIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("dryRun") String dryRun,
                             @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.create(scoped(resource, true), namespace, contentType, dryRun, validation, body, guard(namespace));
    }

    @DELETE
    @Path("namespaces/{namespace}/{resource}")
    public Response deleteCollection(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                                     @Context UriInfo uri, @QueryParam("dryRun") String dryRun) {
        return verbs.deleteCollection(scoped(resource, true), namespace, ListOptions.parse(uri.getQueryParameters()::getFirst),
                DryRun.parse(dryRun));
    }

    @GET
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response getIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource, @PathParam("name") String name,
                          @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return verbs.get(scoped(resource, true), namespace, name, accept);
    }

    @PUT
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response replaceIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                              @PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                              @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.replace(scoped(resource, true), namespace, name, contentType, dryRun, validation, body, guard(namespace));
    }

    @PATCH
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response patchIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                            @PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @QueryParam("dryRun") String dryRun, @QueryParam("fieldValidation") String validation, byte[] body) {
        return verbs.patch(scoped(resource, true), namespace, name, contentType, dryRun, validation, body, guard(namespace));
    }

    @DELETE
    @Path("namespaces/{namespace}/{resource}/{name}")
    public Response deleteIn(@PathParam("namespace") String namespace, @PathParam("resource") String resource,
                             @PathParam("name") String name) {
        return verbs.delete(scoped(resource, true), namespace, name);
    }

    private static Kind<?> scoped(String resource, boolean namespaced) {
        Kind<?> kind = RbacKinds.byResource(resource);
        if (kind.namespaced() != namespaced) {
            throw KubernetesException.resourceNotFound();
        }
        return kind;
    }

    /** The escalation check for whichever RBAC object a write carries. */
    private <T extends HasMetadata> Consumer<T> guard(String namespace) {
        return object -> {
            String name = object.getMetadata() == null ? null : object.getMetadata().getName();
            if (object instanceof Role role) {
                escalation.checkRole(access.user(), "roles", namespace, name, role.getRules());
            } else if (object instanceof ClusterRole role) {
                escalation.checkRole(access.user(), "clusterroles", null, name, role.getRules());
            } else if (object instanceof RoleBinding binding) {
                escalation.checkBinding(access.user(), "rolebindings", namespace, name, binding.getRoleRef());
            } else if (object instanceof ClusterRoleBinding binding) {
                escalation.checkBinding(access.user(), "clusterrolebindings", null, name, binding.getRoleRef());
            }
        };
    }
}
