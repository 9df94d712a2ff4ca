package dev.wisim.apiserver.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /api/v1}: the core resources this server serves, with the verbs that drive kubectl. */
final class CoreV1Discovery {

    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    /** Namespaces have no {@code deletecollection}. */
    private static final List<String> NAMESPACE_VERBS = List.of("create", "delete", "get", "list", "patch", "update", "watch");

    private CoreV1Discovery() {
    }

    static Map<String, Object> resources() {
        return Map.of("kind", "APIResourceList", "groupVersion", "v1", "resources", List.of(
                resource("namespaces", "namespace", false, "Namespace", NAMESPACE_VERBS, "ns"),
                resource("pods", "pod", true, "Pod", VERBS, "po"),
                resource("serviceaccounts", "serviceaccount", true, "ServiceAccount", VERBS, "sa"),
                Map.of("name", "serviceaccounts/token", "singularName", "", "namespaced", true,
                        "group", "authentication.k8s.io", "version", "v1", "kind", "TokenRequest", "verbs", List.of("create"))));
    }

    private static Map<String, Object> resource(String name, String singular, boolean namespaced, String kind,
                                                List<String> verbs, String shortName) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", name);
        resource.put("singularName", singular);
        resource.put("namespaced", namespaced);
        resource.put("kind", kind);
        resource.put("verbs", verbs);
        resource.put("shortNames", List.of(shortName));
        if ("pods".equals(name)) {
            resource.put("categories", List.of("all"));
        }
        return resource;
    }
}
