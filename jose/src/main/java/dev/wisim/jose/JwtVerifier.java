package dev.wisim.jose;

import dev.wisim.jose.JwtRejection.Reason;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Verifies compact JWS tokens step by step, so that each refusal has a precise {@link Reason}:
 * structure, algorithm, key id, signature, then claims (time, issuer, audience).
 */
public final class JwtVerifier {

    private final Clock clock;

    public JwtVerifier(Clock clock) {
        this.clock = clock;
    }

    public VerifiedJwt verify(String token, KeySource keys, VerificationRules rules) throws JwtRejection {
        JsonWebSignature jws = parse(token);
        String alg = jws.getAlgorithmHeaderValue();
        if (alg == null || !rules.algorithms().contains(alg)) {
            throw new JwtRejection(Reason.ALGORITHM_NOT_ALLOWED, "the signing algorithm " + alg + " is not allowed");
        }
        verifySignature(jws, alg, candidateKeys(jws.getKeyIdHeaderValue(), keys, rules));
        Map<String, Object> claims;
        try {
            claims = CanonicalJson.read(jws.getUnverifiedPayload());
        } catch (IllegalArgumentException e) {
            throw new JwtRejection(Reason.MALFORMED, "the payload is not a JSON object");
        }
        Map<String, Object> header = CanonicalJson.read(jws.getHeaders().getFullHeaderAsJsonString());
        VerifiedJwt jwt = new VerifiedJwt(header, claims);
        checkTimes(jwt, rules);
        checkIssuer(jwt, rules);
        checkAudience(jwt, rules);
        return jwt;
    }

    /**
     * The payload of a compact JWS, read without checking anything: for choosing the keys to verify
     * with (by issuer) and for describing a refusal. Empty if it cannot be read.
     */
    public static Map<String, Object> unverifiedClaims(String token) {
        try {
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3) {
                return Map.of();
            }
            return CanonicalJson.read(new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static JsonWebSignature parse(String token) throws JwtRejection {
        if (token == null || token.isBlank() || token.chars().filter(c -> c == '.').count() != 2) {
            throw new JwtRejection(Reason.MALFORMED, "not a compact JWS (three dot-separated parts)");
        }
        try {
            JsonWebStructure structure = JsonWebStructure.fromCompactSerialization(token);
            if (structure instanceof JsonWebSignature jws) {
                jws.getUnverifiedPayload();
                return jws;
            }
            throw new JwtRejection(Reason.MALFORMED, "not a JWS");
        } catch (JoseException | RuntimeException e) {
            throw new JwtRejection(Reason.MALFORMED, "not a compact JWS: " + e.getMessage());
        }
    }

    private static List<PublicKey> candidateKeys(String kid, KeySource keys, VerificationRules rules) throws JwtRejection {
        try {
            if (kid == null || kid.isEmpty()) {
                if (rules.kidRequired()) {
                    throw new JwtRejection(Reason.MISSING_KID, "the token header has no kid");
                }
                return keys.all();
            }
            Optional<PublicKey> key = keys.byKid(kid);
            if (key.isEmpty()) {
                throw new JwtRejection(Reason.UNKNOWN_KID, "no key with kid " + kid);
            }
            return List.of(key.get());
        } catch (KeySource.KeysUnavailableException e) {
            throw new JwtRejection(Reason.KEYS_UNAVAILABLE, e.getMessage(), e);
        }
    }

    private static void verifySignature(JsonWebSignature jws, String alg, List<PublicKey> candidates) throws JwtRejection {
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg));
        jws.setProviderContext(NativeCrypto.jose4j());
        for (PublicKey key : candidates) {
            try {
                jws.setKey(key);
                if (jws.verifySignature()) {
                    return;
                }
            } catch (JoseException e) {
                // wrong key type or size for the algorithm: not this key
            }
        }
        throw new JwtRejection(Reason.BAD_SIGNATURE, "the signature does not verify");
    }

    private void checkTimes(VerifiedJwt jwt, VerificationRules rules) throws JwtRejection {
        Instant now = clock.instant();
        Instant exp = jwt.instant("exp").orElseThrow(() -> new JwtRejection(Reason.MISSING_CLAIM, "the token has no exp"));
        Optional<Instant> iat = jwt.instant("iat");
        if (rules.iatRequired() && iat.isEmpty()) {
            throw new JwtRejection(Reason.MISSING_CLAIM, "the token has no iat");
        }
        if (!now.isBefore(exp.plus(rules.leeway()))) {
            throw new JwtRejection(Reason.EXPIRED, "the token expired at " + exp.getEpochSecond());
        }
        Optional<Instant> nbf = jwt.instant("nbf");
        if (nbf.isPresent() && now.isBefore(nbf.get().minus(rules.leeway()))) {
            throw new JwtRejection(Reason.NOT_YET_VALID, "the token is not valid before " + nbf.get().getEpochSecond());
        }
        if (iat.isPresent() && now.isBefore(iat.get().minus(rules.leeway()))) {
            throw new JwtRejection(Reason.ISSUED_IN_FUTURE, "the token is issued in the future (" + iat.get().getEpochSecond() + ")");
        }
        if (rules.maxLifetime() != null && iat.isPresent() && exp.isAfter(iat.get().plus(rules.maxLifetime()))) {
            throw new JwtRejection(Reason.LIFETIME_TOO_LONG, "the token's lifetime exceeds " + rules.maxLifetime());
        }
    }

    private static void checkIssuer(VerifiedJwt jwt, VerificationRules rules) throws JwtRejection {
        if (!rules.issuers().isEmpty() && !rules.issuers().contains(jwt.issuer())) {
            throw new JwtRejection(Reason.WRONG_ISSUER, "the issuer " + jwt.issuer() + " is not trusted");
        }
    }

    private static void checkAudience(VerifiedJwt jwt, VerificationRules rules) throws JwtRejection {
        if (!rules.audiences().isEmpty() && jwt.audiences().stream().noneMatch(rules.audiences()::contains)) {
            throw new JwtRejection(Reason.WRONG_AUDIENCE, "the audiences " + jwt.audiences() + " are not accepted");
        }
    }
}
