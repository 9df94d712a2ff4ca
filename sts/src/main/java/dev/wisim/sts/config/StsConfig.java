package dev.wisim.sts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the simulated STS. Every key has an env-var form, e.g. {@code STS_CONTAINER_API_URL}. */
@ConfigMapping(prefix = "sts")
public interface StsConfig {

    /** Where the token-signing keys are kept across restarts; in memory when unset. */
    Optional<Path> stateDir();

    /**
     * Where {@code https://container.googleapis.com} is served in this world (the GKE API and the
     * clusters' public OIDC documents): URLs under that host are fetched from here.
     */
    @WithDefault("http://127.0.0.1:6080")
    String containerApiUrl();

    /** IAM, which knows projects (their numbers), workload identity pools and the clusters in GKE pools. */
    @WithDefault("http://127.0.0.1:8082")
    String iamUrl();

    /** Upper bound of a federated token's lifetime (it never outlives the subject token). */
    @WithDefault("PT1H")
    Duration tokenLifetime();

    /** How long fetched JWKS are trusted before they are fetched again. */
    @WithDefault("PT1H")
    Duration jwksMaxAge();

    /** An unknown {@code kid} refetches the issuer's JWKS at most this often. */
    @WithDefault("PT10S")
    Duration jwksRefetchInterval();

    /** A CA certificate (PEM) trusted besides the JDK's roots when fetching issuers' keys over TLS: the stack's local CA. */
    Optional<Path> caFile();

    /** Clock skew tolerated on {@code iat}, {@code nbf} and {@code exp}. */
    @WithDefault("PT5S")
    Duration clockSkew();
}
