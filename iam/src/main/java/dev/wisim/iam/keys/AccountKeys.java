package dev.wisim.iam.keys;

import dev.wisim.durable.StateDb;
import dev.wisim.iam.rest.IamException;
import dev.wisim.jose.Certificates;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of every service account: user-managed keys (created with a key file, or uploaded) and
 * the one system-managed key IAM signs blobs and JWTs with, created when first needed. Key ids are
 * 40 hex digits, as Google's.
 */
@ApplicationScoped
public class AccountKeys {

    /** Google's limit of user-managed keys per service account. */
    static final int MAX_USER_KEYS = 10;
    /** A created key never expires: Google's "9999-12-31T23:59:59Z". */
    static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");
    static final Duration SYSTEM_KEY_LIFETIME = Duration.ofDays(14);

    /** Each account's keys, oldest first; a list is written whole, so it is replaced, never changed in place. */
    private final Map<String, List<AccountKey>> byEmail;
    private final Clock clock;
    private final KeyPool pool;

    public AccountKeys(Clock clock, KeyPool pool, StateDb db) {
        this.clock = clock;
        this.pool = pool;
        this.byEmail = db.map("accountKeys", db.json().getTypeFactory().constructCollectionType(List.class, AccountKey.class),
                new HashMap<>());
    }

    /** A key that was just created, with the private half the caller receives once. */
    public record Created(AccountKey key, KeyPair pair) {
    }

    public Created createUserKey(String email) {
        synchronized (this) {
            if (userKeys(email) >= MAX_USER_KEYS) {
                throw IamException.failedPrecondition("Precondition check failed.");
            }
        }
        KeyPair pair = pool.take();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate certificate = Certificates.selfSigned(pair.getPublic(), pair.getPrivate(), email, now, NO_EXPIRY);
        AccountKey key = new AccountKey(email, keyId(pair.getPublic()), AccountKey.Type.USER_MANAGED, "GOOGLE_PROVIDED",
                pair.getPublic(), null, certificate, now, NO_EXPIRY, false);
        add(key);
        return new Created(key, pair);
    }

    /** Registers a certificate the user made; IAM never sees its private key. */
    public AccountKey upload(String email, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        if (!"RSA".equals(publicKey.getAlgorithm())) {
            throw IamException.invalidArgument("The public key data must be an RSA X.509 certificate in PEM format.");
        }
        String id = keyId(publicKey);
        synchronized (this) {
            if (find(email, id).isPresent()) {
                throw IamException.alreadyExists("The key already exists.", null);
            }
            if (userKeys(email) >= MAX_USER_KEYS) {
                throw IamException.failedPrecondition("Precondition check failed.");
            }
        }
        AccountKey key = new AccountKey(email, id, AccountKey.Type.USER_MANAGED, "USER_PROVIDED", publicKey, null, certificate,
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), false);
        add(key);
        return key;
    }

    /** The key IAM signs with for the account, made (or renewed) when needed. */
    public AccountKey systemKey(String email) {
        Instant now = clock.instant();
        synchronized (this) {
            Optional<AccountKey> current = keys(email).stream()
                    .filter(k -> k.type() == AccountKey.Type.SYSTEM_MANAGED && k.usableAt(now.plus(Duration.ofHours(12))))
                    .reduce((a, b) -> b);
            if (current.isPresent()) {
                return current.get();
            }
        }
        KeyPair pair = pool.take();
        Instant from = now.truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.plus(SYSTEM_KEY_LIFETIME);
        AccountKey key = new AccountKey(email, keyId(pair.getPublic()), AccountKey.Type.SYSTEM_MANAGED, "GOOGLE_PROVIDED",
                pair.getPublic(), pair.getPrivate(),
                Certificates.selfSigned(pair.getPublic(), pair.getPrivate(), email, from, until), from, until, false);
        add(key);
        return key;
    }

    public synchronized List<AccountKey> list(String email) {
        return List.copyOf(keys(email));
    }

    public synchronized Optional<AccountKey> find(String email, String keyId) {
        return keys(email).stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /** The keys a token or signature of the account may be verified with now: enabled and within their validity. */
    public synchronized List<AccountKey> verificationKeys(String email) {
        Instant now = clock.instant();
        return keys(email).stream().filter(k -> k.usableAt(now)).toList();
    }

    public synchronized AccountKey setDisabled(String email, String keyId, boolean disabled) {
        List<AccountKey> keys = new ArrayList<>(keys(email));
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).keyId().equals(keyId)) {
                keys.set(i, keys.get(i).withDisabled(disabled));
                byEmail.put(email, List.copyOf(keys));
                return keys.get(i);
            }
        }
        throw unknownKey(keyId);
    }

    public synchronized void delete(String email, String keyId) {
        List<AccountKey> keys = new ArrayList<>(keys(email));
        if (!keys.removeIf(k -> k.keyId().equals(keyId))) {
            throw unknownKey(keyId);
        }
        byEmail.put(email, List.copyOf(keys));
    }

    /** The account is gone: so are its keys. */
    public synchronized void forget(String email) {
        byEmail.remove(email);
    }

    public static IamException unknownKey(String keyId) {
        return IamException.notFound("Service account key " + keyId + " does not exist.");
    }

    private synchronized void add(AccountKey key) {
        List<AccountKey> keys = new ArrayList<>(keys(key.email()));
        keys.add(key);
        byEmail.put(key.email(), List.copyOf(keys));
    }

    private List<AccountKey> keys(String email) {
        return byEmail.getOrDefault(email, List.of());
    }

    private long userKeys(String email) {
        return keys(email).stream().filter(k -> k.type() == AccountKey.Type.USER_MANAGED).count();
    }

    static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JRE", e);
        }
    }
}
