package dev.wisim.apiserver.authz;

import dev.wisim.apiserver.cluster.KubernetesException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-apiserver's 403 for a refused request: {@code pods "x" is forbidden: User "u" cannot get
 * resource "pods" in API group "" in the namespace "demo"}, then the authorizers' reasons (GKE's
 * {@code requires one of ["container.pods.get"] permission(s).}), with {@code &<>} escaped.
 */
public final class Forbidden {

    private Forbidden() {
    }

    public static KubernetesException of(Attributes request, List<String> reasons) {
        String user = request.user().username();
        String message;
        Map<String, Object> details = new LinkedHashMap<>();
        if (request.resourceRequest()) {
            String qualified = request.group().isEmpty() ? request.resource() : request.resource() + "." + request.group();
            String where = request.namespace() == null ? " at the cluster scope" : " in the namespace \"" + request.namespace() + "\"";
            message = qualified + (request.name() == null ? "" : " \"" + request.name() + "\"") + " is forbidden: User \"" + user
                    + "\" cannot " + request.verb() + " resource \"" + request.resourceAndSubresource() + "\" in API group \""
                    + request.group() + "\"" + where;
            if (request.name() != null) {
                details.put("name", request.name());
            }
            if (!request.group().isEmpty()) {
                details.put("group", request.group());
            }
            details.put("kind", request.resource());
        } else {
            message = "forbidden: User \"" + user + "\" cannot " + request.verb() + " path \"" + request.path() + "\"";
        }
        List<String> given = reasons.stream().filter(r -> r != null && !r.isEmpty()).toList();
        if (!given.isEmpty()) {
            message += ": " + String.join("\n", given);
        }
        return KubernetesException.forbidden(message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), details);
    }
}
