package dev.wisim.apiserver.authz;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;

/** Whether one RBAC rule covers a request ({@code rbac/v1} evaluation helpers). */
final class RuleMatch {

    private RuleMatch() {
    }

    static boolean allows(PolicyRule rule, Attributes request) {
        if (!has(rule.getVerbs(), request.verb())) {
            return false;
        }
        if (!request.resourceRequest()) {
            return nonResourceUrl(rule.getNonResourceURLs(), request.path());
        }
        return has(rule.getApiGroups(), request.group())
                && resource(rule.getResources(), request.resource(), request.subresource())
                && name(rule.getResourceNames(), request.name());
    }

    private static boolean has(List<String> values, String wanted) {
        return values != null && (values.contains("*") || values.contains(wanted));
    }

    private static boolean resource(List<String> resources, String resource, String subresource) {
        if (resources == null) {
            return false;
        }
        String combined = subresource.isEmpty() ? resource : resource + "/" + subresource;
        for (String rule : resources) {
            if (rule.equals("*") || rule.equals(combined)) {
                return true;
            }
            if (!subresource.isEmpty() && rule.equals("*/" + subresource)) {
                return true;
            }
        }
        return false;
    }

    private static boolean name(List<String> names, String name) {
        return names == null || names.isEmpty() || (name != null && names.contains(name));
    }

    private static boolean nonResourceUrl(List<String> urls, String path) {
        if (urls == null) {
            return false;
        }
        for (String url : urls) {
            if (url.equals("*") || url.equals(path) || (url.endsWith("*") && path.startsWith(url.substring(0, url.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
