package dev.wisim.apiserver.authz;

import dev.wisim.apiserver.auth.User;
import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.RbacKinds;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes RBAC over the cluster's roles and bindings: every ClusterRoleBinding whose subjects
 * name the user, then (for a namespaced request) every RoleBinding of its namespace; the first rule
 * that covers the request allows it. Purely additive: no opinion otherwise, never a denial. A
 * ClusterRole with an {@code aggregationRule} also holds the rules of the cluster roles its selectors
 * match, as the aggregation controller would write them.
 */
@ApplicationScoped
public class Rbac {

    private final ClusterStore store;

    public Rbac(ClusterStore store) {
        this.store = store;
    }

    /** The rules that apply to a user in a namespace (null: cluster-wide only), and the errors met finding them. */
    public record Rules(List<PolicyRule> rules, List<String> errors) {
    }

    public Decision authorize(Attributes request) {
        User user = request.user();
        List<String> errors = new ArrayList<>();
        for (ClusterRoleBinding binding : store.list(RbacKinds.CLUSTER_ROLE_BINDINGS, null, b -> true)) {
            Optional<Subject> subject = appliesTo(binding.getSubjects(), user, null);
            if (subject.isEmpty()) {
                continue;
            }
            for (PolicyRule rule : rules(binding.getRoleRef(), null, errors, "clusterrolebinding " + binding.getMetadata().getName())) {
                if (RuleMatch.allows(rule, request)) {
                    return Decision.allow("RBAC: allowed by ClusterRoleBinding \"" + binding.getMetadata().getName() + "\" of "
                            + binding.getRoleRef().getKind() + " \"" + binding.getRoleRef().getName() + "\" to " + describe(subject.get(), null));
                }
            }
        }
        if (request.namespace() != null) {
            for (RoleBinding binding : store.list(RbacKinds.ROLE_BINDINGS, request.namespace(), b -> true)) {
                Optional<Subject> subject = appliesTo(binding.getSubjects(), user, request.namespace());
                if (subject.isEmpty()) {
                    continue;
                }
                String where = "rolebinding " + binding.getMetadata().getName() + "/" + request.namespace();
                for (PolicyRule rule : rules(binding.getRoleRef(), request.namespace(), errors, where)) {
                    if (RuleMatch.allows(rule, request)) {
                        return Decision.allow("RBAC: allowed by RoleBinding \"" + binding.getMetadata().getName() + "/"
                                + request.namespace() + "\" of " + binding.getRoleRef().getKind() + " \"" + binding.getRoleRef().getName()
                                + "\" to " + describe(subject.get(), request.namespace()));
                    }
                }
            }
        }
        return Decision.noOpinion(errors.isEmpty() ? "" : "RBAC: " + String.join(", ", errors));
    }

    /** Every rule the user holds in the namespace (cluster-wide ones included), for SelfSubjectRulesReview. */
    public Rules rulesFor(User user, String namespace) {
        List<PolicyRule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (ClusterRoleBinding binding : store.list(RbacKinds.CLUSTER_ROLE_BINDINGS, null, b -> true)) {
            if (appliesTo(binding.getSubjects(), user, null).isPresent()) {
                rules.addAll(rules(binding.getRoleRef(), null, errors, "clusterrolebinding " + binding.getMetadata().getName()));
            }
        }
        if (namespace != null && !namespace.isEmpty()) {
            for (RoleBinding binding : store.list(RbacKinds.ROLE_BINDINGS, namespace, b -> true)) {
                if (appliesTo(binding.getSubjects(), user, namespace).isPresent()) {
                    rules.addAll(rules(binding.getRoleRef(), namespace, errors,
                            "rolebinding " + binding.getMetadata().getName() + "/" + namespace));
                }
            }
        }
        return new Rules(rules, errors);
    }

    private List<PolicyRule> rules(RoleRef ref, String namespace, List<String> errors, String where) {
        if (ref == null) {
            return List.of();
        }
        if ("Role".equals(ref.getKind())) {
            if (namespace == null) {
                return List.of();
            }
            return store.find(RbacKinds.ROLES, namespace, ref.getName()).map(r -> Optional.ofNullable(r.getRules()).orElse(List.of()))
                    .orElseGet(() -> {
                        errors.add(where + ": role.rbac.authorization.k8s.io \"" + ref.getName() + "\" not found");
                        return List.of();
                    });
        }
        Optional<ClusterRole> role = store.find(RbacKinds.CLUSTER_ROLES, null, ref.getName());
        if (role.isEmpty()) {
            errors.add(where + ": clusterrole.rbac.authorization.k8s.io \"" + ref.getName() + "\" not found");
            return List.of();
        }
        return effectiveRules(role.get());
    }

    private List<PolicyRule> effectiveRules(ClusterRole role) {
        List<PolicyRule> rules = new ArrayList<>(Optional.ofNullable(role.getRules()).orElse(List.of()));
        if (role.getAggregationRule() == null || role.getAggregationRule().getClusterRoleSelectors() == null) {
            return rules;
        }
        for (var selector : role.getAggregationRule().getClusterRoleSelectors()) {
            Map<String, String> wanted = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
            if (wanted.isEmpty()) {
                continue;
            }
            for (ClusterRole other : store.list(RbacKinds.CLUSTER_ROLES, null, r -> matches(r, wanted))) {
                if (!other.getMetadata().getName().equals(role.getMetadata().getName())) {
                    rules.addAll(Optional.ofNullable(other.getRules()).orElse(List.of()));
                }
            }
        }
        return rules;
    }

    private static boolean matches(ClusterRole role, Map<String, String> wanted) {
        Map<String, String> labels = Optional.ofNullable(role.getMetadata().getLabels()).orElse(Map.of());
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** @param bindingNamespace the RoleBinding's namespace (a ServiceAccount subject without one is there), null for a ClusterRoleBinding */
    private static Optional<Subject> appliesTo(List<Subject> subjects, User user, String bindingNamespace) {
        if (subjects == null) {
            return Optional.empty();
        }
        for (Subject subject : subjects) {
            if (applies(subject, user, bindingNamespace)) {
                return Optional.of(subject);
            }
        }
        return Optional.empty();
    }

    private static boolean applies(Subject subject, User user, String bindingNamespace) {
        return switch (String.valueOf(subject.getKind())) {
            case "User" -> user.username().equals(subject.getName());
            case "Group" -> user.in(subject.getName());
            case "ServiceAccount" -> {
                String namespace = subject.getNamespace() == null || subject.getNamespace().isEmpty() ? bindingNamespace : subject.getNamespace();
                yield namespace != null && user.username().equals("system:serviceaccount:" + namespace + ":" + subject.getName());
            }
            default -> false;
        };
    }

    private static String describe(Subject subject, String bindingNamespace) {
        if ("ServiceAccount".equals(subject.getKind())) {
            String namespace = subject.getNamespace() == null || subject.getNamespace().isEmpty() ? bindingNamespace : subject.getNamespace();
            return "ServiceAccount \"" + subject.getName() + "/" + namespace + "\"";
        }
        return subject.getKind() + " \"" + subject.getName() + "\"";
    }
}
