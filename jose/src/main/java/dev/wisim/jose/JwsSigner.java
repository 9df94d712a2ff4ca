package dev.wisim.jose;

import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/** Signs claims as a compact JWS whose payload is {@link CanonicalJson} (sorted keys, compact). */
public final class JwsSigner {

    private JwsSigner() {
    }

    /** Header exactly {@code {"alg":"RS256","kid":…}}, as kube-apiserver writes it. */
    public static String sign(SigningKey key, Map<String, ?> claims) {
        return sign(key, claims, false);
    }

    /** With {@code typJwt}, the header is {@code {"alg":"RS256","kid":…,"typ":"JWT"}}, as Google writes it. */
    public static String sign(SigningKey key, Map<String, ?> claims, boolean typJwt) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.kid());
        if (typJwt) {
            jws.setHeader("typ", "JWT");
        }
        jws.setPayload(CanonicalJson.write(claims));
        jws.setKey(key.privateKey());
        jws.setProviderContext(NativeCrypto.jose4j());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign with key " + key.kid(), e);
        }
    }
}
