package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.Kind;
import dev.wisim.apiserver.cluster.ListPage;
import dev.wisim.apiserver.cluster.Patches;
import dev.wisim.apiserver.codec.FieldValidation;
import dev.wisim.apiserver.codec.RequestBodies;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One implementation per verb for every kind, whichever API group serves it ({@link ObjectResource}
 * for core, {@link RbacResource} for RBAC): authorised, then done by the store, with Tables for
 * {@code kubectl get}, dry runs, field validation and its warnings.
 */
@ApplicationScoped
public class ObjectVerbs {

    private final ClusterStore store;
    private final RequestBodies bodies;
    private final Access access;
    private final Clock clock;

    public ObjectVerbs(ClusterStore store, RequestBodies bodies, Access access, Clock clock) {
        this.store = store;
        this.bodies = bodies;
        this.access = access;
        this.clock = clock;
    }

    public Response delete(Kind<?> kind, String namespace, String name) {
        access.require("delete", kind, namespace, name);
        return Response.ok(store.delete(kind, namespace, name)).build();
    }

    public <T extends HasMetadata> Response list(Kind<T> kind, String namespace, ListOptions options, String accept) {
        access.require("list", kind, namespace);
        ListPage<T> page = Lists.page(store, kind, namespace, options);
        Map<String, Object> metadata = Lists.metadata(page);
        if (Tables.wanted(accept)) {
            return Response.ok(Tables.of(kind, page.items(), metadata, clock)).type(Tables.MEDIA_TYPE).build();
        }
        return Response.ok(Lists.body(kind, page.items(), metadata)).build();
    }

    public <T extends HasMetadata> Response deleteCollection(Kind<T> kind, String namespace, ListOptions options, boolean dryRun) {
        access.require("deletecollection", kind, namespace);
        List<T> deleted = store.deleteCollection(kind, namespace, Lists.selector(kind, options), dryRun);
        return Response.ok(Lists.body(kind, deleted, Map.of("resourceVersion", store.currentResourceVersion()))).build();
    }

    public <T extends HasMetadata> Response get(Kind<T> kind, String namespace, String name, String accept) {
        access.require("get", kind, namespace, name);
        T object = store.get(kind, namespace, name);
        if (Tables.wanted(accept)) {
            return Response.ok(Tables.of(kind, List.of(object), Map.of("resourceVersion", object.getMetadata().getResourceVersion()), clock))
                    .type(Tables.MEDIA_TYPE).build();
        }
        return Response.ok(object).build();
    }

    public <T extends HasMetadata> Response create(Kind<T> kind, String namespace, String contentType, String dryRun,
                                                    String validation, byte[] body) {
        return create(kind, namespace, contentType, dryRun, validation, body, object -> { });
    }

    /** @param guard checks the object the request would write (RBAC's escalation check) */
    public <T extends HasMetadata> Response create(Kind<T> kind, String namespace, String contentType, String dryRun,
                                                    String validation, byte[] body, Consumer<T> guard) {
        access.require("create", kind, namespace);
        List<String> warnings = new ArrayList<>();
        T object = bodies.read(contentType, body, kind.type(), FieldValidation.parse(validation), warnings::add);
        guard.accept(object);
        return withWarnings(Response.status(201).entity(store.create(kind, namespace, object, DryRun.parse(dryRun))), warnings);
    }

    public <T extends HasMetadata> Response replace(Kind<T> kind, String namespace, String name, String contentType, String dryRun,
                                                     String validation, byte[] body) {
        return replace(kind, namespace, name, contentType, dryRun, validation, body, object -> { });
    }

    public <T extends HasMetadata> Response replace(Kind<T> kind, String namespace, String name, String contentType, String dryRun,
                                                     String validation, byte[] body, Consumer<T> guard) {
        access.require("update", kind, namespace, name);
        List<String> warnings = new ArrayList<>();
        T object = bodies.read(contentType, body, kind.type(), FieldValidation.parse(validation), warnings::add);
        guard.accept(object);
        return withWarnings(Response.ok(store.update(kind, namespace, name, object, DryRun.parse(dryRun))), warnings);
    }

    public <T extends HasMetadata> Response patch(Kind<T> kind, String namespace, String name, String contentType, String dryRun,
                                                   String validation, byte[] body) {
        return patch(kind, namespace, name, contentType, dryRun, validation, body, object -> { });
    }

    public <T extends HasMetadata> Response patch(Kind<T> kind, String namespace, String name, String contentType, String dryRun,
                                                   String validation, byte[] body, Consumer<T> guard) {
        access.require("patch", kind, namespace, name);
        String type = Patches.type(contentType);
        List<String> warnings = new ArrayList<>();
        FieldValidation fieldValidation = FieldValidation.parse(validation);
        ClusterStore.Patched<T> patched = store.patch(kind, namespace, name, type,
                bodies.tree(Patches.APPLY_PATCH.equals(type) ? "application/yaml" : "application/json", body),
                tree -> {
                    T bound = bodies.bind(tree, kind.type(), fieldValidation, warnings::add);
                    guard.accept(bound);
                    return bound;
                }, DryRun.parse(dryRun));
        return withWarnings(Response.status(patched.created() ? 201 : 200).entity(patched.object()), warnings);
    }

    private static Response withWarnings(Response.ResponseBuilder response, List<String> warnings) {
        warnings.forEach(w -> response.header("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""));
        return response.build();
    }
}
