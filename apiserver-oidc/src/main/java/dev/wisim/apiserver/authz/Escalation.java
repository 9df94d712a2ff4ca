package dev.wisim.apiserver.authz;

import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.RbacKinds;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RBAC's privilege-escalation prevention: a role may grant only what its writer already holds,
 * unless the writer may {@code escalate} it; a binding may grant a role only to a writer who holds
 * the role's rules, or may {@code bind} it (which GKE's IAM grants {@code roles/container.admin}).
 */
@ApplicationScoped
public class Escalation {

    private final Authorizer authorizer;
    private final Rbac rbac;
    private final ClusterStore store;

    public Escalation(Authorizer authorizer, Rbac rbac, ClusterStore store) {
        this.authorizer = authorizer;
        this.rbac = rbac;
        this.store = store;
    }

    /** @param namespace the role's namespace, null for a ClusterRole */
    public void checkRole(User user, String resource, String namespace, String name, List<PolicyRule> rules) {
        if (authorizer.decide(Attributes.resource(user, "escalate", RbacKinds.GROUP, resource, null, namespace, name), false).allowed()) {
            return;
        }
        refuseUncovered(user, resource, namespace, name, rules == null ? List.of() : rules);
    }

    /** @param namespace the binding's namespace, null for a ClusterRoleBinding */
    public void checkBinding(User user, String resource, String namespace, String name, RoleRef ref) {
        if (ref == null || ref.getName() == null) {
            return;   // the kind's validation answers
        }
        String roleResource = "Role".equals(ref.getKind()) ? "roles" : "clusterroles";
        String roleNamespace = "Role".equals(ref.getKind()) ? namespace : null;
        if (authorizer.decide(Attributes.resource(user, "bind", RbacKinds.GROUP, roleResource, null, namespace, ref.getName()), false).allowed()) {
            return;
        }
        List<PolicyRule> granted = "Role".equals(ref.getKind())
                ? store.find(RbacKinds.ROLES, roleNamespace, ref.getName()).map(r -> r.getRules()).orElse(null)
                : store.find(RbacKinds.CLUSTER_ROLES, null, ref.getName()).map(r -> r.getRules()).orElse(null);
        if (granted == null) {
            throw KubernetesException.notFound("Role".equals(ref.getKind()) ? RbacKinds.ROLES : RbacKinds.CLUSTER_ROLES, ref.getName());
        }
        refuseUncovered(user, resource, namespace, name, granted);
    }

    private void refuseUncovered(User user, String resource, String namespace, String name, List<PolicyRule> rules) {
        List<PolicyRule> held = rbac.rulesFor(user, namespace).rules();
        List<String> missing = new ArrayList<>();
        for (PolicyRule rule : rules) {
            for (Attributes atom : atoms(user, rule, namespace)) {
                if (held.stream().noneMatch(h -> RuleMatch.allows(h, atom))) {
                    missing.add(describe(atom));
                }
            }
        }
        if (!missing.isEmpty()) {
            String groups = String.join(" ", user.groups().stream().map(g -> "\"" + g + "\"").toList());
            throw KubernetesException.forbidden(resource + "." + RbacKinds.GROUP + " \"" + name + "\" is forbidden: user \"" + user.username()
                    + "\" (groups=[" + groups + "]) is attempting to grant RBAC permissions not currently held:\n"
                    + String.join("\n", missing), java.util.Map.of("name", name, "group", RbacKinds.GROUP, "kind", resource));
        }
    }

    /** A rule broken into single (verb, group, resource, name) or (verb, URL) requests. */
    private static List<Attributes> atoms(User user, PolicyRule rule, String namespace) {
        List<Attributes> atoms = new ArrayList<>();
        for (String verb : Optional.ofNullable(rule.getVerbs()).orElse(List.of())) {
            for (String url : Optional.ofNullable(rule.getNonResourceURLs()).orElse(List.of())) {
                atoms.add(Attributes.nonResource(user, verb, url));
            }
            for (String group : Optional.ofNullable(rule.getApiGroups()).orElse(List.of())) {
                for (String resource : Optional.ofNullable(rule.getResources()).orElse(List.of())) {
                    String[] parts = resource.split("/", 2);
                    List<String> names = Optional.ofNullable(rule.getResourceNames()).filter(n -> !n.isEmpty())
                            .orElse(java.util.Collections.singletonList(null));
                    for (String name : names) {
                        atoms.add(new Attributes(user, verb, group, parts[0], parts.length > 1 ? parts[1] : "", namespace, name, null));
                    }
                }
            }
        }
        return atoms;
    }

    private static String describe(Attributes atom) {
        if (!atom.resourceRequest()) {
            return "{NonResourceURLs:[\"" + atom.path() + "\"], Verbs:[\"" + atom.verb() + "\"]}";
        }
        return "{APIGroups:[\"" + atom.group() + "\"], Resources:[\"" + atom.resourceAndSubresource() + "\"]"
                + (atom.name() == null ? "" : ", ResourceNames:[\"" + atom.name() + "\"]") + ", Verbs:[\"" + atom.verb() + "\"]}";
    }
}
