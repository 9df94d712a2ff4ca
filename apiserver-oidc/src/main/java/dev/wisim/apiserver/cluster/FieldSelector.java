package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@code fieldSelector} terms ({@code a=b}, {@code a==b}, {@code a!=b}, comma-joined) over the fields kube-apiserver indexes. */
public final class FieldSelector {

    private static final Map<String, Function<Pod, Object>> POD_FIELDS = Map.of(
            "metadata.name", p -> p.getMetadata().getName(),
            "metadata.namespace", p -> p.getMetadata().getNamespace(),
            "spec.nodeName", p -> p.getSpec().getNodeName(),
            "spec.serviceAccountName", p -> p.getSpec().getServiceAccountName(),
            "spec.hostNetwork", p -> Boolean.TRUE.equals(p.getSpec().getHostNetwork()),
            "spec.restartPolicy", p -> p.getSpec().getRestartPolicy(),
            "status.phase", p -> p.getStatus().getPhase(),
            "status.podIP", p -> p.getStatus().getPodIP());
    private static final Map<String, Function<ServiceAccount, Object>> SERVICE_ACCOUNT_FIELDS = Map.of(
            "metadata.name", s -> s.getMetadata().getName(),
            "metadata.namespace", s -> s.getMetadata().getNamespace());

    private FieldSelector() {
    }

    public static Predicate<Pod> forPods(String selector) {
        return parse(selector, POD_FIELDS);
    }

    public static Predicate<ServiceAccount> forServiceAccounts(String selector) {
        return parse(selector, SERVICE_ACCOUNT_FIELDS);
    }

    private static <T> Predicate<T> parse(String selector, Map<String, Function<T, Object>> fields) {
        if (selector == null || selector.isBlank()) {
            return t -> true;
        }
        List<Predicate<T>> terms = new ArrayList<>();
        for (String term : selector.split(",")) {
            boolean negate = term.contains("!=");
            String[] parts = term.split(negate ? "!=" : "==?", 2);
            if (parts.length != 2) {
                throw KubernetesException.badRequest("invalid selector: '" + selector + "'; can't understand '" + term + "'");
            }
            String field = parts[0].trim();
            String value = parts[1].trim();
            Function<T, Object> getter = fields.get(field);
            if (getter == null) {
                throw KubernetesException.badRequest("field label not supported: " + field);
            }
            Predicate<T> equal = t -> Objects.equals(render(getter.apply(t)), value);
            terms.add(negate ? equal.negate() : equal);
        }
        return terms.stream().reduce(t -> true, Predicate::and);
    }

    private static String render(Object value) {
        return value == null ? "" : value.toString();
    }
}
