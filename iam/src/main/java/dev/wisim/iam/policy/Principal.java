package dev.wisim.iam.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a caller is, and every policy member that names them: a service account or user by email, or
 * a federated workload by its principal, the principal sets it belongs to and, for GKE's workload
 * pools, the legacy {@code serviceAccount:P.svc.id.goog[NS/KSA]} form.
 *
 * @param email set for Google accounts (service accounts, users), null for federated principals
 */
public record Principal(String canonical, String email, Set<String> members) {

    public static Principal serviceAccount(String email) {
        return new Principal("serviceAccount:" + email, email, Set.of("serviceAccount:" + email, "allAuthenticatedUsers", "allUsers"));
    }

    public static Principal user(String email) {
        return new Principal("user:" + email, email, Set.of("user:" + email, "allAuthenticatedUsers", "allUsers"));
    }

    /**
     * @param principal     {@code principal://iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/POOL/subject/S}
     * @param principalSets the {@code principalSet://…} members the federated token lists
     */
    public static Principal federated(String principal, List<String> principalSets) {
        Set<String> members = new LinkedHashSet<>();
        members.add(principal);
        members.addAll(principalSets);
        legacyWorkloadIdentityMember(principal).ifPresent(members::add);
        members.add("allAuthenticatedUsers");
        members.add("allUsers");
        return new Principal(principal, null, Set.copyOf(members));
    }

    /** {@code …/workloadIdentityPools/P.svc.id.goog/subject/ns/NS/sa/KSA} ≡ {@code serviceAccount:P.svc.id.goog[NS/KSA]}. */
    static java.util.Optional<String> legacyWorkloadIdentityMember(String principal) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("principal://iam\\.googleapis\\.com/projects/\\d+/locations/global/workloadIdentityPools/"
                        + "([^/]+\\.svc\\.id\\.goog)/subject/ns/([^/]+)/sa/([^/]+)")
                .matcher(principal);
        return m.matches()
                ? java.util.Optional.of("serviceAccount:" + m.group(1) + "[" + m.group(2) + "/" + m.group(3) + "]")
                : java.util.Optional.empty();
    }

    public boolean isNamedBy(String member) {
        return members.contains(member);
    }
}
