package dev.wisim.apiserver.oidc;

import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.jose.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's OIDC documents, in the two forms that exist: kube-apiserver's own
 * ({@code /.well-known/openid-configuration}, {@code /openid/v1/jwks}) and Google's public GKE form
 * under {@code container.googleapis.com/v1/projects/P/locations/L/clusters/C}.
 */
@ApplicationScoped
public class IssuerDocuments {

    private final ApiserverConfig config;
    private final KeyRing keys;

    public IssuerDocuments(ApiserverConfig config, KeyRing keys) {
        this.config = config;
        this.keys = keys;
    }

    /** Members and order exactly as kube-apiserver's {@code openidmetadata.go}. */
    public Map<String, Object> kubeDiscovery() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", config.effectiveIssuer());
        doc.put("jwks_uri", trimSlash(config.externalUrl()) + "/openid/v1/jwks");
        doc.put("response_types_supported", List.of("id_token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return doc;
    }

    /** GKE's public discovery document for the cluster. */
    public Map<String, Object> gkeDiscovery() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", config.gkeIssuer());
        doc.put("jwks_uri", config.gkeIssuer() + "/jwks");
        doc.put("response_types_supported", List.of("id_token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("claims_supported", List.of("iss", "sub", "kubernetes.io"));
        doc.put("grant_types", List.of("urn:kubernetes:grant_type:programmatic_authorization"));
        return doc;
    }

    public Map<String, Object> jwks() {
        return keys.publicJwks();
    }

    /** Whether {@code project/location/cluster} names this cluster. */
    public boolean isThisCluster(String project, String location, String cluster) {
        return config.projectId().equals(project) && config.location().equals(location) && config.clusterName().equals(cluster);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
