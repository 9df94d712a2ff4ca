package dev.wisim.jose;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.conscrypt.Conscrypt;
import org.jose4j.jca.ProviderContext;

/**
 * Where the stack's RSA work is done: in BoringSSL through Google's Conscrypt when its native library
 * loads on this platform (Linux and macOS on x86-64 and arm64, Windows on x86-64), else in the JDK.
 * The services run C1 only, for start-up; there the JDK's RSA-2048 signature costs 13 - 20 ms and a
 * key pair hundreds of milliseconds to seconds, against about 1 ms and 50 ms natively. Signatures are
 * RSASSA-PKCS1-v1_5, deterministic, so a token is byte for byte the same either way.
 *
 * <p>{@code WISIM_NATIVE_CRYPTO=false} in the environment (or {@code -Dwisim.native-crypto=false})
 * keeps everything in the JDK, for comparison. The provider is registered last, so that it answers
 * only where it is asked for by name: TLS, digests and everything else stay the JDK's.
 */
public final class NativeCrypto {

    private static final Logger LOG = Logger.getLogger(NativeCrypto.class.getName());
    private static final Provider PROVIDER = load();

    private NativeCrypto() {
    }

    /** The provider's name (for jose4j and Bouncy Castle), if native RSA is in use. */
    public static Optional<String> providerName() {
        return Optional.ofNullable(PROVIDER).map(Provider::getName);
    }

    /** For a jose4j signature or verification with a key it is given: the native provider's signatures, or the JDK's defaults. */
    public static ProviderContext jose4j() {
        ProviderContext context = new ProviderContext();
        providerName().ifPresent(name -> context.getSuppliedKeyProviderContext().setSignatureProvider(name));
        return context;
    }

    /** An RSA key pair generator of the native provider, or the JDK's. */
    public static KeyPairGenerator rsaKeyPairGenerator() {
        try {
            return PROVIDER == null ? KeyPairGenerator.getInstance("RSA") : KeyPairGenerator.getInstance("RSA", PROVIDER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JRE", e);
        }
    }

    /** {@code SHA256withRSA} (RS256's signature) of the native provider, or the JDK's. */
    public static Signature sha256WithRsa() {
        try {
            return PROVIDER == null ? Signature.getInstance("SHA256withRSA") : Signature.getInstance("SHA256withRSA", PROVIDER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JRE", e);
        }
    }

    private static Provider load() {
        String setting = Optional.ofNullable(System.getProperty("wisim.native-crypto"))
                .orElseGet(() -> System.getenv("WISIM_NATIVE_CRYPTO"));
        if ("false".equalsIgnoreCase(setting)) {
            return null;
        }
        try {
            if (!Conscrypt.isAvailable()) {
                LOG.log(Level.INFO, "Conscrypt's native library does not load here; RSA stays in the JDK");
                return null;
            }
            Provider existing = Security.getProvider("Conscrypt");
            if (existing != null) {
                return existing;
            }
            Provider provider = Conscrypt.newProvider();
            Security.addProvider(provider);
            return provider;
        } catch (LinkageError | RuntimeException e) {
            LOG.log(Level.INFO, "Conscrypt is unavailable (" + e + "); RSA stays in the JDK");
            return null;
        }
    }
}
