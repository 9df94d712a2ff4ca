package dev.wisim.iam.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code google.iam.admin.v1.ServiceAccount} as Google renders it ({@code disabled} only when true). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceAccount(String name, String projectId, String uniqueId, String email, String displayName,
                             String description, String etag, String oauth2ClientId, Boolean disabled) {

    static final String ETAG = "MDEwMjE5MjA=";

    public String resourceName() {
        return "projects/" + projectId + "/serviceAccounts/" + email;
    }

    @JsonIgnore
    public boolean isDisabled() {
        return Boolean.TRUE.equals(disabled);
    }

    ServiceAccount with(String newDisplayName, String newDescription) {
        return new ServiceAccount(name, projectId, uniqueId, email, newDisplayName, newDescription, ETAG, oauth2ClientId, disabled);
    }

    ServiceAccount withDisabled(boolean value) {
        return new ServiceAccount(name, projectId, uniqueId, email, displayName, description, ETAG, oauth2ClientId, value ? true : null);
    }
}
