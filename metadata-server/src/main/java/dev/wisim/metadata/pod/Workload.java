package dev.wisim.metadata.pod;

import java.util.Optional;

/**
 * The calling pod and its Kubernetes service account, with the Google service account the KSA is
 * annotated with ({@code iam.gke.io/gcp-service-account}), if any.
 *
 * @param podName null when the caller was identified by an unbound KSA token
 */
public record Workload(String namespace, String serviceAccount, String podName, String podUid, Optional<String> gsa) {

    public static final String GSA_ANNOTATION = "iam.gke.io/gcp-service-account";

    public String describe() {
        return (podName == null ? "" : "pod " + namespace + "/" + podName + ", ") + "KSA " + namespace + "/" + serviceAccount
                + gsa.map(g -> " → GSA " + g).orElse("");
    }
}
