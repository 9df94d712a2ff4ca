package dev.wisim.iam.pools;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code google.iam.v1.WorkloadIdentityPool}: {@code name} is
 * {@code projects/NUMBER/locations/global/workloadIdentityPools/ID}; {@code state} ACTIVE or DELETED
 * (a deleted pool can be undeleted until {@code expireTime}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkloadIdentityPool(String name, String displayName, String description, String state, Boolean disabled,
                                   String expireTime) {

    @JsonIgnore
    public boolean usable() {
        return "ACTIVE".equals(state) && !Boolean.TRUE.equals(disabled);
    }

    WorkloadIdentityPool with(String newDisplayName, String newDescription, Boolean newDisabled) {
        return new WorkloadIdentityPool(name, newDisplayName, newDescription, state, Boolean.TRUE.equals(newDisabled) ? true : null,
                expireTime);
    }

    WorkloadIdentityPool withState(String newState, String newExpireTime) {
        return new WorkloadIdentityPool(name, displayName, description, newState, disabled, newExpireTime);
    }
}
