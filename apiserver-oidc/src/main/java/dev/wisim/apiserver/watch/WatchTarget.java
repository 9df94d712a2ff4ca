package dev.wisim.apiserver.watch;

import dev.wisim.apiserver.cluster.Kind;
import dev.wisim.apiserver.cluster.Kinds;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.RbacKinds;

/**
 * What a watch request follows: the kind, the namespace (null for all, and for cluster-scoped kinds)
 * and, for the legacy {@code /api/v1/watch/…/NAME} paths, one object's name. Both forms are served: a
 * list path with {@code watch=true} (what kubectl and client-go send) and the deprecated
 * {@code /api/v1/watch/} prefix; the RBAC kinds' list paths with {@code watch=true} too.
 */
record WatchTarget(Kind<?> kind, String namespace, String name) {

    private static final String PREFIX = "/api/v1/";
    static final String RBAC_PREFIX = "/apis/rbac.authorization.k8s.io/v1/";
    private static final String LEGACY = "watch/";

    /** The target of a GET, or null when the request is no watch (a list, a get, another path). */
    static WatchTarget of(String path, boolean watchParameter) {
        if (path.startsWith(RBAC_PREFIX)) {
            return watchParameter ? rbac(path.substring(RBAC_PREFIX.length()).split("/", -1)) : null;
        }
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String rest = path.substring(PREFIX.length());
        boolean legacy = rest.startsWith(LEGACY);
        if (legacy) {
            rest = rest.substring(LEGACY.length());
        } else if (!watchParameter) {
            return null;
        }
        String[] parts = rest.split("/", -1);
        return switch (parts.length) {
            case 1 -> new WatchTarget(Kinds.byResource(parts[0]), null, null);
            case 2 -> legacy && "namespaces".equals(parts[0]) ? new WatchTarget(Kinds.NAMESPACES, null, parts[1]) : null;
            case 3 -> "namespaces".equals(parts[0]) ? new WatchTarget(namespaced(parts[2]), parts[1], null) : null;
            case 4 -> legacy && "namespaces".equals(parts[0]) ? new WatchTarget(namespaced(parts[2]), parts[1], parts[3]) : null;
            default -> null;
        };
    }

    /** The RBAC kinds' list paths with {@code watch=true} (they have no legacy {@code /watch/} form). */
    private static WatchTarget rbac(String[] parts) {
        return switch (parts.length) {
            case 1 -> new WatchTarget(RbacKinds.byResource(parts[0]), null, null);
            case 3 -> "namespaces".equals(parts[0]) && RbacKinds.byResource(parts[2]).namespaced()
                    ? new WatchTarget(RbacKinds.byResource(parts[2]), parts[1], null) : null;
            default -> null;
        };
    }

    private static Kind<?> namespaced(String resource) {
        Kind<?> kind = Kinds.byResource(resource);
        if (!kind.namespaced()) {
            throw KubernetesException.resourceNotFound();
        }
        return kind;
    }
}
