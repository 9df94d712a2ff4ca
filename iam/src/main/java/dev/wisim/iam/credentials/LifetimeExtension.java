package dev.wisim.iam.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organisation policy constraint {@code constraints/iam.allowServiceAccountCredentialLifetimeExtension}:
 * the service accounts whose generated access tokens may live up to 12 hours instead of one.
 */
@ApplicationScoped
public class LifetimeExtension {

    public static final String CONSTRAINT = "constraints/iam.allowServiceAccountCredentialLifetimeExtension";

    private Set<String> allowed = Set.of();

    public synchronized void allow(List<String> emails) {
        allowed = Set.copyOf(new TreeSet<>(emails));
    }

    public synchronized List<String> allowed() {
        return List.copyOf(new TreeSet<>(allowed));
    }

    public synchronized boolean allows(String email) {
        return allowed.contains(email);
    }
}
