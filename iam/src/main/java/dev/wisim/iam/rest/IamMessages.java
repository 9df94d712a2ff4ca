package dev.wisim.iam.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.policy.Policy;
import java.util.List;
import java.util.Map;

/** The request and response messages of the IAM, IAM Credentials and Resource Manager APIs, in proto3 JSON (camelCase). */
public final class IamMessages {

    private IamMessages() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceAccountFields(String displayName, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreateServiceAccountRequest(String accountId, ServiceAccountFields serviceAccount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PatchServiceAccountRequest(ServiceAccountFields serviceAccount, String updateMask) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListServiceAccountsResponse(List<ServiceAccount> accounts, String nextPageToken) {
    }

    /** getIamPolicy's optional body; gcloud sends the version as the query parameter {@code options.requestedPolicyVersion} instead. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GetIamPolicyRequest(GetPolicyOptions options) {

        public Integer requestedVersion(Integer fromQuery) {
            return fromQuery != null ? fromQuery : options == null ? null : options.requestedPolicyVersion();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GetPolicyOptions(Integer requestedPolicyVersion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SetIamPolicyRequest(Policy policy, String updateMask) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TestIamPermissionsRequest(List<String> permissions) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TestIamPermissionsResponse(List<String> permissions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GenerateAccessTokenRequest(List<String> delegates, List<String> scope, String lifetime) {
    }

    public record GenerateAccessTokenResponse(String accessToken, String expireTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GenerateIdTokenRequest(List<String> delegates, String audience, Boolean includeEmail) {
    }

    public record GenerateIdTokenResponse(String token) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignRequest(List<String> delegates, String payload) {
    }

    public record SignBlobResponse(String keyId, String signedBlob) {
    }

    public record SignJwtResponse(String keyId, String signedJwt) {
    }

    public record UndeleteServiceAccountResponse(ServiceAccount restoredAccount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreateProjectRequest(String projectId, String name, Map<String, String> labels) {
    }

    /** A finished long-running operation, as Resource Manager v1 returns for {@code projects.create}. */
    public record Operation(String name, boolean done, Map<String, Object> response) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MintTokenRequest(String principal, List<String> scopes, String lifetime) {
    }
}
