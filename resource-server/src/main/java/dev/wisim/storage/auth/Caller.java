package dev.wisim.storage.auth;

import java.time.Instant;
import java.util.Set;

/**
 * Who is calling, as bucket policies name them.
 *
 * @param rendered how Google renders the caller in denials: an email, a principal, or null when anonymous
 */
public record Caller(String rendered, Set<String> members, Instant trustedUntil) {

    public static Caller anonymous() {
        return new Caller(null, Set.of("allUsers"), Instant.MAX);
    }

    /** A service account or user: {@code serviceAccount:} for service-account emails, {@code user:} otherwise. */
    public static Caller google(String email, Instant until) {
        String kind = email.endsWith(".gserviceaccount.com") ? "serviceAccount:" : "user:";
        return new Caller(email, Set.of(kind + email, "allAuthenticatedUsers", "allUsers"), until);
    }

    /** A federated workload: its principal, and every member IAM says names it (principal sets, GKE's legacy form). */
    public static Caller federated(String principal, Set<String> members, Instant until) {
        return new Caller(principal, Set.copyOf(members), until);
    }

    public boolean anonymousCaller() {
        return rendered == null;
    }
}
