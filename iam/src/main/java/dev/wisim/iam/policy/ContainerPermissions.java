package dev.wisim.iam.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code container.*} permissions of GKE's predefined roles: one per Kubernetes resource and IAM
 * verb ({@code container.pods.list}), plus the cluster's own ({@code container.clusters.get}). The
 * families are those of {@code roles/container.admin}; the other roles are admin's set less what
 * Google's role reference leaves out of them.
 */
final class ContainerPermissions {

    private static final List<String> CRUD = List.of("create", "delete", "get", "list", "update");
    private static final List<String> CRUD_STATUS = List.of("create", "delete", "get", "getStatus", "list", "update", "updateStatus");

    private static final Map<String, List<String>> FAMILIES = Map.ofEntries(
            Map.entry("pods", List.of("attach", "create", "delete", "evict", "exec", "get", "getLogs", "getStatus", "initialize",
                    "list", "portForward", "proxy", "update", "updateStatus")),
            Map.entry("deployments", List.of("create", "delete", "get", "getScale", "getStatus", "list", "rollback", "update",
                    "updateScale", "updateStatus")),
            Map.entry("replicaSets", List.of("create", "delete", "get", "getScale", "getStatus", "list", "update", "updateScale", "updateStatus")),
            Map.entry("replicationControllers", List.of("create", "delete", "get", "getScale", "getStatus", "list", "update", "updateScale",
                    "updateStatus")),
            Map.entry("statefulSets", List.of("create", "delete", "get", "getScale", "getStatus", "list", "update", "updateScale", "updateStatus")),
            Map.entry("services", List.of("create", "delete", "get", "getStatus", "list", "proxy", "update", "updateStatus")),
            Map.entry("nodes", List.of("create", "delete", "get", "getStatus", "list", "proxy", "update", "updateStatus")),
            Map.entry("namespaces", List.of("create", "delete", "finalize", "get", "getStatus", "list", "update", "updateStatus")),
            Map.entry("serviceAccounts", List.of("create", "createToken", "delete", "get", "list", "update")),
            Map.entry("secrets", CRUD), Map.entry("configMaps", CRUD), Map.entry("endpoints", CRUD), Map.entry("endpointSlices", CRUD),
            Map.entry("events", CRUD), Map.entry("leases", CRUD), Map.entry("limitRanges", CRUD), Map.entry("networkPolicies", CRUD),
            Map.entry("podTemplates", CRUD), Map.entry("priorityClasses", CRUD), Map.entry("runtimeClasses", CRUD),
            Map.entry("storageClasses", CRUD), Map.entry("csiDrivers", CRUD), Map.entry("csiNodes", CRUD), Map.entry("bindings", CRUD),
            Map.entry("thirdPartyObjects", CRUD), Map.entry("controllerRevisions", CRUD),
            Map.entry("mutatingWebhookConfigurations", CRUD), Map.entry("validatingWebhookConfigurations", CRUD),
            Map.entry("podSecurityPolicies", List.of("create", "delete", "get", "list", "update", "use")),
            Map.entry("roles", List.of("bind", "create", "delete", "escalate", "get", "list", "update")),
            Map.entry("clusterRoles", List.of("bind", "create", "delete", "escalate", "get", "list", "update")),
            Map.entry("roleBindings", CRUD), Map.entry("clusterRoleBindings", CRUD),
            Map.entry("certificateSigningRequests", List.of("approve", "create", "delete", "get", "getStatus", "list", "update", "updateStatus")),
            Map.entry("customResourceDefinitions", CRUD_STATUS), Map.entry("jobs", CRUD_STATUS), Map.entry("cronJobs", CRUD_STATUS),
            Map.entry("daemonSets", CRUD_STATUS), Map.entry("horizontalPodAutoscalers", CRUD_STATUS), Map.entry("ingresses", CRUD_STATUS),
            Map.entry("persistentVolumes", CRUD_STATUS), Map.entry("persistentVolumeClaims", CRUD_STATUS),
            Map.entry("podDisruptionBudgets", CRUD_STATUS), Map.entry("resourceQuotas", CRUD_STATUS),
            Map.entry("volumeAttachments", CRUD_STATUS), Map.entry("apiServices", CRUD_STATUS),
            Map.entry("selfSubjectAccessReviews", List.of("create", "list")), Map.entry("selfSubjectRulesReviews", List.of("create")),
            Map.entry("subjectAccessReviews", List.of("create", "list")), Map.entry("localSubjectAccessReviews", List.of("create", "list")),
            Map.entry("tokenReviews", List.of("create")),
            Map.entry("clusters", List.of("connect", "create", "delete", "get", "getCredentials", "impersonate", "list", "update")),
            Map.entry("operations", List.of("get", "list")), Map.entry("componentStatuses", List.of("get", "list")),
            Map.entry("hostServiceAgent", List.of("use")));

