package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.AggregationRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster roles and bindings kube-apiserver reconciles at start ({@code bootstrappolicy}), with
 * their {@code kubernetes.io/bootstrapping=rbac-defaults} label and autoupdate annotation: the
 * super-user, discovery and self-review roles for everyone signed in, the issuer documents for
 * service accounts, and the user-facing {@code admin}, {@code edit}, {@code view}, aggregated from
 * the {@code system:aggregate-to-*} roles as the aggregation controller does.
 */
final class BootstrapPolicy {

    private static final String READ = "get,list,watch";
    private static final String WRITE = "create,delete,deletecollection,patch,update";
    private static final String AGGREGATE = "rbac.authorization.k8s.io/aggregate-to-";

    private BootstrapPolicy() {
    }

    /** Creates each default role and binding that is missing (a deleted default comes back at restart, as in Kubernetes). */
    static void reconcile(ClusterStore store) {
        List<ClusterRole> roles = roles();
        for (ClusterRole role : roles) {
            if (store.find(RbacKinds.CLUSTER_ROLES, null, role.getMetadata().getName()).isEmpty()) {
                store.create(RbacKinds.CLUSTER_ROLES, null, role, false);
            }
        }
        for (ClusterRoleBinding binding : bindings()) {
            if (store.find(RbacKinds.CLUSTER_ROLE_BINDINGS, null, binding.getMetadata().getName()).isEmpty()) {
                store.create(RbacKinds.CLUSTER_ROLE_BINDINGS, null, binding, false);
            }
        }
    }

    static List<ClusterRole> roles() {
        List<ClusterRole> roles = new ArrayList<>();
        roles.add(role("cluster-admin", null, List.of(resources("*", "*", "*"), urls("*", "*"))));
        roles.add(role("system:discovery", null, List.of(urls("get",
                "/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"))));
        roles.add(role("system:public-info-viewer", null, List.of(urls("get", "/healthz", "/livez", "/readyz", "/version", "/version/"))));
        roles.add(role("system:basic-user", null, List.of(
                resources("create", "authorization.k8s.io", "selfsubjectaccessreviews", "selfsubjectrulesreviews"),
                resources("create", "authentication.k8s.io", "selfsubjectreviews"))));
        roles.add(role("system:service-account-issuer-discovery", null, List.of(urls("get",
                "/.well-known/openid-configuration", "/.well-known/openid-configuration/", "/openid/v1/jwks", "/openid/v1/jwks/"))));

        List<PolicyRule> view = List.of(
                resources(READ, "", "configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods",
                        "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"),
                resources(READ, "", "bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
                        "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"),
                resources(READ, "", "namespaces"),
                resources(READ, "discovery.k8s.io", "endpointslices"),
                resources(READ, "apps", "controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale",
                        "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets",
                        "statefulsets/scale", "statefulsets/status"),
                resources(READ, "autoscaling", "horizontalpodautoscalers", "horizontalpodautoscalers/status"),
                resources(READ, "batch", "cronjobs", "cronjobs/status", "jobs", "jobs/status"),
                resources(READ, "policy", "poddisruptionbudgets", "poddisruptionbudgets/status"),
                resources(READ, "networking.k8s.io", "ingresses", "ingresses/status", "networkpolicies"));
        List<PolicyRule> edit = List.of(
                resources(READ, "", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"),
                resources("impersonate", "", "serviceaccounts"),
                resources(WRITE, "", "pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"),
                resources("create", "", "pods/eviction"),
                resources(WRITE, "", "configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
                        "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"),
                resources("create", "", "serviceaccounts/token"),
                resources(WRITE, "apps", "daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets",
                        "replicasets/scale", "statefulsets", "statefulsets/scale"),
                resources(WRITE, "autoscaling", "horizontalpodautoscalers"),
                resources(WRITE, "batch", "cronjobs", "jobs"),
                resources(WRITE, "policy", "poddisruptionbudgets"),
                resources(WRITE, "networking.k8s.io", "ingresses", "networkpolicies"),
                resources(WRITE, "discovery.k8s.io", "endpointslices"));
        List<PolicyRule> admin = List.of(
                resources("create", "authorization.k8s.io", "localsubjectaccessreviews"),
                resources(READ + "," + WRITE, "rbac.authorization.k8s.io", "rolebindings", "roles"));
        roles.add(role("system:aggregate-to-view", Map.of(AGGREGATE + "view", "true"), view));
        roles.add(role("system:aggregate-to-edit", Map.of(AGGREGATE + "edit", "true"), edit));
        roles.add(role("system:aggregate-to-admin", Map.of(AGGREGATE + "admin", "true"), admin));

        List<PolicyRule> viewAll = view;
        List<PolicyRule> editAll = concat(edit, viewAll);
        roles.add(aggregated("view", Map.of(AGGREGATE + "edit", "true"), "view", viewAll));
        roles.add(aggregated("edit", Map.of(AGGREGATE + "admin", "true"), "edit", editAll));
        roles.add(aggregated("admin", null, "admin", concat(admin, editAll)));
        return roles;
    }

    static List<ClusterRoleBinding> bindings() {
        return List.of(
                binding("cluster-admin", "system:masters"),
                binding("system:basic-user", "system:authenticated"),
                binding("system:discovery", "system:authenticated"),
                binding("system:public-info-viewer", "system:authenticated", "system:unauthenticated"),
                binding("system:service-account-issuer-discovery", "system:serviceaccounts"));
    }

    private static ObjectMetaBuilder meta(String name, Map<String, String> labels) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("kubernetes.io/bootstrapping", "rbac-defaults");
        if (labels != null) {
            all.putAll(labels);
        }
        return new ObjectMetaBuilder().withName(name).withLabels(all)
                .withAnnotations(Map.of("rbac.authorization.kubernetes.io/autoupdate", "true"));
    }

    private static ClusterRole role(String name, Map<String, String> labels, List<PolicyRule> rules) {
        return new ClusterRoleBuilder().withMetadata(meta(name, labels).build()).withRules(rules).build();
    }

    private static ClusterRole aggregated(String name, Map<String, String> labels, String aggregateOf, List<PolicyRule> rules) {
        return new ClusterRoleBuilder().withMetadata(meta(name, labels).build()).withRules(rules)
                .withAggregationRule(new AggregationRuleBuilder().withClusterRoleSelectors(new LabelSelectorBuilder()
                        .withMatchLabels(Map.of(AGGREGATE + aggregateOf, "true")).build()).build())
                .build();
    }

    private static ClusterRoleBinding binding(String role, String... groups) {
        return new ClusterRoleBindingBuilder().withMetadata(meta(role, null).build())
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
                .withSubjects(List.of(groups).stream().map(g -> new SubjectBuilder().withApiGroup("rbac.authorization.k8s.io")
                        .withKind("Group").withName(g).build()).toList())
                .build();
    }

    private static PolicyRule resources(String verbs, String group, String... resources) {
        return new PolicyRuleBuilder().withApiGroups(group).withResources(resources).withVerbs(verbs.split(",")).build();
    }

    private static PolicyRule urls(String verbs, String... urls) {
        return new PolicyRuleBuilder().withNonResourceURLs(urls).withVerbs(verbs.split(",")).build();
    }

    private static List<PolicyRule> concat(List<PolicyRule> a, List<PolicyRule> b) {
        List<PolicyRule> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
