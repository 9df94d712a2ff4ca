package dev.wisim.apiserver.cluster;

import dev.wisim.apiserver.cluster.KubernetesException.Cause;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * What the store needs to know about one kind of object: its names, its copy, and the hooks where
 * the API server and its controllers add defaults and side effects.
 */
public abstract class Kind<T extends HasMetadata> {

    private final String resource;
    private final String kind;
    private final Class<T> type;
    private final boolean namespaced;
    private final String group;

    protected Kind(String resource, String kind, Class<T> type, boolean namespaced) {
        this(resource, kind, type, namespaced, "");
    }

    /** @param group the API group, {@code ""} for the core group */
    protected Kind(String resource, String kind, Class<T> type, boolean namespaced, String group) {
        this.resource = resource;
        this.kind = kind;
        this.type = type;
        this.namespaced = namespaced;
        this.group = group;
    }

    /** The API group, {@code ""} for core. */
    public String group() {
        return group;
    }

    public String apiVersion() {
        return group.isEmpty() ? "v1" : group + "/v1";
    }

    /** The resource as kube-apiserver names it in messages: {@code roles.rbac.authorization.k8s.io}. */
    public String qualifiedResource() {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    /** The plural resource name, e.g. {@code serviceaccounts}. */
    public String resource() {
        return resource;
    }

    public String kind() {
        return kind;
    }

    public Class<T> type() {
        return type;
    }

    public boolean namespaced() {
        return namespaced;
    }

    abstract T copy(T object);

    Optional<Cause> checkName(String name) {
        return Names.checkSubdomain(name);
    }

    /** Defaults and checks of a create, before the object is stored (it may be a dry run). */
    void prepare(T object, ClusterStore store, boolean dryRun) {
    }

    /** Side effects of a create (a controller's work), after the object is stored. */
    void created(T object, ClusterStore store) {
    }

    /** Side effects of a delete. */
    void deleted(T object, ClusterStore store) {
    }

    /**
     * A graceful deletion's first step (pods, namespaces): marks the object as terminating and says so;
     * the store records that as a change before the object goes. Other kinds go at once.
     */
    boolean terminating(T object, String now) {
        return false;
    }

    /** Server-owned fields an update or patch cannot change (status, assigned values). */
    void keep(T current, T updated) {
    }
}
