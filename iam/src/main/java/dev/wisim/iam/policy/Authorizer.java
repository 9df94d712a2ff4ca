package dev.wisim.iam.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Decides a permission for a principal on a resource, over the resource's policy and the policies it
 * inherits (a service account inherits its project's). Conditional bindings do not grant yet.
 */
@ApplicationScoped
public class Authorizer {

    private final PolicyStore policies;

    public Authorizer(PolicyStore policies) {
        this.policies = policies;
    }

    /** @param hierarchy resource names, most specific first, e.g. the service account then its project */
    public boolean allowed(Principal principal, String permission, List<String> hierarchy) {
        for (String resource : hierarchy) {
            for (Policy.Binding binding : policies.get(resource).bindingsOrEmpty()) {
                if (binding.condition() == null && Roles.grants(binding.role(), permission)
                        && binding.membersOrEmpty().stream().anyMatch(principal::isNamedBy)) {
                    return true;
                }
            }
        }
        return false;
    }
}
