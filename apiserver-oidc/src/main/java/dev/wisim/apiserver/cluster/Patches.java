package dev.wisim.apiserver.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The PATCH types kubectl and fabric8 send: JSON Patch (RFC 6902) and JSON Merge Patch (RFC 7386)
 * through Jakarta JSON Processing, strategic merge patch (merge, with the list merge keys of the
 * kinds served here and the {@code $} directives), and server-side apply's configuration.
 */
public final class Patches {

    public static final String JSON_PATCH = "application/json-patch+json";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    public static final String APPLY_PATCH = "application/apply-patch+yaml";

    /** Lists merged element by element on a key, as the core types' patchMergeKey tags say. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "ephemeralContainers", "name", "volumes", "name",
            "volumeMounts", "mountPath", "env", "name", "ports", "containerPort", "secrets", "name",
            "imagePullSecrets", "name", "ownerReferences", "uid");
    private static final Set<String> TYPES = Set.of(JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH);

    private Patches() {
    }

    /** The patch type of a {@code Content-Type}; 415 for anything else. */
    public static String type(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw KubernetesException.unsupportedPatchType(type);
        }
        return type;
    }

    public static JsonNode apply(String type, JsonNode target, JsonNode patch, ObjectMapper mapper) {
        return switch (type) {
            case JSON_PATCH -> jsonPatch(target, patch, mapper);
            case MERGE_PATCH -> mergePatch(target, patch, mapper);
            default -> strategicMerge(target.deepCopy(), patch);
        };
    }

    private static JsonNode jsonPatch(JsonNode target, JsonNode patch, ObjectMapper mapper) {
        if (!patch.isArray()) {
            throw KubernetesException.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }
        try {
            JsonArray operations = (JsonArray) toJsonp(patch);
            return fromJsonp(Json.createPatch(operations).apply((JsonStructure) toJsonp(target)), mapper);
        } catch (JsonException | ClassCastException e) {
            throw KubernetesException.invalidPatch(e.getMessage());
        }
    }

    private static JsonNode mergePatch(JsonNode target, JsonNode patch, ObjectMapper mapper) {
        try {
            return fromJsonp(Json.createMergePatch(toJsonp(patch)).apply(toJsonp(target)), mapper);
        } catch (JsonException e) {
            throw KubernetesException.invalidPatch(e.getMessage());
        }
    }

    /** Merge semantics, with lists of objects merged on their merge key and {@code $patch} / {@code $…} directives honoured or dropped. */
    static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
        if (!(patch instanceof ObjectNode patchObject)) {
            return patch;
        }
        if ("replace".equals(patchObject.path("$patch").asText())) {
            ObjectNode replacement = patchObject.deepCopy();
            replacement.remove("$patch");
            return replacement;
        }
        ObjectNode result = target instanceof ObjectNode t ? t : patchObject.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patchObject.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                continue;
            }
            if (value.isNull()) {
                result.remove(name);
            } else if (value.isObject()) {
                result.set(name, strategicMerge(result.get(name), value));
            } else if (value.isArray() && MERGE_KEYS.containsKey(name) && result.get(name) instanceof ArrayNode current) {
                result.set(name, mergeList(current, (ArrayNode) value, MERGE_KEYS.get(name)));
            } else {
                result.set(name, value.deepCopy());
            }
        }
        return result;
    }

    private static ArrayNode mergeList(ArrayNode current, ArrayNode patch, String key) {
        ArrayNode merged = current.deepCopy();
        for (JsonNode element : patch) {
            JsonNode id = element.get(key);
            int at = -1;
            for (int i = 0; id != null && i < merged.size(); i++) {
                if (id.equals(merged.get(i).get(key))) {
                    at = i;
                }
            }
            boolean delete = "delete".equals(element.path("$patch").asText());
            if (at >= 0 && delete) {
                merged.remove(at);
            } else if (at >= 0) {
                merged.set(at, strategicMerge(merged.get(at), element));
            } else if (!delete) {
                merged.add(strategicMerge(null, element));
            }
        }
        return merged;
    }

    private static JsonValue toJsonp(JsonNode node) {
        return Json.createReader(new StringReader(node.toString())).readValue();
    }

    private static JsonNode fromJsonp(JsonValue value, ObjectMapper mapper) {
        try {
            return mapper.readTree(value.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
