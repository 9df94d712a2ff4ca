package dev.wisim.apiserver.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.rest.PayloadLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Request bodies as kube-apiserver reads them: JSON, YAML or Kubernetes protobuf, decoded to a JSON
 * tree, checked against the model for unknown fields per {@code fieldValidation}, then bound to the
 * fabric8 model type. Error texts are kube-apiserver's.
 */
@ApplicationScoped
public class RequestBodies {

    public static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private final ObjectMapper mapper;
    private final YAMLMapper yaml = new YAMLMapper();

    public RequestBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as a JSON tree (objects, or arrays for JSON patches), whatever its encoding. */
    public JsonNode tree(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            throw KubernetesException.badRequest("the body of the request is empty");
        }
        if (body.length > PayloadLimit.BYTES) {   // a body sent without a length
            throw KubernetesException.requestEntityTooLarge(PayloadLimit.BYTES);
        }
        String type = contentType == null ? "application/json" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(PROTOBUF)) {
            return ProtobufBodies.decode(body, mapper);
        }
        try {
            if (type.contains("yaml")) {
                return yaml.readTree(body);
            }
            if (type.contains("json") || type.startsWith("*/*")) {
                return mapper.readTree(body);
            }
        } catch (IOException e) {
            throw KubernetesException.badRequest("couldn't get version/kind; json parse error: " + firstLine(e.getMessage()));
        }
        throw KubernetesException.unsupportedMediaType();
    }

    /** Decodes an object of {@code type}, applying the field validation; warnings go to {@code warn}. */
    public <T> T read(String contentType, byte[] body, Class<T> type, FieldValidation validation, Consumer<String> warn) {
        return bind(tree(contentType, body), type, validation, warn);
    }

    public <T> T bind(JsonNode tree, Class<T> type, FieldValidation validation, Consumer<String> warn) {
        if (!(tree instanceof ObjectNode object)) {
            throw KubernetesException.badRequest("Object 'Kind' is missing in '" + tree + "'");
        }
        List<String> unknown = UnknownFields.removeFrom(object, type, mapper);
        if (!unknown.isEmpty()) {
            switch (validation) {
                case STRICT -> throw KubernetesException.badRequest(type.getSimpleName() + " in version \"v1\" cannot be handled as a "
                        + type.getSimpleName() + ": strict decoding error: "
                        + String.join(", ", unknown.stream().map(f -> "unknown field \"" + f + "\"").toList()));
                case WARN -> unknown.forEach(f -> warn.accept("unknown field \"" + f + "\""));
                case IGNORE -> { }
            }
        }
        try {
            return mapper.treeToValue(object, type);
        } catch (IOException e) {
            throw KubernetesException.badRequest(type.getSimpleName() + " in version \"v1\" cannot be handled as a "
                    + type.getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n", 2)[0];
    }
}
