package dev.wisim.jose;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Builds the bad tokens every token-taking endpoint must refuse: unsigned, HS256 keyed with the
 * public key, tampered, signed by a stranger, and so on. Shared with the services' tests through
 * this module's test-jar.
 */
public final class TokenForge {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TokenForge() {
    }

    public static String algNone(Map<String, ?> claims) {
        return b64("{\"alg\":\"none\"}") + "." + b64(CanonicalJson.write(claims)) + ".";
    }

    /** HS256 with the issuer's public key (DER) as the HMAC secret, the classic key-confusion attack. */
    public static String hs256WithPublicKey(SigningKey trusted, Map<String, ?> claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(trusted.kid());
        jws.setPayload(CanonicalJson.write(claims));
        jws.setKey(new HmacKey(trusted.publicKey().getEncoded()));
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correctly signed token whose payload is then replaced, keeping the signature. */
    public static String tampered(SigningKey key, Map<String, ?> claims, String claim, Object newValue) {
        String[] parts = JwsSigner.sign(key, claims).split("\\.");
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        changed.put(claim, newValue);
        return parts[0] + "." + b64(CanonicalJson.write(changed)) + "." + parts[2];
    }

    /** Signed by a fresh key that claims the trusted key's kid. */
    public static String signedByStrangerWithKid(String kid, Map<String, ?> claims) {
        SigningKey stranger = KeyRing.inMemory(java.time.Clock.systemUTC()).active();
        SigningKey impostor = new SigningKey(kid, stranger.privateKey(), stranger.publicKey(), stranger.createdAt(), null, null);
        return JwsSigner.sign(impostor, claims);
    }

    /** Signed by a fresh key whose kid nobody knows. */
    public static String signedByStranger(Map<String, ?> claims) {
        return JwsSigner.sign(KeyRing.inMemory(java.time.Clock.systemUTC()).active(), claims);
    }

    /** A token with no kid in its header, signed by {@code key}. */
    public static String withoutKid(SigningKey key, Map<String, ?> claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setPayload(CanonicalJson.write(claims));
        jws.setKey(key.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ES256 signed with a P-384 key under the trusted kid: the curve does not match the algorithm. */
    public static String es256WithMismatchedCurve(String kid, Map<String, ?> claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            KeyPair pair = generator.generateKeyPair();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jws.setKeyIdHeaderValue(kid);
            jws.setPayload(CanonicalJson.write(claims));
            jws.setKey(pair.getPrivate());
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException | JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
