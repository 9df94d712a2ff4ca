package dev.wisim.metadata.tree;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.pod.Workload;
import dev.wisim.metadata.relay.WorkloadCredentials;
import dev.wisim.metadata.rest.MetadataException;
import dev.wisim.metadata.tree.Node.Dir;
import dev.wisim.metadata.tree.Node.Endpoint;
import dev.wisim.metadata.tree.Node.Value;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code instance/service-accounts/}: the calling pod's identity under {@code default} and under its
 * email — the GSA its KSA is annotated with, or the workload pool for an unannotated KSA.
 */
@ApplicationScoped
public class ServiceAccountNodes {

    private final MetadataConfig config;
    private final WorkloadCredentials credentials;
    private final ObjectMapper mapper;
    private final Map<String, TokenAnswer> answers = new ConcurrentHashMap<>();
    private static final int MAX_ANSWERS = 1000;

    public ServiceAccountNodes(MetadataConfig config, WorkloadCredentials credentials, ObjectMapper mapper) {
        this.config = config;
        this.credentials = credentials;
        this.mapper = mapper;
    }

    Dir directory() {
        return new Dir(caller -> {
            Dir account = account();
            Map<String, Node> children = new LinkedHashMap<>();
            children.put("default", account);
            children.put(email(caller.workload()), account);
            return children;
        }, true);
    }

    private Dir account() {
        Map<String, Node> children = new LinkedHashMap<>();
        children.put("aliases", new Value(c -> List.of("default")));
        children.put("email", new Value(c -> email(c.workload())));
        children.put("identity", new Endpoint(this::identity));
        children.put("scopes", new Value(c -> config.defaultScopes()));
        children.put("token", new Endpoint(this::token));
        return new Dir(c -> children, false);
    }

    private String email(Workload workload) {
        return workload.gsa().orElse(config.workloadPool());
    }

    private Rendered token(Caller caller) {
        String requested = caller.query("scopes");
        List<String> scopes = requested == null || requested.isBlank() ? config.defaultScopes()
                : Arrays.stream(requested.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        WorkloadCredentials.AccessToken token = credentials.accessToken(caller.workload(), scopes);
        TokenAnswer known = answers.get(token.token());
        if (known != null && known.expiresIn() == token.expiresIn()) {
            return known.rendered();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.token());
        body.put("expires_in", token.expiresIn());
        body.put("token_type", "Bearer");
        Rendered rendered;
        try {
            rendered = Rendered.json(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        answers.put(token.token(), new TokenAnswer(token.expiresIn(), rendered));
        return rendered;
    }

    /** A token's answer for the second its {@code expires_in} holds: rendered once, not on each of that second's requests. */
    private record TokenAnswer(long expiresIn, Rendered rendered) {
    }

    /** A bare JWT (never {@code application/json}: Python's client would try to decode it). */
    private Rendered identity(Caller caller) {
        String audience = caller.query("audience");
        if (audience == null || audience.isEmpty()) {
            throw MetadataException.badRequest("non-empty audience parameter required");
        }
        String format = caller.query("format");
        if (format != null && !format.equals("standard") && !format.equals("full")) {
            throw MetadataException.badRequest("format must be one of standard, full");
        }
        return Rendered.raw(credentials.idToken(caller.workload(), audience, "full".equals(format)));
    }
}
