package dev.wisim.sts.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The STS token response: snake_case, whatever the request's encoding. */
@JsonPropertyOrder({"access_token", "issued_token_type", "token_type", "expires_in"})
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("issued_token_type") String issuedTokenType,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {
}
