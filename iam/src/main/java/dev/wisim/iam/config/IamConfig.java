package dev.wisim.iam.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the simulated IAM. Every key has an env-var form, e.g. {@code IAM_STS_URL}. */
@ConfigMapping(prefix = "iam")
public interface IamConfig {

    /** Where the signing keys are kept across restarts; in memory when unset. */
    Optional<Path> stateDir();

    /** Where clients reach this IAM: the {@code token_uri} of the key files it hands out. */
    @WithDefault("http://127.0.0.1:8082")
    String externalUrl();

    /** The STS whose federated tokens IAM accepts (its token-signing keys are read from {@code /_sim/keys}). */
    @WithDefault("http://127.0.0.1:8081")
    String stsUrl();

    /** Default and maximum lifetime of generated access tokens. */
    @WithDefault("PT1H")
    Duration maxTokenLifetime();

    /** How often an unknown federated-token key id may trigger a refetch of STS's keys. */
    @WithDefault("PT10S")
    Duration keyRefetchInterval();
}
