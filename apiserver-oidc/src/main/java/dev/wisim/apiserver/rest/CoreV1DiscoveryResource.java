package dev.wisim.apiserver.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1}: the core resources this server serves (shares its root path with the object resources). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CoreV1DiscoveryResource {

    private static final List<String> NAMESPACED_VERBS = List.of("create", "delete", "get", "list", "update");

    @GET
    public Map<String, Object> coreV1() {
        return Map.of("kind", "APIResourceList", "groupVersion", "v1", "resources", List.of(
                resource("namespaces", "namespace", false, "Namespace", List.of("create", "delete", "get", "list"), "ns"),
                resource("pods", "pod", true, "Pod", NAMESPACED_VERBS, "po"),
                resource("serviceaccounts", "serviceaccount", true, "ServiceAccount", NAMESPACED_VERBS, "sa"),
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
        return resource;
    }
}
