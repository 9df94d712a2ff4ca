package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.Ages;
import dev.wisim.apiserver.cluster.Kind;
import dev.wisim.apiserver.cluster.Kinds;
import dev.wisim.apiserver.cluster.RbacKinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code meta.k8s.io/v1} Tables, what {@code kubectl get} asks for: the kube printers' columns per
 * kind (ServiceAccount: Name, Secrets, Age; Namespace: Name, Status, Age; Pod: Name, Ready, Status,
 * Restarts, Age, and IP, Node, Nominated Node, Readiness Gates for {@code -o wide}; roles: Name, Created At; bindings:
 * Name, Role, Age, and Users, Groups, ServiceAccounts for {@code -o wide}), each row with
 * its object's metadata as {@code PartialObjectMetadata}.
 */
public final class Tables {

    public static final String MEDIA_TYPE = "application/json;as=Table;v=v1;g=meta.k8s.io";
    private static final String NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when creating resources,"
            + " although some resources may allow a client to request the generation of an appropriate name automatically."
            + " Name is primarily intended for creation idempotence and configuration definition. Cannot be updated.";
    private static final String AGE_DESCRIPTION = "CreationTimestamp is a timestamp representing the server time when this object"
            + " was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not"
            + " set this value. It is represented in RFC3339 form and is in UTC.";

    private Tables() {
    }

    public static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /** @param metadata the Table's list metadata: its resource version, and a continuation when more rows follow */
    public static Map<String, Object> of(Kind<?> kind, List<? extends HasMetadata> objects, Map<String, Object> metadata, Clock clock) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        table.put("metadata", metadata);
        table.put("columnDefinitions", columns(kind));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HasMetadata object : objects) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cells", cells(object, clock));
            row.put("object", Map.of("kind", "PartialObjectMetadata", "apiVersion", "meta.k8s.io/v1", "metadata", object.getMetadata()));
            rows.add(row);
        }
        table.put("rows", rows);
        return table;
    }

    private static List<Map<String, Object>> columns(Kind<?> kind) {
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column("Name", "name", NAME_DESCRIPTION, 0));
        if (kind == RbacKinds.ROLES || kind == RbacKinds.CLUSTER_ROLES) {
            columns.add(column("Created At", "date", AGE_DESCRIPTION, 0));
            return columns;
        }
        if (kind == RbacKinds.ROLE_BINDINGS || kind == RbacKinds.CLUSTER_ROLE_BINDINGS) {
            columns.add(column("Role", "", "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.", 0));
            columns.add(column("Age", "", AGE_DESCRIPTION, 0));
            columns.add(column("Users", "", "Users in the binding", 1));
            columns.add(column("Groups", "", "Groups in the binding", 1));
            columns.add(column("ServiceAccounts", "", "ServiceAccounts in the binding", 1));
            return columns;
        }
        if (kind == Kinds.SERVICE_ACCOUNTS) {
            columns.add(column("Secrets", "", "Secrets is a list of the secrets in the same namespace that pods running using this"
                    + " ServiceAccount are allowed to use.", 0));
        } else if (kind == Kinds.NAMESPACES) {
            columns.add(column("Status", "", "The status of the namespace", 0));
        } else {
            columns.add(column("Ready", "", "The aggregate readiness state of this pod for accepting traffic.", 0));
            columns.add(column("Status", "", "The aggregate status of the containers in this pod.", 0));
            columns.add(column("Restarts", "", "The number of times the containers in this pod have been restarted and when the last"
                    + " container in this pod has restarted.", 0));
        }
        columns.add(column("Age", "", AGE_DESCRIPTION, 0));
        if (kind == Kinds.PODS) {
            columns.add(column("IP", "", "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet"
                    + " allocated.", 1));
            columns.add(column("Node", "", "NodeName is a request to schedule this pod onto a specific node.", 1));
            columns.add(column("Nominated Node", "", "nominatedNodeName is set only when this pod preempts other pods on the node.", 1));
            columns.add(column("Readiness Gates", "", "If specified, all readiness gates will be evaluated for pod readiness.", 1));
        }
        return columns;
    }

    private static List<Object> cells(HasMetadata object, Clock clock) {
        String age = Ages.human(Duration.between(Instant.parse(object.getMetadata().getCreationTimestamp()), clock.instant()));
        String name = object.getMetadata().getName();
        if (object instanceof ServiceAccount sa) {
            return List.of(name, sa.getSecrets() == null ? 0 : sa.getSecrets().size(), age);
        }
        if (object instanceof Role || object instanceof ClusterRole) {
            return List.of(name, object.getMetadata().getCreationTimestamp());
        }
        if (object instanceof RoleBinding binding) {
            return bindingCells(name, age, binding.getRoleRef(), binding.getSubjects(), binding.getMetadata().getNamespace());
        }
        if (object instanceof ClusterRoleBinding binding) {
            return bindingCells(name, age, binding.getRoleRef(), binding.getSubjects(), null);
        }
        if (object instanceof Namespace ns) {
            return List.of(name, ns.getStatus() == null ? "" : ns.getStatus().getPhase(), age);
        }
        Pod pod = (Pod) object;
        int containers = pod.getSpec().getContainers().size();
        String status = pod.getMetadata().getDeletionTimestamp() != null ? "Terminating" : pod.getStatus().getPhase();
        return List.of(name, containers + "/" + containers, status, "0", age,
                pod.getStatus().getPodIP(), pod.getSpec().getNodeName(), "<none>", "<none>");
    }

    private static List<Object> bindingCells(String name, String age, RoleRef ref, List<Subject> subjects, String namespace) {
        List<Subject> all = subjects == null ? List.of() : subjects;
        return List.of(name, ref.getKind() + "/" + ref.getName(), age,
                String.join(", ", all.stream().filter(s -> "User".equals(s.getKind())).map(Subject::getName).toList()),
                String.join(", ", all.stream().filter(s -> "Group".equals(s.getKind())).map(Subject::getName).toList()),
                String.join(", ", all.stream().filter(s -> "ServiceAccount".equals(s.getKind()))
                        .map(s -> (s.getNamespace() == null ? namespace : s.getNamespace()) + "/" + s.getName()).toList()));
    }

    private static Map<String, Object> column(String name, String format, String description, int priority) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("type", "string");
        column.put("format", format);
        column.put("description", description);
        column.put("priority", priority);
        return column;
    }
}
