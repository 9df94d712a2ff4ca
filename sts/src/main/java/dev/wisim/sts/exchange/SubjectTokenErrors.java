package dev.wisim.sts.exchange;

import dev.wisim.jose.JwtRejection;
import dev.wisim.jose.JwtVerifier;
import java.util.Map;

/** The {@code error_description} STS gives for each way a subject token fails. */
final class SubjectTokenErrors {

    private SubjectTokenErrors() {
    }

    static String describe(JwtRejection e, String token) {
        Map<String, Object> claims = JwtVerifier.unverifiedClaims(token);
        return switch (e.reason()) {
            case EXPIRED -> "ID Token issued at " + claims.getOrDefault("iat", claims.get("exp")) + " is stale to sign-in.";
            case WRONG_AUDIENCE -> "The audience in ID Token " + bracketed(claims.get("aud")) + " does not match the expected audience.";
            case WRONG_ISSUER -> "The issuer in ID Token [" + claims.get("iss") + "] does not match the expected issuer.";
            case ISSUED_IN_FUTURE -> "ID Token issued at " + claims.get("iat") + " is in the future.";
            case NOT_YET_VALID -> "ID Token is not valid before " + claims.get("nbf") + ".";
            case LIFETIME_TOO_LONG -> "The lifetime of the ID Token, from iat to exp, exceeds the maximum of 48 hours.";
            case MISSING_CLAIM -> "The ID Token is missing a required claim: " + e.getMessage().replace("the token has no ", "") + ".";
            case MISSING_KID -> "The ID Token is missing the \"kid\" header field.";
            case UNKNOWN_KID -> "The key ID in the ID Token header does not match any key in the issuer's JSON Web Key Set.";
            case ALGORITHM_NOT_ALLOWED -> "The ID Token signing algorithm is not supported. Supported algorithms: RS256, ES256.";
            case BAD_SIGNATURE -> "Invalid ID Token signature.";
            case KEYS_UNAVAILABLE -> "Unable to retrieve the issuer's JSON Web Key Set.";
            case MALFORMED -> "Unable to parse the ID Token.";
        };
    }

    private static String bracketed(Object aud) {
        if (aud instanceof java.util.List<?> list) {
            return "[" + String.join(", ", list.stream().map(String::valueOf).toList()) + "]";
        }
        return "[" + aud + "]";
    }
}
