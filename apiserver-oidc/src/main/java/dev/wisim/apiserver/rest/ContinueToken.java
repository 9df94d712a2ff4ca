package dev.wisim.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wisim.apiserver.cluster.KubernetesException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A list's {@code continue} token as kube-apiserver writes it: unpadded base64url of
 * {@code {"v":"meta.k8s.io/v1","rv":N,"start":"KEY\u0000"}}, the snapshot's resource version and the
 * key after the last one returned.
 */
record ContinueToken(long resourceVersion, String start) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "meta.k8s.io/v1";

    /** The token for the page after the one ending at {@code lastKey}. */
    static String after(long resourceVersion, String lastKey) {
        ObjectNode token = JSON.createObjectNode().put("v", VERSION).put("rv", resourceVersion).put("start", lastKey + "\u0000");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ContinueToken parse(String token) {
        JsonNode decoded;
        try {
            decoded = JSON.readTree(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid("illegal base64 data or JSON");
        }
        if (!VERSION.equals(decoded.path("v").asText())) {
            throw invalid("server does not recognize this encoded version");
        }
        long resourceVersion = decoded.path("rv").asLong(0);
        if (resourceVersion <= 0) {
            throw invalid("incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
        String start = decoded.path("start").asText("");
        if (start.isEmpty()) {
            throw invalid("encoded start key empty");
        }
        return new ContinueToken(resourceVersion, start);
    }

    private static KubernetesException invalid(String why) {
        return KubernetesException.badRequest("continue key is not valid: " + why);
    }
}
