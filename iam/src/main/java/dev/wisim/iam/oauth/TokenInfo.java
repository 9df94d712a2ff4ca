package dev.wisim.iam.oauth;

import dev.wisim.iam.token.ResolvedToken;
import dev.wisim.jose.VerifiedJwt;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders an access or ID token as OAuth2 tokeninfo: v1/v2 with typed values, v3 with every value a string. */
public final class TokenInfo {

    private static final String EMAIL_SCOPE = "https://www.googleapis.com/auth/userinfo.email";

    private TokenInfo() {
    }

    public static Map<String, Object> v1(ResolvedToken token, Clock clock) {
        Map<String, Object> info = new LinkedHashMap<>();
        if (token.clientId() != null) {
            info.put("issued_to", token.clientId());
            info.put("audience", token.clientId());
        }
        info.put("scope", String.join(" ", token.scopes()));
        info.put("expires_in", expiresIn(token, clock));
        if (showsEmail(token)) {
            info.put("email", token.principal().email());
            info.put("verified_email", true);
        }
        info.put("access_type", "online");
        return info;
    }

    public static Map<String, Object> v3(ResolvedToken token, Clock clock) {
        Map<String, Object> info = new LinkedHashMap<>();
        if (token.clientId() != null) {
            info.put("azp", token.clientId());
            info.put("aud", token.clientId());
            info.put("sub", token.clientId());
        } else {
            info.put("sub", token.principal().canonical());
        }
        info.put("scope", String.join(" ", token.scopes()));
        info.put("exp", Long.toString(token.expiresAt().getEpochSecond()));
        info.put("expires_in", Long.toString(expiresIn(token, clock)));
        if (showsEmail(token)) {
            info.put("email", token.principal().email());
            info.put("email_verified", "true");
        }
        info.put("access_type", "online");
        return info;
    }

    /** v1/v2 for an ID token: its claims under tokeninfo's own names. */
    public static Map<String, Object> idTokenV1(VerifiedJwt jwt, Clock clock) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("issuer", jwt.issuer());
        info.put("issued_to", jwt.string("azp").orElse(null));
        info.put("audience", String.join(" ", jwt.audiences()));
        info.put("user_id", jwt.subject());
        info.put("expires_in", Math.max(0, Duration.between(clock.instant(), jwt.expiresAt()).toSeconds()));
        info.put("issued_at", jwt.instant("iat").map(java.time.Instant::getEpochSecond).orElse(null));
        jwt.string("email").ifPresent(email -> {
            info.put("email", email);
            info.put("email_verified", Boolean.TRUE.equals(jwt.claims().get("email_verified")));
        });
        info.values().removeIf(java.util.Objects::isNull);
        return info;
    }

    /** v3 for an ID token: every claim and the header's {@code alg}, {@code kid}, {@code typ}, as strings. */
    public static Map<String, Object> idTokenV3(VerifiedJwt jwt) {
        Map<String, Object> info = new LinkedHashMap<>();
        jwt.claims().forEach((name, value) -> info.put(name, String.valueOf(value)));
        for (String field : new String[] {"alg", "kid", "typ"}) {
            if (jwt.header().get(field) != null) {
                info.put(field, String.valueOf(jwt.header().get(field)));
            }
        }
        return info;
    }

    private static boolean showsEmail(ResolvedToken token) {
        return token.principal().email() != null
                && (token.scopes().contains(EMAIL_SCOPE) || token.scopes().contains("email"));
    }

    private static long expiresIn(ResolvedToken token, Clock clock) {
        return Math.max(0, Duration.between(clock.instant(), token.expiresAt()).toSeconds());
    }
}
