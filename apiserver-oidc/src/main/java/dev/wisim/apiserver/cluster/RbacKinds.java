package dev.wisim.apiserver.cluster;

import dev.wisim.apiserver.cluster.KubernetesException.Cause;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code rbac.authorization.k8s.io/v1}: Role, ClusterRole, RoleBinding, ClusterRoleBinding, with kube-apiserver's validation. */
public final class RbacKinds {

    public static final String GROUP = "rbac.authorization.k8s.io";

    public static final Kind<Role> ROLES = new RbacKind<>("roles", "Role", Role.class, true) {
        @Override
        Role copy(Role object) {
            return new RoleBuilder(object).build();
        }

        @Override
        void prepare(Role role, ClusterStore store, boolean dryRun) {
            checkRules("Role", role.getMetadata().getName(), role.getRules(), false);
        }

        @Override
        void keep(Role current, Role updated) {
            checkRules("Role", updated.getMetadata().getName(), updated.getRules(), false);
        }
    };

    public static final Kind<ClusterRole> CLUSTER_ROLES = new RbacKind<>("clusterroles", "ClusterRole", ClusterRole.class, false) {
        @Override
        ClusterRole copy(ClusterRole object) {
            return new ClusterRoleBuilder(object).build();
        }

        @Override
        void prepare(ClusterRole role, ClusterStore store, boolean dryRun) {
            checkRules("ClusterRole", role.getMetadata().getName(), role.getRules(), true);
        }

        @Override
        void keep(ClusterRole current, ClusterRole updated) {
            checkRules("ClusterRole", updated.getMetadata().getName(), updated.getRules(), true);
        }
    };

    public static final Kind<RoleBinding> ROLE_BINDINGS = new RbacKind<>("rolebindings", "RoleBinding", RoleBinding.class, true) {
        @Override
        RoleBinding copy(RoleBinding object) {
            return new RoleBindingBuilder(object).build();
        }

        @Override
        void prepare(RoleBinding binding, ClusterStore store, boolean dryRun) {
            checkBinding("RoleBinding", binding.getMetadata().getName(), binding.getRoleRef(), binding.getSubjects(), true);
        }

        @Override
        void keep(RoleBinding current, RoleBinding updated) {
            checkBinding("RoleBinding", updated.getMetadata().getName(), updated.getRoleRef(), updated.getSubjects(), true);
            keepRoleRef("RoleBinding", updated.getMetadata().getName(), current.getRoleRef(), updated.getRoleRef());
        }
    };

    public static final Kind<ClusterRoleBinding> CLUSTER_ROLE_BINDINGS = new RbacKind<>("clusterrolebindings", "ClusterRoleBinding",
            ClusterRoleBinding.class, false) {
        @Override
        ClusterRoleBinding copy(ClusterRoleBinding object) {
            return new ClusterRoleBindingBuilder(object).build();
        }

        @Override
        void prepare(ClusterRoleBinding binding, ClusterStore store, boolean dryRun) {
            checkBinding("ClusterRoleBinding", binding.getMetadata().getName(), binding.getRoleRef(), binding.getSubjects(), false);
        }

        @Override
        void keep(ClusterRoleBinding current, ClusterRoleBinding updated) {
            checkBinding("ClusterRoleBinding", updated.getMetadata().getName(), updated.getRoleRef(), updated.getSubjects(), false);
            keepRoleRef("ClusterRoleBinding", updated.getMetadata().getName(), current.getRoleRef(), updated.getRoleRef());
        }
    };

    private static final Map<String, Kind<?>> BY_RESOURCE = Map.of(ROLES.resource(), ROLES, CLUSTER_ROLES.resource(), CLUSTER_ROLES,
            ROLE_BINDINGS.resource(), ROLE_BINDINGS, CLUSTER_ROLE_BINDINGS.resource(), CLUSTER_ROLE_BINDINGS);

    /** Every RBAC kind, in the order they are loaded at start. */
    public static final List<Kind<?>> ALL = List.of(CLUSTER_ROLES, CLUSTER_ROLE_BINDINGS, ROLES, ROLE_BINDINGS);

    private RbacKinds() {
    }

    /** An RBAC kind: in the RBAC group, named by any path segment ({@code system:basic-user}), not a DNS name. */
    private abstract static class RbacKind<T extends io.fabric8.kubernetes.api.model.HasMetadata> extends Kind<T> {

        RbacKind(String resource, String kind, Class<T> type, boolean namespaced) {
            super(resource, kind, type, namespaced, GROUP);
        }

