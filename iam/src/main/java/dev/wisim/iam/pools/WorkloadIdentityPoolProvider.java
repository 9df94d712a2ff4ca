package dev.wisim.iam.pools;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code google.iam.v1.WorkloadIdentityPoolProvider} for an OIDC issuer: who may present tokens
 * ({@code oidc.issuerUri}, {@code oidc.allowedAudiences}, keys by discovery or inline {@code oidc.jwksJson}),
 * how their claims become attributes ({@code attributeMapping}, CEL over {@code assertion}), and which
 * of them are admitted ({@code attributeCondition}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkloadIdentityPoolProvider(String name, String displayName, String description, String state, Boolean disabled,
                                           Map<String, String> attributeMapping, String attributeCondition, Oidc oidc,
                                           String expireTime) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Oidc(String issuerUri, List<String> allowedAudiences, String jwksJson) {
    }

    @JsonIgnore
    public boolean usable() {
        return "ACTIVE".equals(state) && !Boolean.TRUE.equals(disabled);
    }

    WorkloadIdentityPoolProvider withState(String newState, String newExpireTime) {
        return new WorkloadIdentityPoolProvider(name, displayName, description, newState, disabled, attributeMapping,
                attributeCondition, oidc, newExpireTime);
    }
}
