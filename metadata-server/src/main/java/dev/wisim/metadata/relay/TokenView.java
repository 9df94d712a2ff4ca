package dev.wisim.metadata.relay;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * What a hop's token is, for the teaching view, never the token itself: a JWT's header and claims
 * (not its signature), or for an opaque {@code ya29.} token its prefix; with the identity it stands
 * for (for an opaque token, as IAM names it in a binding) and when it expires.
 *
 * @param format   {@code JWT} or {@code opaque}
 * @param prefix   an opaque token's prefix ({@code ya29.d.} from STS, {@code ya29.c.} from IAM), else null
 * @param header   a JWT's header, else null
 * @param claims   a JWT's claims, else null
 * @param subject  the identity the token speaks for
 * @param expiresAt when it expires
 */
public record TokenView(String format, String prefix, Map<String, Object> header, Map<String, Object> claims, String subject,
                        Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** A JWT as a verifier would read it; a token that is not one is shown as opaque. */
    public static TokenView ofJwt(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length != 3) {
            return opaque(jwt, null, null);
        }
        try {
            Map<String, Object> header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), OBJECT);
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), OBJECT);
            Object exp = claims.get("exp");
            return new TokenView("JWT", null, header, claims, claims.get("sub") == null ? null : claims.get("sub").toString(),
                    exp instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return opaque(jwt, null, null);
        }
    }

    /** An opaque access token: only its prefix is shown. */
    public static TokenView opaque(String token, String subject, Instant expiresAt) {
        String prefix = null;
        if (token != null && token.startsWith("ya29.") && token.length() > 7) {
            prefix = token.substring(0, 7);
        }
        return new TokenView("opaque", prefix, null, null, subject, expiresAt);
    }
}