        @Override
        Optional<Cause> checkName(String name) {
            return Names.checkPathSegment(name);
        }
    }

    /** The RBAC kind served under a resource name; 404 with kube-apiserver's text otherwise. */
    public static Kind<?> byResource(String resource) {
        Kind<?> kind = BY_RESOURCE.get(resource);
        if (kind == null) {
            throw KubernetesException.resourceNotFound();
        }
        return kind;
    }

    private static void checkRules(String kind, String name, List<PolicyRule> rules, boolean clusterScoped) {
        List<Cause> causes = new ArrayList<>();
        List<PolicyRule> all = rules == null ? List.of() : rules;
        for (int i = 0; i < all.size(); i++) {
            PolicyRule rule = all.get(i);
            String field = "rules[" + i + "]";
            if (rule.getVerbs() == null || rule.getVerbs().isEmpty()) {
                causes.add(Cause.required(field + ".verbs", "verbs must contain at least one value"));
            }
            boolean nonResource = rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty();
            boolean resource = rule.getResources() != null && !rule.getResources().isEmpty();
            if (nonResource && !clusterScoped) {
                causes.add(Cause.invalidValue(field + ".nonResourceURLs", rule.getNonResourceURLs(),
                        "namespaced rules cannot apply to non-resource URLs"));
            } else if (nonResource && resource) {
                causes.add(Cause.invalidValue(field + ".nonResourceURLs", rule.getNonResourceURLs(),
                        "rules cannot apply to both regular resources and non-resource URLs"));
            } else if (!nonResource && (rule.getApiGroups() == null || rule.getApiGroups().isEmpty())) {
                causes.add(Cause.required(field + ".apiGroups", "resource rules must supply at least one api group"));
            } else if (!nonResource && !resource) {
                causes.add(Cause.required(field + ".resources", "resource rules must supply at least one resource"));
            }
        }
        if (!causes.isEmpty()) {
            throw KubernetesException.invalid(kind, GROUP, name, causes);
        }
    }

    private static void checkBinding(String kind, String name, RoleRef ref, List<Subject> subjects, boolean namespaced) {
        List<Cause> causes = new ArrayList<>();
        if (ref == null || ref.getName() == null || ref.getName().isEmpty()) {
            causes.add(Cause.required("roleRef.name", null));
        }
        if (ref != null && !GROUP.equals(ref.getApiGroup())) {
            causes.add(Cause.notSupported("roleRef.apiGroup", ref.getApiGroup(), List.of(GROUP)));
        }
        List<String> kinds = namespaced ? List.of("Role", "ClusterRole") : List.of("ClusterRole");
        if (ref != null && !kinds.contains(ref.getKind())) {
            causes.add(Cause.notSupported("roleRef.kind", ref.getKind(), kinds));
        }
        List<Subject> all = subjects == null ? List.of() : subjects;
        for (int i = 0; i < all.size(); i++) {
            Subject subject = all.get(i);
            String field = "subjects[" + i + "]";
            if (subject.getName() == null || subject.getName().isEmpty()) {
                causes.add(Cause.required(field + ".name", null));
            }
            switch (Objects.toString(subject.getKind(), "")) {
                case "ServiceAccount" -> {
                    if (subject.getApiGroup() != null && !subject.getApiGroup().isEmpty()) {
                        causes.add(Cause.notSupported(field + ".apiGroup", subject.getApiGroup(), List.of("")));
                    }
                    if (!namespaced && (subject.getNamespace() == null || subject.getNamespace().isEmpty())) {
                        causes.add(Cause.required(field + ".namespace", null));
                    }
                }
                case "User", "Group" -> {
                    if (!GROUP.equals(subject.getApiGroup())) {
                        causes.add(Cause.notSupported(field + ".apiGroup", subject.getApiGroup(), List.of(GROUP)));
                    }
                }
                default -> causes.add(Cause.notSupported(field + ".kind", subject.getKind(), List.of("ServiceAccount", "User", "Group")));
            }
        }
        if (!causes.isEmpty()) {
            throw KubernetesException.invalid(kind, GROUP, name, causes);
        }
    }

    /** A binding's roleRef is immutable: to change it, delete the binding and create another. */
    private static void keepRoleRef(String kind, String name, RoleRef current, RoleRef updated) {
        if (!Objects.equals(current, updated)) {
            throw KubernetesException.invalid(kind, GROUP, name, Cause.invalidValue("roleRef", updated, "cannot change roleRef"));
        }
    }
}