    /** Read verbs: what {@code roles/container.viewer} holds of each family. */
    private static final Set<String> READ_VERBS = Set.of("get", "list", "getStatus", "getScale");

    static final Set<String> ADMIN = FAMILIES.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(verb -> "container." + e.getKey() + "." + verb))
            .collect(Collectors.toUnmodifiableSet());

    static final Set<String> CLUSTER_VIEWER = Set.of("container.clusters.connect", "container.clusters.get", "container.clusters.list",
            "resourcemanager.projects.get", "resourcemanager.projects.list");

    static final Set<String> CLUSTER_ADMIN = union(CLUSTER_VIEWER, Set.of("container.clusters.create", "container.clusters.delete",
            "container.clusters.update", "container.operations.get", "container.operations.list"));

    static final Set<String> DEVELOPER = minus(ADMIN, Set.of(
            "container.clusterRoles.bind", "container.clusterRoles.create", "container.clusterRoles.delete",
            "container.clusterRoles.escalate", "container.clusterRoles.update",
            "container.roles.bind", "container.roles.create", "container.roles.delete", "container.roles.escalate", "container.roles.update",
            "container.clusterRoleBindings.create", "container.clusterRoleBindings.delete", "container.clusterRoleBindings.update",
            "container.roleBindings.create", "container.roleBindings.delete", "container.roleBindings.update",
            "container.clusters.create", "container.clusters.delete", "container.clusters.update", "container.clusters.getCredentials",
            "container.clusters.impersonate", "container.operations.get", "container.operations.list",
            "container.controllerRevisions.create", "container.controllerRevisions.delete", "container.controllerRevisions.update",
            "container.mutatingWebhookConfigurations.create", "container.mutatingWebhookConfigurations.delete",
            "container.mutatingWebhookConfigurations.update", "container.validatingWebhookConfigurations.create",
            "container.validatingWebhookConfigurations.delete", "container.validatingWebhookConfigurations.update",
            "container.podSecurityPolicies.create", "container.podSecurityPolicies.delete", "container.podSecurityPolicies.update",
            "container.podSecurityPolicies.use", "container.certificateSigningRequests.approve",
            "container.certificateSigningRequests.getStatus", "container.hostServiceAgent.use"));

    /** Reads of every family but secrets, plus {@code tokenReviews.create}; no logs, no exec, no reviews of one's own. */
    static final Set<String> VIEWER = union(ADMIN.stream()
            .filter(p -> !p.startsWith("container.secrets.") && READ_VERBS.contains(p.substring(p.lastIndexOf('.') + 1)))
            .filter(p -> !p.startsWith("container.selfSubject") && !p.startsWith("container.subjectAccessReviews.")
                    && !p.startsWith("container.localSubjectAccessReviews."))
            .collect(Collectors.toSet()), Set.of("container.tokenReviews.create"));

    /** {@code roles/owner}'s share: all of admin but {@code hostServiceAgent.use}. */
    static final Set<String> OWNER = minus(ADMIN, Set.of("container.hostServiceAgent.use"));

    /** {@code roles/editor}'s share: developer's, the cluster's own writes and operations, less minting tokens and others' reviews. */
    static final Set<String> EDITOR = minus(union(DEVELOPER, Set.of("container.clusters.create", "container.clusters.delete",
            "container.clusters.update", "container.clusters.getCredentials", "container.operations.get", "container.operations.list",
            "container.controllerRevisions.create", "container.controllerRevisions.delete", "container.controllerRevisions.update",
            "container.mutatingWebhookConfigurations.create", "container.mutatingWebhookConfigurations.delete",
            "container.mutatingWebhookConfigurations.update", "container.validatingWebhookConfigurations.create",
            "container.validatingWebhookConfigurations.delete", "container.validatingWebhookConfigurations.update",
            "container.podSecurityPolicies.create", "container.podSecurityPolicies.delete", "container.podSecurityPolicies.update",
            "container.podSecurityPolicies.use")),
            Set.of("container.serviceAccounts.createToken", "container.localSubjectAccessReviews.create",
                    "container.subjectAccessReviews.create"));

    /** {@code roles/viewer}'s share: container.viewer's, logs and reviews of one's own, less {@code deployments.getScale}. */
    static final Set<String> BASIC_VIEWER = minus(union(VIEWER, Set.of("container.pods.getLogs",
            "container.selfSubjectAccessReviews.create", "container.selfSubjectAccessReviews.list",
            "container.selfSubjectRulesReviews.create", "container.localSubjectAccessReviews.list",
            "container.subjectAccessReviews.list")), Set.of("container.deployments.getScale"));

    private ContainerPermissions() {
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new HashSet<>(a);
        rest.removeAll(b);
        return Set.copyOf(rest);
    }
}
