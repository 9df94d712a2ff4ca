package dev.wisim.apiserver.authz;

import java.util.Map;
import java.util.Optional;

/**
 * The IAM permission GKE asks for a Kubernetes request: {@code container.<resource>.<verb>} with the
 * resource in lowerCamel plural and the API group dropped; watch is list, patch is update,
 * deletecollection is delete; subresources have verbs of their own ({@code pods/log} get is
 * {@code getLogs}, a status subresource {@code getStatus}/{@code updateStatus}); a resource GKE does not
 * name (a custom resource) is {@code thirdPartyObjects}.
 */
public final class IamPermissions {

    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("pods", "pods"), Map.entry("serviceaccounts", "serviceAccounts"), Map.entry("namespaces", "namespaces"),
            Map.entry("configmaps", "configMaps"), Map.entry("secrets", "secrets"), Map.entry("services", "services"),
            Map.entry("nodes", "nodes"), Map.entry("events", "events"), Map.entry("endpoints", "endpoints"),
            Map.entry("endpointslices", "endpointSlices"), Map.entry("deployments", "deployments"), Map.entry("replicasets", "replicaSets"),
            Map.entry("statefulsets", "statefulSets"), Map.entry("daemonsets", "daemonSets"), Map.entry("jobs", "jobs"),
            Map.entry("cronjobs", "cronJobs"), Map.entry("replicationcontrollers", "replicationControllers"),
            Map.entry("controllerrevisions", "controllerRevisions"), Map.entry("roles", "roles"), Map.entry("rolebindings", "roleBindings"),
            Map.entry("clusterroles", "clusterRoles"), Map.entry("clusterrolebindings", "clusterRoleBindings"),
            Map.entry("ingresses", "ingresses"), Map.entry("networkpolicies", "networkPolicies"),
            Map.entry("persistentvolumes", "persistentVolumes"), Map.entry("persistentvolumeclaims", "persistentVolumeClaims"),
            Map.entry("horizontalpodautoscalers", "horizontalPodAutoscalers"), Map.entry("poddisruptionbudgets", "podDisruptionBudgets"),
            Map.entry("leases", "leases"), Map.entry("limitranges", "limitRanges"), Map.entry("resourcequotas", "resourceQuotas"),
            Map.entry("podtemplates", "podTemplates"), Map.entry("priorityclasses", "priorityClasses"),
            Map.entry("runtimeclasses", "runtimeClasses"), Map.entry("storageclasses", "storageClasses"),
            Map.entry("csidrivers", "csiDrivers"), Map.entry("csinodes", "csiNodes"), Map.entry("volumeattachments", "volumeAttachments"),
            Map.entry("customresourcedefinitions", "customResourceDefinitions"), Map.entry("apiservices", "apiServices"),
            Map.entry("certificatesigningrequests", "certificateSigningRequests"),
            Map.entry("mutatingwebhookconfigurations", "mutatingWebhookConfigurations"),
            Map.entry("validatingwebhookconfigurations", "validatingWebhookConfigurations"),
            Map.entry("podsecuritypolicies", "podSecurityPolicies"), Map.entry("bindings", "bindings"),
            Map.entry("componentstatuses", "componentStatuses"), Map.entry("tokenreviews", "tokenReviews"),
            Map.entry("selfsubjectaccessreviews", "selfSubjectAccessReviews"), Map.entry("selfsubjectrulesreviews", "selfSubjectRulesReviews"),
            Map.entry("subjectaccessreviews", "subjectAccessReviews"), Map.entry("localsubjectaccessreviews", "localSubjectAccessReviews"));

    private IamPermissions() {
    }

    /** The permission a request needs, or empty for a non-resource path (IAM has none for them). */
    public static Optional<String> of(Attributes request) {
        if (!request.resourceRequest()) {
            return Optional.empty();
        }
        if (request.verb().equals("impersonate")) {
            return Optional.of("container.clusters.impersonate");
        }
        String resource = RESOURCES.getOrDefault(request.resource(), "thirdPartyObjects");
        return Optional.of("container." + resource + "." + verb(request.verb(), request.subresource()));
    }

    private static String verb(String verb, String subresource) {
        String base = switch (verb) {
            case "watch" -> "list";
            case "patch" -> "update";
            case "deletecollection" -> "delete";
            default -> verb;
        };
        return switch (subresource) {
            case "" -> base;
            case "status" -> base.equals("get") ? "getStatus" : "updateStatus";
            case "scale" -> base.equals("get") ? "getScale" : "updateScale";
            case "log" -> "getLogs";
            case "exec" -> "exec";
            case "attach" -> "attach";
            case "portforward" -> "portForward";
            case "proxy" -> "proxy";
            case "eviction" -> "evict";
            case "token" -> "createToken";
            case "rollback" -> "rollback";
            case "finalize" -> "finalize";
            case "approval" -> "approve";
            default -> base;
        };
    }
}
