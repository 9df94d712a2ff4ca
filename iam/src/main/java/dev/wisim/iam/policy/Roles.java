package dev.wisim.iam.policy;

import static dev.wisim.iam.policy.ContainerPermissions.union;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The predefined roles this world knows, with their titles and descriptions as Google's IAM roles API
 * gives them and the permissions of Google's predefined-roles reference that matter here: service
 * accounts, keys, pools, projects, and GKE's {@code container.*} ({@link ContainerPermissions}).
 */
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
    private static final Set<String> ROLE_READ = Set.of("iam.roles.get", "iam.roles.list");

    private static final Map<String, Role> CATALOG = catalog(
            new Role("roles/owner", "Owner", "Full access to most Google Cloud resources. See the list of included permissions.",
                    union(ContainerPermissions.OWNER, union(ROLE_READ, union(POOL_ADMIN, union(SA_ADMIN, union(KEY_ADMIN,
                            Set.of("iam.serviceAccounts.actAs", "resourcemanager.projects.get", "resourcemanager.projects.getIamPolicy",
                                    "resourcemanager.projects.setIamPolicy", "resourcemanager.projects.delete"))))))),
            new Role("roles/editor", "Editor",
                    "View, create, update, and delete most Google Cloud resources. See the list of included permissions.",
                    union(ContainerPermissions.EDITOR, union(ROLE_READ, union(POOL_ADMIN, union(KEY_ADMIN, Set.of(
                            "iam.serviceAccounts.create", "iam.serviceAccounts.delete", "iam.serviceAccounts.get",
                            "iam.serviceAccounts.list", "iam.serviceAccounts.update", "iam.serviceAccounts.actAs",
                            "iam.serviceAccounts.disable", "iam.serviceAccounts.enable", "iam.serviceAccounts.undelete",
                            "iam.serviceAccounts.getIamPolicy", "resourcemanager.projects.get",
                            "resourcemanager.projects.getIamPolicy")))))),
            new Role("roles/viewer", "Viewer", "View most Google Cloud resources. See the list of included permissions.",
                    union(ContainerPermissions.BASIC_VIEWER, union(ROLE_READ, union(POOL_READ, union(SA_READ, Set.of(
                            "iam.serviceAccounts.getIamPolicy", "iam.serviceAccountKeys.get", "iam.serviceAccountKeys.list",
                            "resourcemanager.projects.get", "resourcemanager.projects.getIamPolicy")))))),
            new Role("roles/container.admin", "Kubernetes Engine Admin",
                    "Full management of Kubernetes Clusters and their Kubernetes API objects.",
                    union(ContainerPermissions.ADMIN, Set.of("resourcemanager.projects.get", "resourcemanager.projects.list"))),
            new Role("roles/container.clusterAdmin", "Kubernetes Engine Cluster Admin", "Management of Kubernetes Clusters.",
                    ContainerPermissions.CLUSTER_ADMIN),
            new Role("roles/container.developer", "Kubernetes Engine Developer",
                    "Full access to Kubernetes API objects inside Kubernetes Clusters.",
                    union(ContainerPermissions.DEVELOPER, Set.of("resourcemanager.projects.get", "resourcemanager.projects.list"))),
            new Role("roles/container.viewer", "Kubernetes Engine Viewer", "Provides access to get and list GKE resources.",
                    union(ContainerPermissions.VIEWER, Set.of("resourcemanager.projects.get", "resourcemanager.projects.list"))),
            new Role("roles/container.clusterViewer", "Kubernetes Engine Cluster Viewer", "Get and list access to GKE Clusters.",
                    ContainerPermissions.CLUSTER_VIEWER),
            new Role("roles/iam.serviceAccountAdmin", "Service Account Admin", "Create and manage service accounts.", SA_ADMIN),
            new Role("roles/iam.serviceAccountKeyAdmin", "Service Account Key Admin",
                    "Create and manage (and rotate) service account keys.",
                    union(SA_READ, union(KEY_ADMIN, Set.of("resourcemanager.projects.get", "resourcemanager.projects.list")))),
            new Role("roles/iam.workloadIdentityPoolAdmin", "IAM Workload Identity Pool Admin",
                    "Provides full access to WorkloadIdentityPools.",
                    union(POOL_ADMIN, Set.of("resourcemanager.projects.get", "resourcemanager.projects.list"))),
            new Role("roles/iam.workloadIdentityPoolViewer", "IAM Workload Identity Pool Viewer",
                    "Provides read only access to WorkloadIdentityPools.", POOL_READ),
            new Role("roles/iam.workloadIdentityUser", "Workload Identity User", "Impersonate service accounts from GKE Workloads",
                    union(SA_READ, Set.of("iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.getOpenIdToken"))),
            new Role("roles/iam.serviceAccountTokenCreator", "Service Account Token Creator",
                    "Impersonate service accounts (create OAuth2 access tokens, sign blobs or JWTs, etc).",
                    union(SA_READ, Set.of("iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.getOpenIdToken",
                            "iam.serviceAccounts.implicitDelegation", "iam.serviceAccounts.signBlob", "iam.serviceAccounts.signJwt",
                            "resourcemanager.projects.get", "resourcemanager.projects.list"))),
            new Role("roles/iam.serviceAccountUser", "Service Account User", "Run operations as the service account.",
                    union(SA_READ, Set.of("iam.serviceAccounts.actAs", "resourcemanager.projects.get", "resourcemanager.projects.list"))),
            new Role("roles/iam.serviceAccountOpenIdTokenCreator", "Service Account OpenID Connect Identity Token Creator",
                    "Create OpenID Connect identity token", Set.of("iam.serviceAccounts.getOpenIdToken")),
            new Role("roles/iam.roleViewer", "Role Viewer", "Provides read access to all custom roles in the project.", ROLE_READ));

    private Roles() {
    }

    public static Optional<Role> find(String name) {
        return Optional.ofNullable(name == null ? null : CATALOG.get(name));
    }

    /** Every predefined role, by name. */
    public static Collection<Role> all() {
        return CATALOG.values();
    }

    public static Set<String> permissions(String role) {
        return find(role).map(Role::permissions).orElse(Set.of());
    }

    public static boolean grants(String role, String permission) {
        return role != null && permission != null && permissions(role).contains(permission);
    }

    private static Map<String, Role> catalog(Role... roles) {
        Map<String, Role> byName = new LinkedHashMap<>();
        List.of(roles).stream().sorted(java.util.Comparator.comparing(Role::name)).forEach(role -> byName.put(role.name(), role));
        return java.util.Collections.unmodifiableMap(byName);
    }
}
