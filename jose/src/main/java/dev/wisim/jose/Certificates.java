package dev.wisim.jose;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * RSA key pairs and their self-signed X.509 certificates, in PEM: Google publishes every signing key
 * of a service account (and its own ID-token keys) as such a certificate, and hands out private keys
 * as PKCS#8 PEM inside key files.
 */
public final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    public static KeyPair newRsaKeyPair() {
        KeyPairGenerator generator = NativeCrypto.rsaKeyPairGenerator();
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    /** A self-signed SHA256withRSA certificate for the pair, subject and issuer {@code CN=commonName}. */
    public static X509Certificate selfSigned(PublicKey publicKey, PrivateKey privateKey, String commonName,
                                             Instant notBefore, Instant notAfter) {
        X500Name name = new X500Name("CN=" + commonName.replace(",", "\\,"));
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, RANDOM).add(BigInteger.ONE),
                Date.from(notBefore), Date.from(notAfter), name, publicKey);
        try {
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder("SHA256withRSA");
            NativeCrypto.providerName().ifPresent(signer::setProvider);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer.build(privateKey)));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot self-sign a certificate for " + commonName, e);
        }
    }

    /** {@code -----BEGIN CERTIFICATE-----…}, newline-terminated. */
    public static String pem(X509Certificate certificate) {
        return write(certificate);
    }

    /** {@code -----BEGIN PUBLIC KEY-----…} (SubjectPublicKeyInfo), newline-terminated. */
    public static String pem(PublicKey key) {
        return write(key);
    }

    /** {@code -----BEGIN PRIVATE KEY-----…} (unencrypted PKCS#8), as in a Google key file. */
    public static String pkcs8Pem(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a PKCS#8 PEM private key; {@link IllegalArgumentException} if it is not one. */
    public static PrivateKey readPkcs8Pem(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            if (parsed instanceof PrivateKeyInfo info) {
                return new JcaPEMKeyConverter().getPrivateKey(info);
            }
            throw new IllegalArgumentException("not a PKCS#8 private key");
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM private key: " + e.getMessage(), e);
        }
    }

    private static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
