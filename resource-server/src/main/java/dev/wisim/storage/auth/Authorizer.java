package dev.wisim.storage.auth;

import dev.wisim.storage.bucket.Bucket;
import dev.wisim.storage.bucket.BucketPolicy;
import dev.wisim.storage.rest.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Cloud Storage's IAM check: the bucket's policy and its project's policy together, with the
 * convenience members ({@code projectOwner:P}, {@code projectEditor:P}, {@code projectViewer:P})
 * resolved against the project's basic roles. Conditional bindings do not grant yet.
 */
@ApplicationScoped
public class Authorizer {

    private static final Map<String, String> CONVENIENCE = Map.of("projectOwner:", "roles/owner",
            "projectEditor:", "roles/editor", "projectViewer:", "roles/viewer");

    private final Projects projects;

    public Authorizer(Projects projects) {
        this.projects = projects;
    }

    /** @param what {@code bucket} or {@code object}, as the denial message names the resource */
    public void require(Caller caller, String permission, Bucket bucket, String what) {
        List<BucketPolicy.Binding> bindings = bucket.policy().bindingsOrEmpty();
        if (grants(caller, permission, bindings, null)) {
            return; // a member of the bucket's own policy: the project need not be read from IAM
        }
        ProjectView project = projects.find(bucket.projectId()).orElse(null);
        if (project == null || !(grants(caller, permission, bindings, project) || grantsOnProject(caller, permission, project))) {
            throw StorageException.denied(caller.rendered(), permission, what);
        }
    }

    /** A project-level permission ({@code storage.buckets.create}, {@code storage.buckets.list}). */
    public ProjectView requireOnProject(Caller caller, String permission, String projectId) {
        ProjectView project = projects.find(projectId).orElse(null);
        if (project == null || !grantsOnProject(caller, permission, project)) {
            throw StorageException.denied(caller.rendered(), permission, "project");
        }
        return project;
    }

    private static boolean grantsOnProject(Caller caller, String permission, ProjectView project) {
        return project.membersByRole().entrySet().stream()
                .anyMatch(e -> StorageRoles.grants(e.getKey(), permission) && e.getValue().stream().anyMatch(caller.members()::contains));
    }

    private static boolean grants(Caller caller, String permission, List<BucketPolicy.Binding> bindings, ProjectView project) {
        for (BucketPolicy.Binding binding : bindings) {
            if (binding.condition() != null || !StorageRoles.grants(binding.role(), permission)) {
                continue;
            }
            for (String member : binding.membersOrEmpty()) {
                if (caller.members().contains(member) || holdsConvenience(caller, member, project)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holdsConvenience(Caller caller, String member, ProjectView project) {
        if (project == null) {
            return false;
        }
        for (Map.Entry<String, String> convenience : CONVENIENCE.entrySet()) {
            if (member.startsWith(convenience.getKey()) && project.names(member.substring(convenience.getKey().length()))) {
                return project.membersByRole().getOrDefault(convenience.getValue(), List.of()).stream()
                        .anyMatch(caller.members()::contains);
            }
        }
        return false;
    }
}
