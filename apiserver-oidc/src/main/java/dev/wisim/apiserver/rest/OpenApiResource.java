package dev.wisim.apiserver.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smallest OpenAPI v3 documents with which kubectl's {@code apply}, {@code create -f},
 * {@code replace}, {@code edit} and {@code diff} work with default flags: kubectl only looks for the
 * {@code fieldValidation} query parameter on each kind's PATCH, and then leaves validation to the
 * server. {@code /openapi/v2} is not served.
 */
@Path("/openapi/v3")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {

    static final String HASH = "0123456789ABCDEF0123456789ABCDEF";

    private final Access access;

    public OpenApiResource(Access access) {
        this.access = access;
    }

    @GET
    public Map<String, Object> root() {
        access.requirePath("/openapi/v3");
        return Map.of("paths", Map.of("api/v1", Map.of("serverRelativeURL", "/openapi/v3/api/v1?hash=" + HASH)));
    }

    @GET
    @Path("api/v1")
    public Response coreV1() {
        access.requirePath("/openapi/v3/api/v1");
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/api/v1/namespaces/{name}", patchOperation("Namespace"));
        paths.put("/api/v1/namespaces/{namespace}/serviceaccounts/{name}", patchOperation("ServiceAccount"));
        paths.put("/api/v1/namespaces/{namespace}/pods/{name}", patchOperation("Pod"));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.0");
        document.put("info", Map.of("title", "Kubernetes", "version", "v1.32.4"));
        document.put("paths", paths);
        document.put("components", Map.of("schemas", Map.of()));
        return Response.ok(document).header("Cache-Control", "public, immutable").build();
    }

    private static Map<String, Object> patchOperation(String kind) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("x-kubernetes-action", "patch");
        patch.put("x-kubernetes-group-version-kind", Map.of("group", "", "version", "v1", "kind", kind));
        patch.put("parameters", List.of(Map.of("name", "fieldValidation", "in", "query", "schema", Map.of("type", "string"))));
        patch.put("responses", Map.of("200", Map.of("description", "OK")));
        return Map.of("patch", patch);
    }
}
