package dev.wisim.iam.project;

import dev.wisim.iam.policy.Authorizer;
import dev.wisim.iam.policy.Policy;
import dev.wisim.iam.policy.PolicyStore;
import dev.wisim.iam.policy.Resource;
import dev.wisim.iam.rest.IamException;
import dev.wisim.iam.token.ResolvedToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Cloud Resource Manager v1 for projects: create, get, and the project's IAM policy. */
@ApplicationScoped
public class ProjectAdmin {

    private final Projects projects;
    private final PolicyStore policies;
    private final Authorizer authorizer;

    public ProjectAdmin(Projects projects, PolicyStore policies, Authorizer authorizer) {
        this.projects = projects;
        this.policies = policies;
        this.authorizer = authorizer;
    }

    /** Any authenticated Google account may create a project, and owns it. */
    public Project create(ResolvedToken caller, String projectId, String name, Map<String, String> labels) {
        if (caller.federated()) {
            throw IamException.permissionDenied("resourcemanager.projects.create", null);
        }
        return projects.create(projectId, name, labels, caller.principal().canonical());
    }

    public Project get(ResolvedToken caller, String project) {
        return authorized(caller, project, "resourcemanager.projects.get");
    }

    public Policy getIamPolicy(ResolvedToken caller, String project, Integer requestedVersion) {
        return policies.get(authorized(caller, project, "resourcemanager.projects.getIamPolicy").resourceName(), requestedVersion);
    }

    public Policy setIamPolicy(ResolvedToken caller, String project, Policy policy) {
        if (policy == null) {
            throw IamException.invalidArgument("Request contains an invalid argument.");
        }
        return policies.set(authorized(caller, project, "resourcemanager.projects.setIamPolicy").resourceName(), policy);
    }

    public List<String> testIamPermissions(ResolvedToken caller, String project, List<String> permissions) {
        Project found = projects.find(project).orElseThrow(() -> IamException.permissionDenied("resourcemanager.projects.get", null));
        return permissions.stream().filter(p -> authorizer.permits(caller.principal(), p, List.of(Resource.project(found.projectId())))).toList();
    }

    private Project authorized(ResolvedToken caller, String project, String permission) {
        Project found = projects.find(project).orElse(null);
        if (found == null || !authorizer.check(caller.principal(), permission, List.of(Resource.project(found.projectId())))) {
            // Resource Manager answers 403 whether or not the project exists.
            throw IamException.permissionDenied(permission, "projects/" + project);
        }
        return found;
    }
}
