package dev.wisim.apiserver.codec;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds the fields of a JSON object that the Kubernetes model type does not declare, as
 * kube-apiserver's strict decoding does, with their paths ({@code spec.containers[0].bogus}).
 * The fabric8 model keeps unknown fields in {@code additionalProperties}, so they are found by
 * comparing the tree with the type's declared properties. They are removed from the tree as they are
 * found: kube-apiserver never stores a field its schema does not have.
 */
final class UnknownFields {

    private static final Set<String> ALWAYS_KNOWN = Set.of("apiVersion", "kind");
    /**
     * Each model type's declared properties, introspected once: Jackson's bean introspection costs more
     * than the rest of a small write (a TokenRequest) under the services' C1-only JIT.
     */
    private static final Map<JavaType, Map<String, JavaType>> PROPERTIES = new ConcurrentHashMap<>();

    private UnknownFields() {
    }

    static List<String> removeFrom(JsonNode tree, Class<?> type, ObjectMapper mapper) {
        List<String> unknown = new ArrayList<>();
        walk(tree, mapper.constructType(type), "", mapper, unknown);
        return unknown;
    }

    private static void walk(JsonNode node, JavaType type, String path, ObjectMapper mapper, List<String> unknown) {
        if (node == null || node.isNull()) {
            return;
        }
        if (type.isContainerType() && type.getContentType() != null) {
            if (type.isMapLikeType() && node.isObject()) {
                node.fields().forEachRemaining(e -> walk(e.getValue(), type.getContentType(), path + "." + e.getKey(), mapper, unknown));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), type.getContentType(), path + "[" + i + "]", mapper, unknown);
                }
            }
            return;
        }
        if (!node.isObject() || !type.getRawClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        Map<String, JavaType> properties = PROPERTIES.computeIfAbsent(type, t -> declared(t, mapper));
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JavaType fieldType = properties.get(field.getKey());
            if (fieldType == null) {
                if (!(path.isEmpty() && ALWAYS_KNOWN.contains(field.getKey()))) {
                    unknown.add(fieldPath);
                    fields.remove();
                }
            } else {
                walk(field.getValue(), fieldType, fieldPath, mapper, unknown);
            }
        }
    }

    private static Map<String, JavaType> declared(JavaType type, ObjectMapper mapper) {
        BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
        return bean.findProperties().stream()
                .filter(p -> !"additionalProperties".equals(p.getName()))
                .collect(Collectors.toUnmodifiableMap(BeanPropertyDefinition::getName, p -> p.getPrimaryType(), (a, b) -> a));
    }
}
