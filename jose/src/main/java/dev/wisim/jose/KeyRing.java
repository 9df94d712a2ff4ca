package dev.wisim.jose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * The signing keys of one issuer: exactly one active key signs, retired keys keep verifying. When
 * backed by a file (a private JWKS), keys survive restarts, so tokens stay valid across them.
 */
public final class KeyRing {

    private static final int RSA_BITS = 2048;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Clock clock;
    private final List<SigningKey> keys = new ArrayList<>();

    private KeyRing(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** A key ring that lives only as long as the process. */
    public static KeyRing inMemory(Clock clock) {
        KeyRing ring = new KeyRing(null, clock);
        ring.keys.add(ring.generate());
        return ring;
    }

    /** Loads the key ring from {@code file}, creating the file with a fresh key if it does not exist. */
    public static KeyRing loadOrCreate(Path file, Clock clock) {
        KeyRing ring = new KeyRing(file, clock);
        if (Files.exists(file)) {
            ring.keys.addAll(read(file));
            if (ring.keys.stream().noneMatch(SigningKey::active)) {
                throw new IllegalStateException("key file " + file + " holds no active key");
            }
        } else {
            ring.keys.add(ring.generate());
            ring.save();
        }
        return ring;
    }

    /**
     * A service's key ring: persisted at {@code stateDir/file} when the service has a state directory
     * (so its tokens survive a restart), in memory otherwise.
     */
    public static KeyRing forService(java.util.Optional<Path> stateDir, String file, Clock clock) {
        return stateDir.map(dir -> loadOrCreate(dir.resolve(file), clock)).orElseGet(() -> inMemory(clock));
    }

    public synchronized SigningKey active() {
        return keys.stream().filter(SigningKey::active).reduce((first, second) -> second).orElseThrow();
    }

    /** Every key that still verifies, oldest first: the active one, and retired ones while a token they signed is current. */
    public synchronized List<SigningKey> all() {
        Instant now = clock.instant();
        return keys.stream().filter(k -> k.neededAt(now)).toList();
    }

    public synchronized Optional<SigningKey> find(String kid) {
        return all().stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    /**
     * Records that {@code kid} signed a token valid until {@code expiry}. Persisted when it moves the
     * key's horizon by more than a minute, so that a restart does not forget a key still needed.
     */
    public synchronized void noteSigned(String kid, Instant expiry) {
        for (int i = 0; i < keys.size(); i++) {
            SigningKey key = keys.get(i);
            if (key.kid().equals(kid) && (key.signedUntil() == null || expiry.isAfter(key.signedUntil()))) {
                boolean persist = key.signedUntil() == null || expiry.isAfter(key.signedUntil().plusSeconds(60));
                keys.set(i, key.signedUntil(expiry));
                if (persist) {
                    save();
                }
            }
        }
    }

    /**
     * A new key signs from now on; the previous one is retired but stays in the JWKS until every token
     * it signed has expired. Keys no longer needed are dropped.
     */
    public synchronized SigningKey rotate() {
        Instant now = clock.instant();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).active()) {
                keys.set(i, keys.get(i).retire(now));
            }
        }
        keys.removeIf(k -> !k.neededAt(now));
        SigningKey fresh = generate();
        keys.add(fresh);
        save();
        return fresh;
    }

    /** {@code {"activeKid": …, "kids": […]}}: what a {@code /_sim/keys:rotate} answers. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("activeKid", active().kid());
        answer.put("kids", all().stream().map(SigningKey::kid).toList());
        return answer;
    }

    /** The public JWKS document, {@code {"keys":[…]}}, oldest key first. */
    public Map<String, Object> publicJwks() {
        return Map.of("keys", all().stream().map(SigningKey::publicJwk).toList());
    }

    private SigningKey generate() {
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(RSA_BITS, NativeCrypto.providerName().orElse(null), null);
            RSAPublicKey publicKey = jwk.getRsaPublicKey();
            return new SigningKey(Kid.of(publicKey), jwk.getRsaPrivateKey(), publicKey, clock.instant(), null, null);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private synchronized void save() {
        if (file == null) {
            return;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (SigningKey key : keys) {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key.publicKey());
            jwk.setPrivateKey(key.privateKey());
            jwk.setKeyId(key.kid());
            Map<String, Object> entry = new LinkedHashMap<>(jwk.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            entry.put("createdAt", key.createdAt().toString());
            if (key.retiredAt() != null) {
                entry.put("retiredAt", key.retiredAt().toString());
            }
            if (key.signedUntil() != null) {
                entry.put("signedUntil", key.signedUntil().toString());
            }
            entries.add(entry);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".keys", ".tmp");
            trySetOwnerOnly(tmp);
            MAPPER.writeValue(tmp.toFile(), Map.of("keys", entries));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<SigningKey> read(Path file) {
        try {
            Map<String, Object> doc = MAPPER.readValue(file.toFile(), Map.class);
            List<SigningKey> loaded = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) doc.get("keys")) {
                Map<String, Object> params = new LinkedHashMap<>(entry);
                Instant created = Instant.parse((String) params.remove("createdAt"));
                Object retired = params.remove("retiredAt");
                Object signedUntil = params.remove("signedUntil");
                RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(params);
                RSAPrivateKey privateKey = jwk.getRsaPrivateKey();
                loaded.add(new SigningKey(Kid.of(jwk.getRsaPublicKey()), privateKey, jwk.getRsaPublicKey(),
                        created, retired == null ? null : Instant.parse((String) retired),
                        signedUntil == null ? null : Instant.parse((String) signedUntil)));
            }
            return loaded;
        } catch (IOException | JoseException | RuntimeException e) {
            throw new IllegalStateException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void trySetOwnerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system; the directory's permissions apply
        }
    }
}
