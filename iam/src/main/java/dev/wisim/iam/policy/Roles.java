package dev.wisim.iam.policy;

import java.util.Map;
import java.util.Set;

/** The predefined roles this world uses, with the permissions of Google's predefined-roles reference that matter here. */
public final class Roles {

    private static final Set<String> SA_READ = Set.of("iam.serviceAccounts.get", "iam.serviceAccounts.list");
    private static final Set<String> SA_ADMIN = Set.of("iam.serviceAccounts.create", "iam.serviceAccounts.delete",
            "iam.serviceAccounts.get", "iam.serviceAccounts.list", "iam.serviceAccounts.update",
            "iam.serviceAccounts.disable", "iam.serviceAccounts.enable", "iam.serviceAccounts.undelete",
            "iam.serviceAccounts.getIamPolicy", "iam.serviceAccounts.setIamPolicy");

    private static final Set<String> KEY_ADMIN = Set.of("iam.serviceAccountKeys.create", "iam.serviceAccountKeys.delete",
            "iam.serviceAccountKeys.disable", "iam.serviceAccountKeys.enable", "iam.serviceAccountKeys.get",
            "iam.serviceAccountKeys.list");

    private static final Map<String, Set<String>> PERMISSIONS = Map.of(
            "roles/owner", union(SA_ADMIN, union(KEY_ADMIN, Set.of("iam.serviceAccounts.actAs",
                    "resourcemanager.projects.get", "resourcemanager.projects.getIamPolicy",
                    "resourcemanager.projects.setIamPolicy", "resourcemanager.projects.delete"))),
            "roles/editor", union(KEY_ADMIN, Set.of("iam.serviceAccounts.create", "iam.serviceAccounts.delete", "iam.serviceAccounts.get",
                    "iam.serviceAccounts.list", "iam.serviceAccounts.update", "iam.serviceAccounts.actAs",
                    "iam.serviceAccounts.disable", "iam.serviceAccounts.enable", "iam.serviceAccounts.undelete",
                    "iam.serviceAccounts.getIamPolicy", "resourcemanager.projects.get", "resourcemanager.projects.getIamPolicy")),
            "roles/viewer", union(SA_READ, Set.of("iam.serviceAccounts.getIamPolicy", "iam.serviceAccountKeys.get",
                    "iam.serviceAccountKeys.list", "resourcemanager.projects.get", "resourcemanager.projects.getIamPolicy")),
            "roles/iam.serviceAccountAdmin", SA_ADMIN,
            "roles/iam.serviceAccountKeyAdmin", union(SA_READ, union(KEY_ADMIN, Set.of("resourcemanager.projects.get",
                    "resourcemanager.projects.list"))),
            "roles/iam.workloadIdentityUser", union(SA_READ, Set.of("iam.serviceAccounts.getAccessToken",
                    "iam.serviceAccounts.getOpenIdToken")),
            "roles/iam.serviceAccountTokenCreator", union(SA_READ, Set.of("iam.serviceAccounts.getAccessToken",
                    "iam.serviceAccounts.getOpenIdToken", "iam.serviceAccounts.implicitDelegation",
                    "iam.serviceAccounts.signBlob", "iam.serviceAccounts.signJwt",
                    "resourcemanager.projects.get", "resourcemanager.projects.list")),
            "roles/iam.serviceAccountUser", union(SA_READ, Set.of("iam.serviceAccounts.actAs",
                    "resourcemanager.projects.get", "resourcemanager.projects.list")),
            "roles/iam.serviceAccountOpenIdTokenCreator", Set.of("iam.serviceAccounts.getOpenIdToken"));

    private Roles() {
    }

    public static Set<String> permissions(String role) {
        return role == null ? Set.of() : PERMISSIONS.getOrDefault(role, Set.of());
    }

    public static boolean grants(String role, String permission) {
        return role != null && permission != null && permissions(role).contains(permission);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
