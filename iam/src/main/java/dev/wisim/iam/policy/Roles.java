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

    private static final Set<String> POOL_READ = Set.of("iam.workloadIdentityPools.get", "iam.workloadIdentityPools.list",
            "iam.workloadIdentityPoolProviders.get", "iam.workloadIdentityPoolProviders.list");
    private static final Set<String> POOL_ADMIN = union(POOL_READ, Set.of("iam.workloadIdentityPools.create",
            "iam.workloadIdentityPools.update", "iam.workloadIdentityPools.delete", "iam.workloadIdentityPools.undelete",
            "iam.workloadIdentityPoolProviders.create", "iam.workloadIdentityPoolProviders.update",
            "iam.workloadIdentityPoolProviders.delete", "iam.workloadIdentityPoolProviders.undelete"));

    private static final Map<String, Set<String>> PERMISSIONS = Map.ofEntries(
            Map.entry("roles/owner", union(POOL_ADMIN, union(SA_ADMIN, union(KEY_ADMIN, Set.of("iam.serviceAccounts.actAs",
                    "resourcemanager.projects.get", "resourcemanager.projects.getIamPolicy",
                    "resourcemanager.projects.setIamPolicy", "resourcemanager.projects.delete"))))),
            Map.entry("roles/editor", union(POOL_ADMIN, union(KEY_ADMIN, Set.of("iam.serviceAccounts.create", "iam.serviceAccounts.delete", "iam.serviceAccounts.get",
                    "iam.serviceAccounts.list", "iam.serviceAccounts.update", "iam.serviceAccounts.actAs",
                    "iam.serviceAccounts.disable", "iam.serviceAccounts.enable", "iam.serviceAccounts.undelete",
                    "iam.serviceAccounts.getIamPolicy", "resourcemanager.projects.get", "resourcemanager.projects.getIamPolicy")))),
            Map.entry("roles/viewer", union(POOL_READ, union(SA_READ, Set.of("iam.serviceAccounts.getIamPolicy", "iam.serviceAccountKeys.get",
                    "iam.serviceAccountKeys.list", "resourcemanager.projects.get", "resourcemanager.projects.getIamPolicy")))),
            Map.entry("roles/iam.serviceAccountAdmin", SA_ADMIN),
            Map.entry("roles/iam.serviceAccountKeyAdmin", union(SA_READ, union(KEY_ADMIN, Set.of("resourcemanager.projects.get",
                    "resourcemanager.projects.list")))),
            Map.entry("roles/iam.workloadIdentityPoolAdmin", union(POOL_ADMIN, Set.of("resourcemanager.projects.get",
                    "resourcemanager.projects.list"))),
            Map.entry("roles/iam.workloadIdentityPoolViewer", POOL_READ),
            Map.entry("roles/iam.workloadIdentityUser", union(SA_READ, Set.of("iam.serviceAccounts.getAccessToken",
                    "iam.serviceAccounts.getOpenIdToken"))),
            Map.entry("roles/iam.serviceAccountTokenCreator", union(SA_READ, Set.of("iam.serviceAccounts.getAccessToken",
                    "iam.serviceAccounts.getOpenIdToken", "iam.serviceAccounts.implicitDelegation",
                    "iam.serviceAccounts.signBlob", "iam.serviceAccounts.signJwt",
                    "resourcemanager.projects.get", "resourcemanager.projects.list"))),
            Map.entry("roles/iam.serviceAccountUser", union(SA_READ, Set.of("iam.serviceAccounts.actAs",
                    "resourcemanager.projects.get", "resourcemanager.projects.list"))),
            Map.entry("roles/iam.serviceAccountOpenIdTokenCreator", Set.of("iam.serviceAccounts.getOpenIdToken")));

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
