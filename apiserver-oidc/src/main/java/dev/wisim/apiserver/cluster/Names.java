package dev.wisim.apiserver.cluster;

import dev.wisim.apiserver.cluster.KubernetesException.Cause;
import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes name validation with apimachinery's exact messages. */
public final class Names {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String LABEL_MESSAGE = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
            + " and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is"
            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private static final String SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
            + " '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is"
            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private Names() {
    }

    /** Namespaces are DNS-1123 labels. */
    public static Optional<Cause> checkLabel(String name) {
        return check(name, LABEL, 63, LABEL_MESSAGE);
    }

    /** Service accounts and pods are DNS-1123 subdomains. */
    public static Optional<Cause> checkSubdomain(String name) {
        return check(name, SUBDOMAIN, 253, SUBDOMAIN_MESSAGE);
    }

    private static Optional<Cause> check(String name, Pattern pattern, int max, String message) {
        if (name == null || name.isEmpty()) {
            return Optional.of(Cause.required("metadata.name", "name or generateName is required"));
        }
        if (name.length() > max) {
            return Optional.of(Cause.invalidValue("metadata.name", name, "must be no more than " + max + " characters"));
        }
        if (!pattern.matcher(name).matches()) {
            return Optional.of(Cause.invalidValue("metadata.name", name, message));
        }
        return Optional.empty();
    }

    /** RBAC's names ({@code ValidatePathSegmentName}): anything but {@code .}, {@code ..}, or a name with {@code /} or {@code %}. */
    public static Optional<Cause> checkPathSegment(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(Cause.required("metadata.name", "name or generateName is required"));
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of(Cause.invalidValue("metadata.name", name, "may not be '" + name + "'"));
        }
        for (String forbidden : new String[] {"/", "%"}) {
            if (name.contains(forbidden)) {
                return Optional.of(Cause.invalidValue("metadata.name", name, "may not contain '" + forbidden + "'"));
            }
        }
        return Optional.empty();
    }
}
