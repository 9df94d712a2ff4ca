package dev.wisim.apiserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Settings of the simulated GKE cluster. Every key has an env-var form, e.g. {@code APISERVER_PROJECT_ID}. */
@ConfigMapping(prefix = "apiserver")
public interface ApiserverConfig {

    /** The Google Cloud project the cluster belongs to. */
    @WithDefault("demo-project")
    String projectId();

    /** The cluster's location (region or zone). */
    @WithDefault("us-central1")
    String location();

    @WithDefault("my-cluster-name")
    String clusterName();

    /** The API server's (HTTPS) address as clients see it; used in {@code jwks_uri}, as kube-apiserver's external address. */
    @WithDefault("https://127.0.0.1:6443")
    String externalUrl();

    /** Overrides the service-account issuer; by default the GKE form built from project, location and cluster. */
    Optional<String> issuer();

    /** Audiences of tokens requested without any; by default the issuer. */
    Optional<List<String>> apiAudiences();

    /** The admin's bearer token (a static token, as {@code --token-auth-file}); user {@code kubernetes-admin} in {@code system:masters}. */
    Optional<String> adminToken();

    /** The cluster CA certificate (PEM) that pods see as {@code ca.crt}. */
    Optional<Path> caFile();

    /**
     * Where the node's kubelet keeps each pod's projected service-account volume
     * ({@code NS/POD/serviceaccount/}); by default {@code STATE_DIR/pods}, none without a state directory.
     */
    Optional<Path> kubeletDir();

    /** How often the kubelet looks for pods to project or tokens to refresh. */
    @WithDefault("PT1S")
    java.time.Duration kubeletSyncPeriod();

    /**
     * How many of the latest changes the API server keeps for watches and consistent lists (its watch
     * cache and etcd's compaction window): a watch, an exact list or a list's continuation from an older
     * resource version is 410 Gone.
     */
    @WithDefault("1000")
    int watchHistory();

    /** How often a watch with {@code allowWatchBookmarks=true} gets a {@code BOOKMARK}. */
    @WithDefault("PT1M")
    java.time.Duration watchBookmarkInterval();

    /**
     * A watch without {@code timeoutSeconds} ends after between this and twice this (kube-apiserver's
     * {@code --min-request-timeout}, 1800 s).
     */
    @WithDefault("PT30M")
    java.time.Duration watchMinTimeout();

    /**
     * IAM's base URL: Google access tokens at the API server are checked with its tokeninfo, and a
     * Google identity RBAC does not allow is authorized by its IAM roles on the project. Without it
     * the API server knows only its own tokens.
     */
    Optional<String> iamUrl();

    /** How long a checked Google token is trusted without asking again (kube-apiserver's token webhook cache TTL). */
    @WithDefault("PT2M")
    java.time.Duration googleTokenCacheTtl();

    /** Where the signing keys are kept across restarts; in memory when unset. */
    Optional<Path> stateDir();

    /** The {@code minor} version reported at {@code /version}. */
    @WithDefault("32")
    String versionMinor();

    /** Name of the cluster's one node, where every pod is scheduled. */
    @WithDefault("gke-my-cluster-name-default-pool-0-node")
    String nodeName();

    /** The pool pod IPs are taken from; a loopback range so that each pod has its own local address. */
    @WithDefault("127.10.0.0/16")
    String podCidr();

    default String gkeIssuer() {
        return "https://container.googleapis.com/v1/projects/" + projectId() + "/locations/" + location()
                + "/clusters/" + clusterName();
    }

    default String effectiveIssuer() {
        return issuer().orElseGet(this::gkeIssuer);
    }

    default String workloadPool() {
        return projectId() + ".svc.id.goog";
    }

    default List<String> effectiveApiAudiences() {
        return apiAudiences().orElseGet(() -> List.of(effectiveIssuer()));
    }
}
