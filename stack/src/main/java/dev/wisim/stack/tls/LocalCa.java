package dev.wisim.stack.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The stack's local certificate authority (EC P-256, on BouncyCastle): it lives in the state
 * directory so that clients keep trusting it across restarts, and issues the serving certificates of
 * the services that speak TLS. Clients get its certificate as PEM and as a PKCS12 truststore.
 */
public final class LocalCa {

    public static final String TRUSTSTORE_PASSWORD = "changeit";
    /** Where Debian/Ubuntu, Fedora/RHEL, Alpine and macOS (Homebrew) keep the system's CA bundle. */
    static final List<String> SYSTEM_BUNDLES = List.of("/etc/ssl/certs/ca-certificates.crt",
            "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem", "/usr/local/etc/openssl/cert.pem");
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(365);

    private final Path dir;
    private final X509Certificate certificate;
    /** Read when the CA first issues a certificate: a stack that finds its certificates current never needs it. */
    private PrivateKey key;

    private LocalCa(Path dir, X509Certificate certificate, PrivateKey key) {
        this.dir = dir;
        this.certificate = certificate;
        this.key = key;
    }

    /**
     * The CA in {@code dir} ({@code ca.pem}, {@code ca-key.pem}), created if it is not there yet. An
     * existing CA's certificate is read with the JDK alone: the stack starts faster without loading
     * Bouncy Castle, which only issuing needs.
     */
    public static LocalCa loadOrCreate(Path dir) {
        Path cert = dir.resolve("ca.pem");
        Path keyFile = dir.resolve("ca-key.pem");
        try {
            if (Files.exists(cert) && Files.exists(keyFile)) {
                return new LocalCa(dir, readCertificate(cert), null);
            }
            Files.createDirectories(dir);
            KeyPair pair = newKeyPair();
            X500Name name = new X500Name("CN=wisim local CA, O=wisim");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(CA_LIFETIME)), name, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate ca = sign(builder, pair.getPrivate());
            writePem(cert, ca, false);
            writePem(keyFile, new JcaPKCS8Generator(pair.getPrivate(), null), true);
            return new LocalCa(dir, ca, pair.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the local CA in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot set up the local CA in " + dir, e);
        }
    }

    /** The CA certificate (PEM). */
    public Path certificate() {
        return dir.resolve("ca.pem");
    }

    /** A server certificate and key (PEM files) for {@code name}, valid for {@code localhost} and {@code 127.0.0.1} plus {@code hosts}. */
    public record ServerCertificate(Path certificate, Path key) {
    }

    /**
     * The certificate issued for {@code name} before, while this CA issued it, it names the hosts and
     * it has more than a week left; otherwise a new one. Starting a stack does not pay for new
     * certificates every time. Which CA issued it is told by its authority key identifier, the CA's
     * subject key identifier (a CA made anew has a new key): both are files of the stack's own, and
     * verifying the signature cost the start 0.15 s of CPU (the JDK's P-256 tables are built first).
     */
    public ServerCertificate current(String name, List<String> hosts) {
        Path cert = dir.resolve(name + ".pem");
        Path keyFile = dir.resolve(name + "-key.pem");
        try {
            if (Files.exists(cert) && Files.exists(keyFile)) {
                X509Certificate existing = readCertificate(cert);
                List<String> names = existing.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
                if (issuedByThisCa(existing) && existing.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(7)))
                        && names.containsAll(hosts)) {
                    return new ServerCertificate(cert, keyFile);
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException unusable) {
            // issue a new one
        }
        return issue(name, hosts);
    }

    public ServerCertificate issue(String name, List<String> hosts) {
        Path cert = dir.resolve(name + ".pem");
        Path keyFile = dir.resolve(name + "-key.pem");
        try {
            KeyPair pair = newKeyPair();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(SERVER_LIFETIME)), new X500Name("CN=" + name + ", O=wisim"),
                    pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
            for (String host : hosts) {
                names.add(isIpAddress(host) ? new GeneralName(GeneralName.iPAddress, host) : new GeneralName(GeneralName.dNSName, host));
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
            writePem(cert, sign(builder, key()), false);
            writePem(keyFile, new JcaPKCS8Generator(pair.getPrivate(), null), true);
            return new ServerCertificate(cert, keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot issue a certificate for " + name, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + name, e);
        }
    }

    /** Where {@link #truststore()} writes the truststore. */
    public Path truststoreFile() {
        return dir.resolve("truststore.p12");
    }

    /**
     * The CA as a PKCS12 truststore ({@code truststore.p12}, password {@value #TRUSTSTORE_PASSWORD}), for
     * JVM clients; written again only when it is older than the CA's certificate.
     */
    public Path truststore() {
        Path file = dir.resolve("truststore.p12");
        try {
            if (newerThanAll(file, certificate())) {
                return file;
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("wisim-local-ca", certificate);
            try (var out = Files.newOutputStream(file)) {
                store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    /** Where {@link #bundle()} writes the bundle. */
    public Path bundleFile() {
        return dir.resolve("ca-bundle.pem");
    }

    /**
     * The system's CA bundle with this CA added ({@code ca-bundle.pem}): for clients that take one bundle
     * in place of the system's (Python's {@code REQUESTS_CA_BUNDLE}, gcloud's custom CA file), so that
     * they trust the stack and still the rest of the world. Written again only when it is older than
     * the CA's certificate or the system's bundle.
     */
    public Path bundle() {
        Path file = bundleFile();
        try {
            Path system = SYSTEM_BUNDLES.stream().map(Path::of).filter(Files::isReadable).findFirst().orElse(null);
            if (system == null ? newerThanAll(file, certificate()) : newerThanAll(file, certificate(), system)) {
                return file;
            }
            StringBuilder bundle = new StringBuilder();
            if (system != null) {
                bundle.append(Files.readString(system)).append('\n');
            }
            bundle.append(Files.readString(dir.resolve("ca.pem")));
            Files.writeString(file, bundle);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private boolean issuedByThisCa(X509Certificate issued) throws IOException {
        byte[] authority = issued.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        byte[] subject = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (authority == null || subject == null || !issued.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        byte[] authorityKey = AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(authority)).getKeyIdentifierOctets();
        byte[] subjectKey = SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(subject)).getKeyIdentifier();
        return authorityKey != null && Arrays.equals(authorityKey, subjectKey);
    }

    /** Whether {@code file} exists and was written after every one of {@code sources} (following links). */
    private static boolean newerThanAll(Path file, Path... sources) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        FileTime written = Files.getLastModifiedTime(file);
        for (Path source : sources) {
            if (written.compareTo(Files.getLastModifiedTime(source)) <= 0) {
                return false;
            }
        }
        return true;
    }

    private synchronized PrivateKey key() throws IOException {
        if (key == null) {
            key = readKey(dir.resolve("ca-key.pem"));
        }
        return key;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    private static boolean isIpAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static void writePem(Path file, Object object, boolean secret) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        Files.writeString(file, text.toString());
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
    }

    /** A PEM certificate, parsed by the JDK (its X.509 factory reads the Base64 form with its header lines). */
    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            return converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) object);
        }
    }
}
