package dev.wisim.storage.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Google's partial responses: {@code fields=items/name,nextPageToken} or {@code items(name,size)}
 * keeps only the named fields of a JSON answer (gcloud asks for them on every list).
 */
public class PartialResponse {

    @ServerResponseFilter
    public void select(ContainerRequestContext request, ContainerResponseContext response) {
        String fields = request.getUriInfo().getQueryParameters().getFirst("fields");
        if (fields != null && !fields.isBlank() && response.getEntity() instanceof Map<?, ?> entity) {
            response.setEntity(apply(entity, parse(fields)));
        }
    }

    /** The selection as a tree: a field name to its sub-selection (empty: the whole value). */
    static Map<String, Object> parse(String fields) {
        Map<String, Object> tree = new LinkedHashMap<>();
        int[] at = {0};
        parseList(fields.replace(" ", ""), at, tree);
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static void parseList(String text, int[] at, Map<String, Object> into) {
        while (at[0] < text.length() && text.charAt(at[0]) != ')') {
            StringBuilder path = new StringBuilder();
            while (at[0] < text.length() && ",()".indexOf(text.charAt(at[0])) < 0) {
                path.append(text.charAt(at[0]++));
            }
            Map<String, Object> node = into;
            String[] parts = path.toString().split("/");
            for (int i = 0; i < parts.length; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            }
            if (at[0] < text.length() && text.charAt(at[0]) == '(') {
                at[0]++;
                parseList(text, at, node);
                at[0]++;
            }
            if (at[0] < text.length() && text.charAt(at[0]) == ',') {
                at[0]++;
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Object apply(Object value, Map<String, Object> selection) {
        if (selection.isEmpty()) {
            return value;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> apply(item, selection)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            selection.forEach((field, sub) -> {
                if (map.containsKey(field)) {
                    kept.put(field, apply(map.get(field), (Map<String, Object>) sub));
                }
            });
            return kept;
        }
        return value;
    }
}
