package dev.wisim.iam.oauth;

import dev.wisim.jose.Certificates;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys Google signs ID tokens with, in the two forms it publishes: a JWKS
 * ({@code /oauth2/v3/certs}) and a map of key id to self-signed X.509 certificate in PEM
 * ({@code /oauth2/v1/certs}, which Python's verifier reads by default).
 */
@ApplicationScoped
public class GoogleCertificates {

    private final KeyRing keys;
    private final Map<String, String> pemByKid = new ConcurrentHashMap<>();

    public GoogleCertificates(KeyRing keys) {
        this.keys = keys;
    }

    public Map<String, Object> jwks() {
        return keys.publicJwks();
    }

    public Map<String, String> pemCertificates() {
        Map<String, String> certificates = new LinkedHashMap<>();
        for (SigningKey key : keys.all()) {
            certificates.put(key.kid(), pemByKid.computeIfAbsent(key.kid(), kid -> Certificates.pem(Certificates.selfSigned(
                    key.publicKey(), key.privateKey(), "accounts.google.com", key.createdAt().truncatedTo(ChronoUnit.SECONDS),
                    key.createdAt().plus(3650, ChronoUnit.DAYS)))));
        }
        return certificates;
    }
}
