package dev.wisim.metadata.tree;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.pod.Workload;
import dev.wisim.metadata.relay.TokenRelay;
import dev.wisim.metadata.rest.MetadataException;
import dev.wisim.metadata.tree.Node.Dir;
import dev.wisim.metadata.tree.Node.Endpoint;
import dev.wisim.metadata.tree.Node.Value;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code instance/service-accounts/}: the calling pod's identity under {@code default} and under its
 * email — the GSA its KSA is annotated with, or the workload pool for an unannotated KSA.
 */
@ApplicationScoped
public class ServiceAccountNodes {

    private final MetadataConfig config;
    private final TokenRelay relay;
    private final ObjectMapper mapper;

    public ServiceAccountNodes(MetadataConfig config, TokenRelay relay, ObjectMapper mapper) {
        this.config = config;
        this.relay = relay;
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
        TokenRelay.AccessToken token = relay.token(caller.workload(), scopes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.token());
        body.put("expires_in", token.expiresIn());
        body.put("token_type", "Bearer");
        try {
            return Rendered.json(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Rendered identity(Caller caller) {
        String audience = caller.query("audience");
        if (audience == null || audience.isEmpty()) {
            throw MetadataException.badRequest("non-empty audience parameter required");
        }
        Workload workload = caller.workload();
        if (workload.gsa().isEmpty()) {
            throw MetadataException.notAnnotated(workload.namespace(), workload.serviceAccount());
        }
        // ID tokens need IAM's generateIdToken, which this world does not serve yet; clients treat 404 as "none".
        throw MetadataException.notFound();
    }
}
