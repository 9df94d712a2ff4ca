package dev.wisim.apiserver.authz;

import dev.wisim.apiserver.auth.User;

/**
 * What a request asks to do, as kube-apiserver's request info has it: a resource request (verb,
 * group, resource, subresource, namespace, name) or a non-resource one (verb, path).
 *
 * @param namespace null at the cluster scope
 * @param name      null for a collection, or for create
 */
public record Attributes(User user, String verb, String group, String resource, String subresource, String namespace, String name,
                         String path) {

    public static Attributes resource(User user, String verb, String group, String resource, String subresource, String namespace,
                                      String name) {
        return new Attributes(user, verb, group == null ? "" : group, resource, subresource == null ? "" : subresource,
                namespace == null || namespace.isEmpty() ? null : namespace, name == null || name.isEmpty() ? null : name, null);
    }

    public static Attributes nonResource(User user, String verb, String path) {
        return new Attributes(user, verb, null, null, null, null, null, path);
    }

    public boolean resourceRequest() {
        return path == null;
    }

    /** {@code pods} or {@code pods/log}. */
    public String resourceAndSubresource() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    public Attributes as(User other) {
        return new Attributes(other, verb, group, resource, subresource, namespace, name, path);
    }
}
