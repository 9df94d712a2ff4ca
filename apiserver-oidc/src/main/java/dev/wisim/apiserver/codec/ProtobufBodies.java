package dev.wisim.apiserver.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.wisim.apiserver.cluster.KubernetesException;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Rbac;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}, as kubectl 1.32's
 * typed clients send them), decoded with the published generated classes into the JSON tree the
 * rest of the server reads. gogo-protobuf writes empty strings, zeros and empty messages for unset
 * fields, so those count as unset.
 */
final class ProtobufBodies {

    private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};
    private static final Map<String, Function<com.google.protobuf.ByteString, Message>> PARSERS = Map.ofEntries(
            Map.entry("rbac.authorization.k8s.io/v1/Role", raw -> parse(raw, V1Rbac.Role.parser())),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", raw -> parse(raw, V1Rbac.ClusterRole.parser())),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", raw -> parse(raw, V1Rbac.RoleBinding.parser())),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", raw -> parse(raw, V1Rbac.ClusterRoleBinding.parser())),
            Map.entry("authorization.k8s.io/v1/SelfSubjectAccessReview", raw -> parse(raw, V1Authorization.SelfSubjectAccessReview.parser())),
            Map.entry("authorization.k8s.io/v1/SelfSubjectRulesReview", raw -> parse(raw, V1Authorization.SelfSubjectRulesReview.parser())),
            Map.entry("authorization.k8s.io/v1/SubjectAccessReview", raw -> parse(raw, V1Authorization.SubjectAccessReview.parser())),
            Map.entry("authorization.k8s.io/v1/LocalSubjectAccessReview", raw -> parse(raw, V1Authorization.LocalSubjectAccessReview.parser())),
            Map.entry(
"v1/Namespace", raw -> parse(raw, V1.Namespace.parser())),
            Map.entry("v1/ServiceAccount", raw -> parse(raw, V1.ServiceAccount.parser())),
            Map.entry("v1/Pod", raw -> parse(raw, V1.Pod.parser())),
            Map.entry("authentication.k8s.io/v1/TokenRequest", raw -> parse(raw, V1Authentication.TokenRequest.parser())),
            Map.entry("authentication.k8s.io/v1/TokenReview", raw -> parse(raw, V1Authentication.TokenReview.parser())),
            Map.entry("authentication.k8s.io/v1/SelfSubjectReview", raw -> parse(raw, V1Authentication.SelfSubjectReview.parser())));

    private ProtobufBodies() {
    }

    static ObjectNode decode(byte[] body, ObjectMapper mapper) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw KubernetesException.badRequest("provided object is not a protobuf message: the \"k8s\\x00\" prefix is missing");
        }
        Runtime.Unknown unknown;
        try {
            unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
        } catch (InvalidProtocolBufferException e) {
            throw KubernetesException.badRequest("unable to decode the protobuf envelope: " + e.getMessage());
        }
        String apiVersion = unknown.getTypeMeta().getApiVersion();
        String kind = unknown.getTypeMeta().getKind();
        Function<com.google.protobuf.ByteString, Message> parser = PARSERS.get(apiVersion + "/" + kind);
        if (parser == null) {
            throw KubernetesException.badRequest("no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\"");
        }
        try {
            JsonNode tree = mapper.readTree(JsonFormat.printer().print(parser.apply(unknown.getRaw())));
            ObjectNode object = tree instanceof ObjectNode o ? o : mapper.createObjectNode();
            prune(object);
            object.put("apiVersion", apiVersion);
            object.put("kind", kind);
            return object;
        } catch (IOException e) {
            throw KubernetesException.badRequest("unable to decode the protobuf body: " + e.getMessage());
        }
    }

    private static Message parse(com.google.protobuf.ByteString raw, com.google.protobuf.Parser<? extends Message> parser) {
        try {
            return parser.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw KubernetesException.badRequest("unable to decode the protobuf body: " + e.getMessage());
        }
    }

    /** Drops unset fields ({@code ""}, {@code 0}, {@code {}}, {@code []}), and renders {@code Time} messages as RFC 3339. */
    private static boolean prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.size() <= 2 && object.has("seconds") && (object.size() == 1 || object.has("nanos"))) {
                return object.path("seconds").asLong() == 0;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value instanceof ObjectNode time && time.has("seconds") && time.size() <= 2) {
                    long seconds = time.path("seconds").asLong();
                    if (seconds == 0) {
                        fields.remove();
                    } else {
                        field.setValue(object.textNode(Instant.ofEpochSecond(seconds).toString()));
                    }
                } else if (prune(value)) {
                    fields.remove();
                }
            }
            return object.isEmpty();
        }
        if (node instanceof ArrayNode array) {
            array.forEach(ProtobufBodies::prune);
            return array.isEmpty();
        }
        return node.isTextual() && node.asText().isEmpty()
                || node.isNumber() && node.asLong() == 0
                || node.isTextual() && "0".equals(node.asText());
    }
}
