package dev.wisim.apiserver.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API groups besides core: {@code /apis} and each group version's resource list. */
final class GroupDiscovery {

    static final List<String> GROUPS = List.of("authentication.k8s.io", "authorization.k8s.io", "rbac.authorization.k8s.io");
    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    private GroupDiscovery() {
    }

    static Map<String, Object> groups() {
        return Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", GROUPS.stream().map(group -> {
            Map<String, Object> version = Map.of("groupVersion", group + "/v1", "version", "v1");
            return Map.of("name", group, "versions", List.of(version), "preferredVersion", version);
        }).toList());
    }

    static Map<String, Object> rbac() {
        return list("rbac.authorization.k8s.io/v1", List.of(
                resource("clusterrolebindings", "clusterrolebinding", false, "ClusterRoleBinding", VERBS),
                resource("clusterroles", "clusterrole", false, "ClusterRole", VERBS),
                resource("rolebindings", "rolebinding", true, "RoleBinding", VERBS),
                resource("roles", "role", true, "Role", VERBS)));
    }

    static Map<String, Object> authorization() {
        List<String> create = List.of("create");
        return list("authorization.k8s.io/v1", List.of(
                resource("localsubjectaccessreviews", "localsubjectaccessreview", true, "LocalSubjectAccessReview", create),
                resource("selfsubjectaccessreviews", "selfsubjectaccessreview", false, "SelfSubjectAccessReview", create),
                resource("selfsubjectrulesreviews", "selfsubjectrulesreview", false, "SelfSubjectRulesReview", create),
                resource("subjectaccessreviews", "subjectaccessreview", false, "SubjectAccessReview", create)));
    }

    private static Map<String, Object> list(String groupVersion, List<Map<String, Object>> resources) {
        return Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion, "resources", resources);
    }

    private static Map<String, Object> resource(String name, String singular, boolean namespaced, String kind, List<String> verbs) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", name);
        resource.put("singularName", singular);
        resource.put("namespaced", namespaced);
        resource.put("kind", kind);
        resource.put("verbs", verbs);
        return resource;
    }
}
