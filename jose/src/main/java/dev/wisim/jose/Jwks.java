package dev.wisim.jose;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/** A parsed public JWKS (RSA and EC keys). Keys without a {@code kid} are reachable only through {@link #all()}. */
public final class Jwks implements KeySource {

    private final Map<String, PublicKey> byKid;
    private final List<PublicKey> all;

    private Jwks(Map<String, PublicKey> byKid, List<PublicKey> all) {
        this.byKid = byKid;
        this.all = all;
    }

    public static Jwks parse(String json) {
        try {
            JsonWebKeySet set = new JsonWebKeySet(json);
            Map<String, PublicKey> byKid = new LinkedHashMap<>();
            List<PublicKey> all = new ArrayList<>();
            for (JsonWebKey jwk : set.getJsonWebKeys()) {
                Key key = jwk.getKey();
                if (key instanceof PublicKey publicKey) {
                    all.add(publicKey);
                    if (jwk.getKeyId() != null) {
                        byKid.put(jwk.getKeyId(), publicKey);
                    }
                }
            }
            return new Jwks(byKid, all);
        } catch (JoseException | RuntimeException e) {
            throw new IllegalArgumentException("not a JWKS document: " + e.getMessage(), e);
        }
    }

    /** An RSA public key as a JWK for RS256, members in go-jose's order (use, kty, kid, alg, n, e). */
    public static Map<String, Object> publicJwk(String kid, RSAPublicKey rsa) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("use", "sig");
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("alg", SigningKey.ALGORITHM);
        jwk.put("n", unsignedBase64Url(rsa.getModulus().toByteArray()));
        jwk.put("e", unsignedBase64Url(rsa.getPublicExponent().toByteArray()));
        return jwk;
    }

    private static String unsignedBase64Url(byte[] twosComplement) {
        int start = twosComplement.length > 1 && twosComplement[0] == 0 ? 1 : 0;
        byte[] magnitude = Arrays.copyOfRange(twosComplement, start, twosComplement.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(magnitude);
    }

    @Override
    public Optional<PublicKey> byKid(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    @Override
    public List<PublicKey> all() {
        return all;
    }
}
