package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@code fieldSelector} terms ({@code a=b}, {@code a==b}, {@code a!=b}, comma-joined) over the fields kube-apiserver indexes per kind. */
public final class FieldSelector {

    private static final Map<String, Function<HasMetadata, Object>> METADATA_FIELDS = Map.of(
            "metadata.name", o -> o.getMetadata().getName(),
            "metadata.namespace", o -> o.getMetadata().getNamespace());
    private static final Map<String, Function<HasMetadata, Object>> POD_FIELDS = Map.of(
            "spec.nodeName", o -> ((Pod) o).getSpec().getNodeName(),
            "spec.serviceAccountName", o -> ((Pod) o).getSpec().getServiceAccountName(),
            "spec.hostNetwork", o -> Boolean.TRUE.equals(((Pod) o).getSpec().getHostNetwork()),
            "spec.restartPolicy", o -> ((Pod) o).getSpec().getRestartPolicy(),
            "status.phase", o -> ((Pod) o).getStatus().getPhase(),
            "status.podIP", o -> ((Pod) o).getStatus().getPodIP());
    private static final Map<String, Function<HasMetadata, Object>> NAMESPACE_FIELDS = Map.of(
            "status.phase", o -> ((Namespace) o).getStatus().getPhase());

    private FieldSelector() {
    }

    public static Predicate<HasMetadata> parse(Kind<?> kind, String selector) {
        if (selector == null || selector.isBlank()) {
            return o -> true;
        }
        List<Predicate<HasMetadata>> terms = new ArrayList<>();
        for (String term : selector.split(",")) {
            boolean negate = term.contains("!=");
            String[] parts = term.split(negate ? "!=" : "==?", 2);
            if (parts.length != 2) {
                throw KubernetesException.badRequest("invalid selector: '" + selector + "'; can't understand '" + term + "'");
            }
            String field = parts[0].trim();
            String value = parts[1].trim();
            Function<HasMetadata, Object> getter = getter(kind, field);
            if (getter == null) {
                throw KubernetesException.badRequest("field label not supported: " + field);
            }
            Predicate<HasMetadata> equal = o -> Objects.equals(String.valueOf(Objects.requireNonNullElse(getter.apply(o), "")), value);
            terms.add(negate ? equal.negate() : equal);
        }
        return terms.stream().reduce(o -> true, Predicate::and);
    }

    private static Function<HasMetadata, Object> getter(Kind<?> kind, String field) {
        Function<HasMetadata, Object> common = METADATA_FIELDS.get(field);
        if (common != null) {
            return common;
        }
        return kind == Kinds.PODS ? POD_FIELDS.get(field) : kind == Kinds.NAMESPACES ? NAMESPACE_FIELDS.get(field) : null;
    }
}
