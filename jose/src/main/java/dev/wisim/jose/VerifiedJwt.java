package dev.wisim.jose;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JWT whose signature and rules have been checked. */
public record VerifiedJwt(Map<String, Object> header, Map<String, Object> claims) {

    public Optional<String> string(String claim) {
        return claims.get(claim) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public String subject() {
        return string("sub").orElse(null);
    }

    public String issuer() {
        return string("iss").orElse(null);
    }

    /** {@code aud} as a list, whether the token carries a string or an array. */
    public List<String> audiences() {
        return audiences(claims.get("aud"));
    }

    public Optional<Instant> instant(String claim) {
        return claims.get(claim) instanceof Number n ? Optional.of(Instant.ofEpochSecond(n.longValue())) : Optional.empty();
    }

    public Instant expiresAt() {
        return instant("exp").orElseThrow();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String claim) {
        return claims.get(claim) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<String> audiences(Object aud) {
        if (aud instanceof String s) {
            return List.of(s);
        }
        if (aud instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
