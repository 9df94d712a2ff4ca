package dev.wisim.storage.auth;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is calling, as bucket policies name them.
 *
 * @param rendered how Google renders the caller in denials: an email, a principal, or null when anonymous
 */
public record Caller(String rendered, Set<String> members, Instant trustedUntil) {

    private static final Pattern GKE_PRINCIPAL = Pattern.compile(
            "principal://iam\\.googleapis\\.com/(projects/\\d+/locations/global/workloadIdentityPools/([^/]+))/subject/(.+)");

    public static Caller anonymous() {
        return new Caller(null, Set.of("allUsers"), Instant.MAX);
    }

    /** A service account or user: {@code serviceAccount:} for service-account emails, {@code user:} otherwise. */
    public static Caller google(String email, Instant until) {
        String kind = email.endsWith(".gserviceaccount.com") ? "serviceAccount:" : "user:";
        return new Caller(email, Set.of(kind + email, "allAuthenticatedUsers", "allUsers"), until);
    }

    /**
     * A federated workload: its principal, the principal sets of its pool that cover it, and for
     * GKE's pools the legacy {@code serviceAccount:POOL[NS/KSA]} form.
     */
    public static Caller federated(String principal, Instant until) {
        Set<String> members = new LinkedHashSet<>();
        members.add(principal);
        Matcher m = GKE_PRINCIPAL.matcher(principal);
        if (m.matches()) {
            String poolPath = "principalSet://iam.googleapis.com/" + m.group(1);
            members.add(poolPath + "/*");
            Matcher ksa = Pattern.compile("ns/([^/]+)/sa/([^/]+)").matcher(m.group(3));
            if (ksa.matches()) {
                members.add(poolPath + "/namespace/" + ksa.group(1));
                if (m.group(2).endsWith(".svc.id.goog")) {
                    members.add("serviceAccount:" + m.group(2) + "[" + ksa.group(1) + "/" + ksa.group(2) + "]");
                }
            }
        }
        members.add("allAuthenticatedUsers");
        members.add("allUsers");
        return new Caller(principal, Set.copyOf(members), until);
    }

    public boolean anonymousCaller() {
        return rendered == null;
    }
}
