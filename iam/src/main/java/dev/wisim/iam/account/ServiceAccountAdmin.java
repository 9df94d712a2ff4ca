package dev.wisim.iam.account;

import dev.wisim.iam.keys.AccountKeys;
import dev.wisim.iam.policy.Authorizer;
import dev.wisim.iam.policy.Policy;
import dev.wisim.iam.policy.PolicyStore;
import dev.wisim.iam.policy.Resource;
import dev.wisim.iam.project.Projects;
import dev.wisim.iam.rest.IamException;
import dev.wisim.iam.token.ResolvedToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The IAM admin API for service accounts and their policies, each call authorised by the caller's permissions. */
@ApplicationScoped
public class ServiceAccountAdmin {

    private final ServiceAccounts accounts;
    private final Projects projects;
    private final PolicyStore policies;
    private final Authorizer authorizer;
    private final AccountKeys keys;

    public ServiceAccountAdmin(ServiceAccounts accounts, Projects projects, PolicyStore policies, Authorizer authorizer,
                               AccountKeys keys) {
        this.accounts = accounts;
        this.projects = projects;
        this.policies = policies;
        this.authorizer = authorizer;
        this.keys = keys;
    }

    public ServiceAccount create(ResolvedToken caller, String project, String accountId, String displayName, String description) {
        String projectId = requireProject(caller, project, "iam.serviceAccounts.create");
        return accounts.create(projectId, accountId, displayName, description);
    }

    public List<ServiceAccount> list(ResolvedToken caller, String project) {
        return accounts.list(requireProject(caller, project, "iam.serviceAccounts.list"));
    }

    public ServiceAccount get(ResolvedToken caller, String project, String name) {
        return authorized(caller, project, name, "iam.serviceAccounts.get");
    }

    public ServiceAccount update(ResolvedToken caller, String project, String name, String displayName, String description) {
        ServiceAccount account = authorized(caller, project, name, "iam.serviceAccounts.update");
        return accounts.update(account.email(), displayName, description);
    }

    public void delete(ResolvedToken caller, String project, String name) {
        ServiceAccount account = authorized(caller, project, name, "iam.serviceAccounts.delete");
        accounts.delete(account.email());
        policies.remove(account.resourceName());
        keys.forget(account.email());
    }

    /** {@code :undelete}, addressed by unique id: needs {@code iam.serviceAccounts.undelete} on the account's project. */
    public ServiceAccount undelete(ResolvedToken caller, String uniqueId) {
        ServiceAccount account = accounts.findDeleted(uniqueId).orElseThrow(IamException::unknownServiceAccount);
        requireProject(caller, account.projectId(), "iam.serviceAccounts.undelete");
        return accounts.undelete(uniqueId);
    }

    public ServiceAccount setDisabled(ResolvedToken caller, String project, String name, boolean disabled) {
        ServiceAccount account = authorized(caller, project, name, disabled ? "iam.serviceAccounts.disable" : "iam.serviceAccounts.enable");
        return accounts.setDisabled(account.email(), disabled);
    }

    public Policy getIamPolicy(ResolvedToken caller, String project, String name, Integer requestedVersion) {
        return policies.get(authorized(caller, project, name, "iam.serviceAccounts.getIamPolicy").resourceName(), requestedVersion);
    }

    public Policy setIamPolicy(ResolvedToken caller, String project, String name, Policy policy) {
        if (policy == null) {
            throw IamException.invalidArgument("Request contains an invalid argument.");
        }
        return policies.set(authorized(caller, project, name, "iam.serviceAccounts.setIamPolicy").resourceName(), policy);
    }

    /** The subset of {@code permissions} the caller holds on the account; asking needs no permission. */
    public List<String> testIamPermissions(ResolvedToken caller, String project, String name, List<String> permissions) {
        ServiceAccount account = accounts.find(project, name).orElseThrow(IamException::unknownServiceAccount);
        return permissions.stream()
                .filter(p -> authorizer.permits(caller.principal(), p, hierarchy(account)))
                .toList();
    }

    /** A service account's policy hierarchy: the account, then its project. */
    public static List<Resource> hierarchy(ServiceAccount account) {
        return List.of(Resource.serviceAccount(account.projectId(), account.email(), account.uniqueId()),
                Resource.project(account.projectId()));
    }

    /** The account, if the caller holds {@code permission} on it (403 otherwise, 404 if there is no such account). */
    public ServiceAccount authorized(ResolvedToken caller, String project, String name, String permission) {
        ServiceAccount account = accounts.find(project, name).orElseThrow(IamException::unknownServiceAccount);
        if (!authorizer.check(caller.principal(), permission, hierarchy(account))) {
            throw IamException.permissionDenied(permission, account.resourceName());
        }
        return account;
    }

    private String requireProject(ResolvedToken caller, String project, String permission) {
        String projectId = projects.find(project).map(p -> p.projectId()).orElse(null);
        if (projectId == null || !authorizer.check(caller.principal(), permission, List.of(Resource.project(projectId)))) {
            throw IamException.permissionDenied(permission, "projects/" + project);
        }
        return projectId;
    }
}
