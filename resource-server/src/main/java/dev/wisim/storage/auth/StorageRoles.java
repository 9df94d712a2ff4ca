package dev.wisim.storage.auth;

import java.util.Map;
import java.util.Set;

/** Predefined roles and the Cloud Storage permissions they carry (bucket roles, and the basic roles on a project). */
public final class StorageRoles {

    private static final Set<String> OBJECT_ALL = Set.of("storage.objects.create", "storage.objects.delete",
            "storage.objects.get", "storage.objects.list", "storage.objects.update");
    private static final Set<String> BUCKET_ALL = Set.of("storage.buckets.create", "storage.buckets.delete",
            "storage.buckets.get", "storage.buckets.list", "storage.buckets.update",
            "storage.buckets.getIamPolicy", "storage.buckets.setIamPolicy");

    private static final Map<String, Set<String>> PERMISSIONS = Map.ofEntries(
            Map.entry("roles/storage.objectViewer", Set.of("storage.objects.get", "storage.objects.list")),
            Map.entry("roles/storage.objectCreator", Set.of("storage.objects.create")),
            Map.entry("roles/storage.objectUser", OBJECT_ALL),
            Map.entry("roles/storage.objectAdmin", union(OBJECT_ALL, Set.of("storage.objects.getIamPolicy",
                    "storage.objects.setIamPolicy"))),
            Map.entry("roles/storage.admin", union(OBJECT_ALL, BUCKET_ALL)),
            Map.entry("roles/storage.legacyBucketReader", Set.of("storage.buckets.get", "storage.objects.list")),
            Map.entry("roles/storage.legacyBucketWriter", Set.of("storage.buckets.get", "storage.objects.list",
                    "storage.objects.create", "storage.objects.delete")),
            Map.entry("roles/storage.legacyBucketOwner", Set.of("storage.buckets.get", "storage.buckets.update",
                    "storage.buckets.getIamPolicy", "storage.buckets.setIamPolicy", "storage.objects.list",
                    "storage.objects.create", "storage.objects.delete")),
            Map.entry("roles/storage.legacyObjectReader", Set.of("storage.objects.get")),
            Map.entry("roles/storage.legacyObjectOwner", Set.of("storage.objects.get", "storage.objects.update",
                    "storage.objects.getIamPolicy", "storage.objects.setIamPolicy")),
            Map.entry("roles/owner", union(OBJECT_ALL, BUCKET_ALL)),
            Map.entry("roles/editor", union(OBJECT_ALL, Set.of("storage.buckets.create", "storage.buckets.delete",
                    "storage.buckets.get", "storage.buckets.list", "storage.buckets.update"))),
            Map.entry("roles/viewer", Set.of("storage.buckets.get", "storage.buckets.list", "storage.objects.list")));

    private StorageRoles() {
    }

    public static boolean grants(String role, String permission) {
        return role != null && permission != null && PERMISSIONS.getOrDefault(role, Set.of()).contains(permission);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
