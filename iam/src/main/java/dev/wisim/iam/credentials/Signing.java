package dev.wisim.iam.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.keys.AccountKey;
import dev.wisim.iam.keys.AccountKeys;
import dev.wisim.iam.rest.IamException;
import dev.wisim.jose.CanonicalJson;
import dev.wisim.jose.NativeCrypto;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IAM Credentials {@code signBlob} and {@code signJwt}: RS256 signatures with the service account's
 * system-managed key, whose certificate is published at {@code /service_accounts/v1/metadata/x509/EMAIL}.
 */
@ApplicationScoped
public class Signing {

    /** Writes members in the order given: the header as Google's, the claims as the caller's. */
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration MAX_JWT_AHEAD = Duration.ofHours(12);
    static final Duration DEFAULT_JWT_LIFETIME = Duration.ofHours(1);

    private final AccountKeys keys;
    private final Clock clock;

    public Signing(AccountKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public record Signed(String keyId, String value) {
    }

    /** @param payload the bytes to sign, base64 as sent */
    public Signed signBlob(ServiceAccount account, String payload) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(payload == null ? "" : payload);
        } catch (IllegalArgumentException e) {
            throw IamException.invalidArgument("Invalid value at 'payload' (TYPE_BYTES), Base64 decoding failed for \"" + payload + "\"");
        }
        if (bytes.length == 0) {
            throw IamException.invalidArgument("Payload required.");
        }
        AccountKey key = keys.systemKey(account.email());
        return new Signed(key.keyId(), Base64.getEncoder().encodeToString(rs256(key, bytes)));
    }

    /**
     * @param payload a JSON claims set; an {@code exp} must be an integer neither past nor more than 12 hours
     *                ahead, and one hour from now is added when there is none
     */
    public Signed signJwt(ServiceAccount account, String payload) {
        Map<String, Object> claims;
        try {
            claims = new LinkedHashMap<>(CanonicalJson.read(payload == null ? "" : payload));
        } catch (RuntimeException e) {
            throw IamException.invalidArgument("Invalid JWT payload: the payload must be a JSON object.");
        }
        long now = clock.instant().getEpochSecond();
        Object exp = claims.get("exp");
        if (exp == null) {
            claims.put("exp", now + DEFAULT_JWT_LIFETIME.toSeconds());
        } else if (!(exp instanceof Number number) || number.doubleValue() != Math.floor(number.doubleValue())) {
            throw IamException.invalidArgument("Invalid JWT payload: 'exp' must be an integer timestamp.");
        } else if (number.longValue() < now) {
            throw IamException.invalidArgument("Invalid JWT payload: 'exp' is in the past.");
        } else if (number.longValue() > now + MAX_JWT_AHEAD.toSeconds()) {
            throw IamException.invalidArgument("Invalid JWT payload: 'exp' is more than 12 hours in the future.");
        }
        AccountKey key = keys.systemKey(account.email());
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("kid", key.keyId());
        header.put("typ", "JWT");
        String signingInput = base64Url(json(header)) + "." + base64Url(json(claims));
        byte[] signature = rs256(key, signingInput.getBytes(StandardCharsets.US_ASCII));
        return new Signed(key.keyId(), signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
    }

    private static byte[] rs256(AccountKey key, byte[] bytes) {
        try {
            Signature signer = NativeCrypto.sha256WithRsa();
            signer.initSign(key.privateKey());
            signer.update(bytes);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + key.keyId(), e);
        }
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
