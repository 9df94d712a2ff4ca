package dev.wisim.sts.exchange;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audience GKE's metadata server sends:
 * {@code identitynamespace:PROJECT.svc.id.goog:https://container.googleapis.com/v1/projects/P/locations/L/clusters/C};
 * the cluster part is the cluster's issuer, which for a real cluster running wisim is its own (any https URL
 * registered in the pool).
 */
public record GkeAudience(String pool, String clusterUrl) {

    private static final Pattern FORM = Pattern.compile("identitynamespace:([a-z][-a-z0-9]*\\.svc\\.id\\.goog):(https://\\S+)");

    public static boolean looksLike(String audience) {
        return audience != null && audience.startsWith("identitynamespace:");
    }

    public static Optional<GkeAudience> parse(String audience) {
        Matcher m = FORM.matcher(audience == null ? "" : audience);
        return m.matches() ? Optional.of(new GkeAudience(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The project the workload pool belongs to ({@code PROJECT.svc.id.goog}). */
    public String poolProject() {
        return pool.substring(0, pool.length() - ".svc.id.goog".length());
    }
}
