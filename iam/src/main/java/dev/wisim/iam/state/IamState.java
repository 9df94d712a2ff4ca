package dev.wisim.iam.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.wisim.durable.StateDb;
import dev.wisim.iam.config.IamConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * IAM's acknowledged state — projects, service accounts (and the deleted ones), their keys, policies,
 * pools, providers, registered clusters, revocations — in {@code STATE_DIR/iam/state.db}. Keys are kept
 * as their standard encodings (X.509 SubjectPublicKeyInfo, PKCS#8, DER certificates) in base64.
 */
@ApplicationScoped
public class IamState {

    @Produces
    @Singleton
    StateDb stateDb(IamConfig config) {
        return StateDb.forService(config.stateDir(), "iam/state.db", json());
    }

    void close(@Disposes StateDb db) {
        db.close();
    }

    static ObjectMapper json() {
        SimpleModule keys = new SimpleModule("iam-keys");
        keys.addSerializer(PublicKey.class, base64(PublicKey::getEncoded));
        keys.addDeserializer(PublicKey.class, decoded(bytes -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(bytes))));
        keys.addSerializer(PrivateKey.class, base64(PrivateKey::getEncoded));
        keys.addDeserializer(PrivateKey.class, decoded(bytes -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes))));
        keys.addSerializer(X509Certificate.class, base64(certificate -> {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }));
        keys.addDeserializer(X509Certificate.class, decoded(bytes ->
                (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes))));
        return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(keys)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private interface Encoding<T> {
        byte[] bytes(T value);
    }

    private interface Decoding<T> {
        T value(byte[] bytes) throws GeneralSecurityException;
    }

    private static <T> JsonSerializer<T> base64(Encoding<T> encoding) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(Base64.getEncoder().encodeToString(encoding.bytes(value)));
            }
        };
    }

    private static <T> JsonDeserializer<T> decoded(Decoding<T> decoding) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
                try {
                    return decoding.value(Base64.getDecoder().decode(in.getValueAsString()));
                } catch (GeneralSecurityException e) {
                    throw new IOException("a stored key cannot be read: " + e.getMessage(), e);
                }
            }
        };
    }
}
