package dev.wisim.sts.exchange;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workload identity pool provider named as the audience of an exchange:
 * {@code //iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/POOL/providers/PROVIDER}
 * (also with {@code https:} in front).
 */
public record ProviderAudience(String projectNumber, String pool, String provider) {

    private static final Pattern FORM = Pattern.compile("(?:https:)?//iam\\.googleapis\\.com/projects/(\\d+)/locations/global/"
            + "workloadIdentityPools/([^/]+)/providers/([^/]+)");

    public static boolean looksLike(String audience) {
        return audience != null && (audience.startsWith("//iam.googleapis.com/") || audience.startsWith("https://iam.googleapis.com/"));
    }

    public static Optional<ProviderAudience> parse(String audience) {
        Matcher m = FORM.matcher(audience == null ? "" : audience);
        return m.matches() ? Optional.of(new ProviderAudience(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** {@code projects/N/locations/global/workloadIdentityPools/POOL/providers/PROVIDER}. */
    public String resourceName() {
        return "projects/" + projectNumber + "/locations/global/workloadIdentityPools/" + pool + "/providers/" + provider;
    }

    public String poolPrincipalPrefix() {
        return "iam.googleapis.com/projects/" + projectNumber + "/locations/global/workloadIdentityPools/" + pool;
    }
}
