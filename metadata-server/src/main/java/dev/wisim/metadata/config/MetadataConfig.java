package dev.wisim.metadata.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the simulated GKE metadata server. Every key has an env-var form, e.g. {@code METADATA_DEFAULT_POD}. */
@ConfigMapping(prefix = "metadata")
public interface MetadataConfig {

    /** The project of the cluster this node belongs to. */
    @WithDefault("demo-project")
    String projectId();

    @WithDefault("us-central1")
    String clusterLocation();

    @WithDefault("my-cluster-name")
    String clusterName();

    /** The cluster's Kubernetes API server. */
    @WithDefault("http://127.0.0.1:6080")
    String apiserverUrl();

    @WithDefault("http://127.0.0.1:8081")
    String stsUrl();

    @WithDefault("http://127.0.0.1:8082")
    String iamUrl();

    /** The pod ({@code NAMESPACE/NAME}) that callers with no other way to be told apart are taken for. */
    Optional<String> defaultPod();

    /**
     * The node's own addresses, besides those of its network interfaces (always included): a request
     * that arrives on one of these is not identified by the address it arrived on (its source address,
     * a KSA token or the default pod decide); one that arrives on any other address is the pod with
     * that IP, or nobody.
     */
    @WithDefault("127.0.0.1,0:0:0:0:0:0:0:1,169.254.169.254")
    List<String> nodeAddresses();

    /** How long a {@code wait_for_change} request waits without {@code timeout_sec}, and at most. */
    @WithDefault("PT60S")
    Duration waitForChangeTimeout();

    /** Scopes of tokens requested without {@code ?scopes=}: the node's scopes. */
    @WithDefault("https://www.googleapis.com/auth/cloud-platform,https://www.googleapis.com/auth/userinfo.email")
    List<String> defaultScopes();

    /** Lifetime of the KSA tokens requested from the API server for the exchange. */
    @WithDefault("PT1H")
    Duration ksaTokenLifetime();

    /** Lifetime asked of IAM for service account tokens. */
    @WithDefault("PT1H")
    Duration accessTokenLifetime();

    default String workloadPool() {
        return projectId() + ".svc.id.goog";
    }

    /**
     * The cluster's service-account issuer, when it is not GKE's URL for the cluster: a real
     * Kubernetes cluster running wisim (its issuer registered in the workload pool).
     */
    Optional<String> clusterIssuer();

    /**
     * A file holding the bearer token for the cluster's API server (a projected service-account
     * token, read again as it rotates); none for wisim's own API server on its plain port.
     */
    Optional<Path> apiserverTokenFile();

    /** The CA certificate (PEM) the cluster's API server is verified with over HTTPS; the JVM's roots when unset. */
    Optional<Path> apiserverCaFile();

    /**
     * The node this metadata server serves: it knows the pods scheduled there ({@code spec.nodeName}),
     * as GKE's does; every pod of the cluster when unset (a one-node cluster, as wisim's).
     */
    Optional<String> nodeName();

    /** The cluster's issuer as STS's GKE audience names it: GKE's URL for the cluster unless {@link #clusterIssuer()} says otherwise. */
    default String clusterUrl() {
        return clusterIssuer().orElse("https://container.googleapis.com/v1/projects/" + projectId() + "/locations/" + clusterLocation()
                + "/clusters/" + clusterName());
    }
}
