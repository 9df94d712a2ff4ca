package dev.wisim.iam.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.jose.Certificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.spec.PBEParameterSpec;

/**
 * The private-key files IAM hands out once, when a key is created: Google's JSON credentials file
 * (whose {@code token_uri} is this IAM's token endpoint) or a PKCS#12 file with Google's fixed
 * password {@code notasecret}.
 */
public final class KeyFiles {

    public static final String P12_PASSWORD = "notasecret";
    static final String P12_ALIAS = "privatekey";
    static final String P12_KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    static final int P12_KEY_ITERATIONS = 10_000;
    private static final int P12_SALT_BYTES = 20;
    private static final SecureRandom SALT = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KeyFiles() {
    }

    /**
     * @param iamUrl where this IAM is reached (its {@code /token} and certificate endpoints go in the file)
     */
    public static byte[] credentialsFile(ServiceAccount account, AccountKeys.Created created, String iamUrl) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("type", "service_account");
        file.put("project_id", account.projectId());
        file.put("private_key_id", created.key().keyId());
        file.put("private_key", Certificates.pkcs8Pem(created.pair().getPrivate()));
        file.put("client_email", account.email());
        file.put("client_id", account.uniqueId());
        file.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        file.put("token_uri", iamUrl + "/token");
        file.put("auth_provider_x509_cert_url", iamUrl + "/oauth2/v1/certs");
        file.put("client_x509_cert_url", iamUrl + "/robot/v1/metadata/x509/" + account.email());
        file.put("universe_domain", "googleapis.com");
        try {
            return (JSON.writeValueAsString(file) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pkcs12File(AccountKeys.Created created) {
        return pkcs12File(created.pair().getPrivate(), created.key().certificate());
    }

    /**
     * The key is sealed with the JDK's default PKCS#12 key protection, PBES2 (PBKDF2 with HMAC-SHA256,
     * AES-256) at 10,000 iterations, stated here rather than taken from the JVM: the stack lowers the
     * default for the services' in-memory TLS key stores ({@code keystore.pkcs12.keyPbeIterationCount}).
     */
    static byte[] pkcs12File(PrivateKey key, Certificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            byte[] salt = new byte[P12_SALT_BYTES];
            SALT.nextBytes(salt);
            store.setEntry(P12_ALIAS, new KeyStore.PrivateKeyEntry(key, new Certificate[] {certificate}),
                    new KeyStore.PasswordProtection(P12_PASSWORD.toCharArray(), P12_KEY_PROTECTION,
                            new PBEParameterSpec(salt, P12_KEY_ITERATIONS)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, P12_PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write a PKCS#12 key file", e);
        }
    }
}
