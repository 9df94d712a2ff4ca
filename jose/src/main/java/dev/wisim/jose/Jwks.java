package dev.wisim.jose;

import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
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

    @Override
    public Optional<PublicKey> byKid(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    @Override
    public List<PublicKey> all() {
        return all;
    }
}
