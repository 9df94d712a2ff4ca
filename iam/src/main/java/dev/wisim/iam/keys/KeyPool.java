package dev.wisim.iam.keys;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.iam.config.IamConfig;
import dev.wisim.jose.Certificates;
import dev.wisim.jose.NativeCrypto;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * RSA-2048 key pairs made ahead of need, where making one is slow: in the JDK under the C1-only JVM
 * the stack starts services with, one costs hundreds of milliseconds to seconds, and a scenario
 * creates keys while the stack starts. So IAM then keeps {@value #SIZE} in waiting — in {@code
 * STATE_DIR/key-pool/rsa.json}, so a restarted IAM still has them — and makes new ones on a background
 * thread, well after start-up. A key is handed out once and never again; with none in waiting, one is
 * made on the spot. Where RSA is native ({@link NativeCrypto}: about 50 ms a key pair) the pool stands
 * aside: reading and writing its keys would cost more than making them, and no private key waits on disk.
 */
@ApplicationScoped
public class KeyPool {

    static final int SIZE = 4;
    /** How long after start-up the pool is filled: the stack is then started and idle. */
    static final long FILL_AFTER_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> file;
    private final boolean ahead;
    private final ArrayDeque<KeyPair> waiting = new ArrayDeque<>();
    private ScheduledExecutorService filler;

    @Inject
    public KeyPool(IamConfig config) {
        this(config, NativeCrypto.providerName().isEmpty());
    }

    /** @param ahead whether keys are made ahead of need (RSA in the JDK) or on the spot (native) */
    KeyPool(IamConfig config, boolean ahead) {
        this.file = config.stateDir().map(dir -> dir.resolve("key-pool").resolve("rsa.json"));
        this.ahead = ahead;
    }

    void start(@Observes StartupEvent event) {
        if (!ahead) {
            file.ifPresent(KeyPool::discard);
            return;
        }
        file.filter(Files::exists).ifPresent(this::load);
        filler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "key-pool");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        filler.schedule(this::fill, FILL_AFTER_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (filler != null) {
            filler.shutdownNow();
        }
    }

    /** A key pair no one has had: one in waiting, or a new one. */
    public KeyPair take() {
        KeyPair pair;
        synchronized (this) {
            pair = waiting.poll();
            if (pair != null) {
                save();
            }
        }
        if (filler != null && !filler.isShutdown()) {
            filler.schedule(this::fill, FILL_AFTER_SECONDS, TimeUnit.SECONDS);
        }
        return pair != null ? pair : Certificates.newRsaKeyPair();
    }

    synchronized int waiting() {
        return waiting.size();
    }

    void fill() {
        while (true) {
            synchronized (this) {
                if (waiting.size() >= SIZE) {
                    return;
                }
            }
            KeyPair pair = Certificates.newRsaKeyPair();
            synchronized (this) {
                waiting.add(pair);
                save();
            }
        }
    }

    private void load(Path from) {
        try {
            for (String pem : JSON.readValue(from.toFile(), new TypeReference<List<String>>() { })) {
                waiting.add(pair(Certificates.readPkcs8Pem(pem)));
            }
        } catch (IOException | RuntimeException | GeneralSecurityException e) {
            Log.warnf("IAM's keys in waiting (%s) are unreadable; new ones will be made: %s", from, e.getMessage());
            waiting.clear();
        }
    }

    /** Written whole, then moved into place: the file is always a complete list. */
    private void save() {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), waiting.stream().map(p -> Certificates.pkcs8Pem(p.getPrivate())).toList());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Log.warnf("cannot keep IAM's keys in waiting in %s: %s", target, e.getMessage());
        }
    }

    /** Keys left waiting by a start that made them ahead: handed out by no one now, so not kept. */
    private static void discard(Path stale) {
        try {
            Files.deleteIfExists(stale);
        } catch (IOException e) {
            Log.warnf("cannot remove IAM's former keys in waiting (%s): %s", stale, e.getMessage());
        }
    }

    private static KeyPair pair(PrivateKey key) throws GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        return new KeyPair(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), key);
    }
}
