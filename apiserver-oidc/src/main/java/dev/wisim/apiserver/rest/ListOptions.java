package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.KubernetesException.Cause;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The query of a list or watch ({@code meta.k8s.io/v1 ListOptions}), checked as kube-apiserver checks
 * it, and what its resource version means: for a list, most recent, any, not older than, or exact
 * (Kubernetes' "Resource versions" table); for a watch, where its events start.
 */
public record ListOptions(String labelSelector, String fieldSelector, String resourceVersion, String resourceVersionMatch,
                          int limit, String continueToken, boolean watch, boolean allowWatchBookmarks, Long timeoutSeconds,
                          Boolean sendInitialEvents) {

    static final String EXACT = "Exact";
    static final String NOT_OLDER_THAN = "NotOlderThan";

    /** @param query a query parameter's first value by name, or null */
    public static ListOptions parse(Function<String, String> query) {
        ListOptions options = new ListOptions(query.apply("labelSelector"), query.apply("fieldSelector"),
                emptyToNull(query.apply("resourceVersion")), emptyToNull(query.apply("resourceVersionMatch")),
                (int) Math.max(0, number(query, "limit", 0L)), emptyToNull(query.apply("continue")), bool(query, "watch"),
                bool(query, "allowWatchBookmarks"), query.apply("timeoutSeconds") == null ? null : number(query, "timeoutSeconds", 0L),
                query.apply("sendInitialEvents") == null ? null : bool(query, "sendInitialEvents"));
        options.validate();
        return options;
    }

    /** A watch of one object, as the {@code /watch/…/NAME} paths are: the options with {@code metadata.name=NAME} added. */
    public ListOptions forName(String name) {
        String byName = "metadata.name=" + name;
        return new ListOptions(labelSelector, fieldSelector == null || fieldSelector.isBlank() ? byName : fieldSelector + "," + byName,
                resourceVersion, resourceVersionMatch, limit, continueToken, true, allowWatchBookmarks, timeoutSeconds, sendInitialEvents);
    }

    /** Where a list is served from: null for the current state, else the resource version it must be served at exactly. */
    Long listAt() {
        if (continueToken != null) {
            return ContinueToken.parse(continueToken).resourceVersion();
        }
        boolean exact = EXACT.equals(resourceVersionMatch) || resourceVersionMatch == null && limit > 0 && resourceVersion != null
                && !"0".equals(resourceVersion);
        return exact ? version() : null;
    }

    /** The first key of the page (from the continue token), or null. */
    String start() {
        return continueToken == null ? null : ContinueToken.parse(continueToken).start();
    }

    /** A list "not older than" a resource version the store has not reached is refused, as kube-apiserver refuses it. */
    Long notOlderThan() {
        return resourceVersion == null || "0".equals(resourceVersion) || listAt() != null ? null : version();
    }

    /** Where a watch starts: null for synthetic {@code ADDED} events of the current state, else after this resource version. */
    public Long watchAfter() {
        if (Boolean.TRUE.equals(sendInitialEvents) || resourceVersion == null || "0".equals(resourceVersion)) {
            return null;
        }
        return version();
    }

    boolean selective() {
        return labelSelector != null && !labelSelector.isBlank() || fieldSelector != null && !fieldSelector.isBlank();
    }

    private long version() {
        try {
            long value = Long.parseLong(resourceVersion);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw KubernetesException.badRequest("invalid resource version: " + resourceVersion);
        }
    }

    private void validate() {
        List<Cause> causes = new ArrayList<>();
        if (watch) {
            if (sendInitialEvents != null) {
                if (!NOT_OLDER_THAN.equals(resourceVersionMatch)) {
                    causes.add(Cause.forbidden("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
                }
                if (sendInitialEvents && !allowWatchBookmarks) {
                    causes.add(Cause.forbidden("allowWatchBookmarks", "allowWatchBookmarks must be set to true when sendInitialEvents is true"));
                }
            } else if (resourceVersionMatch != null) {
                causes.add(Cause.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
            }
        } else {
            if (resourceVersionMatch != null) {
                if (resourceVersion == null) {
                    causes.add(Cause.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"));
                }
                if (continueToken != null) {
                    causes.add(Cause.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
                }
                if (!EXACT.equals(resourceVersionMatch) && !NOT_OLDER_THAN.equals(resourceVersionMatch)) {
                    causes.add(Cause.notSupported("resourceVersionMatch", resourceVersionMatch, List.of(EXACT, NOT_OLDER_THAN, "")));
                }
                if (EXACT.equals(resourceVersionMatch) && "0".equals(resourceVersion)) {
                    causes.add(Cause.forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
                }
            }
            if (sendInitialEvents != null) {
                causes.add(Cause.forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list"));
            }
            if (continueToken != null && resourceVersion != null && !"0".equals(resourceVersion)) {
                causes.add(Cause.forbidden("resourceVersion", "specifying resource version is not allowed when using continue"));
            }
        }
        if (!causes.isEmpty()) {
            throw KubernetesException.invalid("ListOptions", "meta.k8s.io", "", causes);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Whether a {@code watch} parameter asks for a watch ({@code true}, {@code 1}, … as Go parses booleans). */
    public static boolean truthy(String value) {
        return value != null && !value.isEmpty() && bool(name -> value, "watch");
    }

    /** Go's {@code strconv.ParseBool}, as the query's booleans are converted. */
    private static boolean bool(Function<String, String> query, String name) {
        String value = query.apply(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw KubernetesException.badRequest("invalid value for " + name + ": strconv.ParseBool: parsing \"" + value
                    + "\": invalid syntax");
        };
    }

    private static long number(Function<String, String> query, String name, long otherwise) {
        String value = query.apply(name);
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw KubernetesException.badRequest("invalid value for " + name + ": strconv.ParseInt: parsing \"" + value
                    + "\": invalid syntax");
        }
    }
}
