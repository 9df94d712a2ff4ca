package dev.wisim.iam.rest;

/** The OAuth2 tokeninfo refusal: 400 {@code {"error":"invalid_token","error_description":"Invalid Value"}}. */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException() {
        super("Invalid Value");
    }
}
