package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.auth.RequestUser;
import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.authz.Attributes;
import dev.wisim.apiserver.authz.Authorizer;
import dev.wisim.apiserver.cluster.Kind;
import jakarta.enterprise.context.ApplicationScoped;

/** The current request's user and the authorizer's verdict on what it asks ({@link Authorizer}: RBAC, then IAM). */
@ApplicationScoped
public class Access {

    private final RequestUser user;
    private final Authorizer authorizer;

    public Access(RequestUser user, Authorizer authorizer) {
        this.user = user;
        this.authorizer = authorizer;
    }

    public User user() {
        return user.get();
    }

    /** A collection request (list, create, deletecollection). */
    public void require(String verb, Kind<?> kind, String namespace) {
        require(verb, kind, namespace, null);
    }

    /** A request for one object (get, update, patch, delete). */
    public void require(String verb, Kind<?> kind, String namespace, String name) {
        authorizer.require(Attributes.resource(user.get(), verb, kind.group(), kind.resource(), null, namespace, name));
    }

    public void require(String verb, String resource, String group, String namespace) {
        authorizer.require(Attributes.resource(user.get(), verb, group, resource, null, namespace, null));
    }

    public void requireSubresource(String verb, Kind<?> kind, String subresource, String namespace, String name) {
        authorizer.require(Attributes.resource(user.get(), verb, kind.group(), kind.resource(), subresource, namespace, name));
    }

    /** A non-resource path (discovery, OpenAPI, the issuer documents): {@code get} on the path. */
    public void requirePath(String path) {
        authorizer.require(Attributes.nonResource(user.get(), "get", path));
    }
}
