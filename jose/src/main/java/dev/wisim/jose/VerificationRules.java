package dev.wisim.jose;

import java.time.Duration;
import java.util.Set;

/**
 * What a verifier demands of a JWT, per call (an STS trusts a different issuer on every request).
 * Empty {@code issuers} or {@code audiences} means "not checked".
 */
public record VerificationRules(
        Set<String> algorithms,
        boolean kidRequired,
        Set<String> issuers,
        Set<String> audiences,
        Duration leeway,
        Duration maxLifetime,
        boolean iatRequired) {

    /** RS256 only, kid required, one minute of leeway, no lifetime bound. */
    public static VerificationRules rs256() {
        return new VerificationRules(Set.of("RS256"), true, Set.of(), Set.of(), Duration.ofMinutes(1), null, false);
    }

    public VerificationRules algorithms(String... algs) {
        return new VerificationRules(Set.of(algs), kidRequired, issuers, audiences, leeway, maxLifetime, iatRequired);
    }

    public VerificationRules kidOptional() {
        return new VerificationRules(algorithms, false, issuers, audiences, leeway, maxLifetime, iatRequired);
    }

    public VerificationRules issuers(Set<String> expected) {
        return new VerificationRules(algorithms, kidRequired, Set.copyOf(expected), audiences, leeway, maxLifetime, iatRequired);
    }

    public VerificationRules issuer(String expected) {
        return issuers(Set.of(expected));
    }

    /** The token's {@code aud} must contain at least one of these. */
    public VerificationRules audiences(Set<String> accepted) {
        return new VerificationRules(algorithms, kidRequired, issuers, Set.copyOf(accepted), leeway, maxLifetime, iatRequired);
    }

    public VerificationRules audience(String accepted) {
        return audiences(Set.of(accepted));
    }

    public VerificationRules leeway(Duration value) {
        return new VerificationRules(algorithms, kidRequired, issuers, audiences, value, maxLifetime, iatRequired);
    }

    /** {@code exp - iat} must not exceed this; implies {@code iat} is required. */
    public VerificationRules maxLifetime(Duration value) {
        return new VerificationRules(algorithms, kidRequired, issuers, audiences, leeway, value, true);
    }
}
