package dev.wisim.iam.account;

import dev.wisim.durable.StateDb;
import dev.wisim.iam.rest.IamException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Service accounts by email, addressable by email or unique id. */
@ApplicationScoped
public class ServiceAccounts {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a deleted account can be undeleted, as on Google. */
    static final Duration UNDELETE_WINDOW = Duration.ofDays(30);

    private final StateDb db;
    private final Map<String, ServiceAccount> byEmail;
    private final Map<String, Deleted> deletedByUniqueId;

    record Deleted(ServiceAccount account, Instant at) {
    }

    public ServiceAccounts(StateDb db) {
        this.db = db;
        this.byEmail = db.map("serviceAccounts", ServiceAccount.class, new TreeMap<>());
        this.deletedByUniqueId = db.map("deletedServiceAccounts", Deleted.class, new HashMap<>());
    }

    public static String emailOf(String accountId, String projectId) {
        return accountId + "@" + projectId + ".iam.gserviceaccount.com";
    }

    public synchronized ServiceAccount create(String projectId, String accountId, String displayName, String description) {
        if (accountId == null || accountId.length() < 6 || accountId.length() > 30 || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw IamException.invalidArgument("ServiceAccount ID must be between 6 and 30 characters, start with a lowercase letter,"
                    + " and consist of lowercase alphanumeric characters and dashes: " + accountId + ".");
        }
        String email = emailOf(accountId, projectId);
        if (byEmail.containsKey(email)) {
            throw IamException.alreadyExists("Service account " + accountId + " already exists within project projects/" + projectId + ".",
                    "projects/" + projectId + "/serviceAccounts/" + email);
        }
        String uniqueId = newUniqueId();
        ServiceAccount account = new ServiceAccount("projects/" + projectId + "/serviceAccounts/" + email, projectId, uniqueId,
                email, displayName, description, ServiceAccount.ETAG, uniqueId, null);
        byEmail.put(email, account);
        return account;
    }

    /** By email or unique id; {@code project} is a project id or {@code -}. */
    public synchronized Optional<ServiceAccount> find(String project, String emailOrUniqueId) {
        ServiceAccount account = byEmail.get(emailOrUniqueId);
        if (account == null) {
            account = byEmail.values().stream().filter(a -> a.uniqueId().equals(emailOrUniqueId)).findFirst().orElse(null);
        }
        if (account != null && !"-".equals(project) && !account.projectId().equals(project)) {
            return Optional.empty();
        }
        return Optional.ofNullable(account);
    }

    public synchronized List<ServiceAccount> list(String projectId) {
        return byEmail.values().stream().filter(a -> a.projectId().equals(projectId)).toList();
    }

    public synchronized ServiceAccount update(String email, String displayName, String description) {
        ServiceAccount updated = require(email).with(displayName, description);
        byEmail.put(email, updated);
        return updated;
    }

    public synchronized ServiceAccount setDisabled(String email, boolean disabled) {
        ServiceAccount updated = require(email).withDisabled(disabled);
        byEmail.put(email, updated);
        return updated;
    }

    public synchronized void delete(String email) {
        ServiceAccount removed = require(email);
        db.transaction(() -> {
            byEmail.remove(email);
            deletedByUniqueId.put(removed.uniqueId(), new Deleted(removed, Instant.now()));
        });
    }

    /** A deleted account, by unique id, if it can still be undeleted. */
    public synchronized Optional<ServiceAccount> findDeleted(String uniqueId) {
        Instant horizon = Instant.now().minus(UNDELETE_WINDOW);
        deletedByUniqueId.values().removeIf(d -> d.at().isBefore(horizon));
        return Optional.ofNullable(deletedByUniqueId.get(uniqueId)).map(Deleted::account);
    }

    /** Brings a deleted account back, unless its email has been taken again meanwhile. */
    public synchronized ServiceAccount undelete(String uniqueId) {
        ServiceAccount account = findDeleted(uniqueId).orElseThrow(IamException::unknownServiceAccount);
        if (byEmail.containsKey(account.email())) {
            throw IamException.failedPrecondition("Cannot undelete the service account: its email " + account.email()
                    + " belongs to another service account now.");
        }
        db.transaction(() -> {
            deletedByUniqueId.remove(uniqueId);
            byEmail.put(account.email(), account);
        });
        return account;
    }

    private ServiceAccount require(String email) {
        ServiceAccount account = byEmail.get(email);
        if (account == null) {
            throw IamException.unknownServiceAccount();
        }
        return account;
    }

    private String newUniqueId() {
        String id;
        do {
            StringBuilder digits = new StringBuilder("1");
            for (int i = 0; i < 20; i++) {
                digits.append(RANDOM.nextInt(10));
            }
            id = digits.toString();
        } while (find("-", id).isPresent());
        return id;
    }
}
