package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.auth.RequestUser;
import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.cluster.Kind;
import dev.wisim.apiserver.cluster.KubernetesException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Authorization as this cluster's RBAC has it: {@code system:masters} may do anything; other users
 * (service accounts, anonymous callers) hold no role on these resources, as a default cluster gives
 * them none.
 */
@ApplicationScoped
public class Access {

    private final RequestUser user;

    public Access(RequestUser user) {
        this.user = user;
    }

    public User user() {
        return user.get();
    }

    public void require(String verb, Kind<?> kind, String namespace) {
        require(verb, kind.resource(), "", namespace);
    }

    public void require(String verb, String resource, String group, String namespace) {
        require(user.get(), verb, resource, group, namespace);
    }

    /** The same decision for a caller outside a REST request (a watch). */
    public static void require(User caller, String verb, Kind<?> kind, String namespace) {
        require(caller, verb, kind.resource(), "", namespace);
    }

    private static void require(User caller, String verb, String resource, String group, String namespace) {
        if (!caller.in("system:masters")) {
            throw KubernetesException.rbacForbidden(caller.username(), verb, resource, group, namespace);
        }
    }

    /** Discovery, OpenAPI and the service-account issuer documents are for authenticated users. */
    public void requireAuthenticated(String path) {
        if (!user.get().in("system:authenticated")) {
            throw KubernetesException.pathForbidden(user.get().username(), path);
        }
    }
}
