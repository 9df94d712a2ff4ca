package dev.wisim.iam.policy;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides a permission for a principal on a resource, over the resource's policy and the policies it
 * inherits (a service account inherits its project's). A binding grants when its role holds the
 * permission, one of its members names the principal, and its condition, if any, evaluates to true.
 * Every denial an API answers with 403 is logged and kept in {@link DenialLog} with its reasons.
 */
@ApplicationScoped
public class Authorizer {

    private final PolicyStore policies;
    private final Conditions conditions;
    private final DenialLog denials;
    private final Clock clock;

    public Authorizer(PolicyStore policies, Conditions conditions, DenialLog denials, Clock clock) {
        this.policies = policies;
        this.conditions = conditions;
        this.denials = denials;
        this.clock = clock;
    }

    /** A question (as testIamPermissions asks it): a "no" is not a denial and is not recorded. */
    public boolean permits(Principal principal, String permission, List<Resource> hierarchy) {
        return decide(principal, permission, hierarchy).allowed();
    }

    /** A check an API enforces: a "no" is recorded and logged with its reasons. */
    public boolean check(Principal principal, String permission, List<Resource> hierarchy) {
        Decision decision = decide(principal, permission, hierarchy);
        if (!decision.allowed()) {
            Log.infof("IAM %s", decision.summary());
            denials.record(decision);
        }
        return decision.allowed();
    }

    /** @param hierarchy the resource first, then those it inherits from */
    public Decision decide(Principal principal, String permission, List<Resource> hierarchy) {
        Instant now = clock.instant();
        List<Decision.ConsideredBinding> considered = new ArrayList<>();
        boolean allowed = false;
        for (Resource resource : hierarchy) {
            for (Policy.Binding binding : policies.get(resource.policyName()).bindingsOrEmpty()) {
                boolean roleGrants = Roles.grants(binding.role(), permission);
                boolean named = binding.membersOrEmpty().stream().anyMatch(principal::isNamedBy);
                if (!roleGrants && !named) {
                    continue;
                }
                String expression = binding.condition() == null ? null : binding.condition().expression();
                String outcome = null;
                boolean conditionHolds = true;
                if (expression != null) {
                    Conditions.Outcome evaluated = conditions.evaluate(expression, resource, now);
                    conditionHolds = evaluated.granted();
                    outcome = evaluated.error() != null ? "error: " + evaluated.error() : Boolean.toString(evaluated.granted());
                }
                considered.add(new Decision.ConsideredBinding(resource.policyName(), binding.role(), roleGrants,
                        binding.membersOrEmpty(), named, expression, outcome));
                allowed |= roleGrants && named && conditionHolds;
            }
        }
        return new Decision(now, principal.canonical(), List.copyOf(new TreeSet<>(principal.members())), permission,
                hierarchy.get(0).policyName(), allowed, considered);
    }
}
