package dev.wisim.iam.policy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A predefined role as the IAM roles API describes it ({@code roles.get}). */
public record Role(String name, String title, String description, Set<String> permissions) {

    public Role {
        permissions = Set.copyOf(permissions);
    }

    /** Permissions sorted, as {@code includedPermissions} lists them. */
    public List<String> includedPermissions() {
        return List.copyOf(new TreeSet<>(permissions));
    }
}
