package dev.wisim.iam.token;

import dev.wisim.iam.config.IamConfig;
import dev.wisim.iam.policy.Principal;
import dev.wisim.jose.CachingKeySource;
import dev.wisim.jose.JwtRejection;
import dev.wisim.jose.JwtVerifier;
import dev.wisim.jose.VerificationRules;
import dev.wisim.jose.VerifiedJwt;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Federated access tokens issued by STS ({@code ya29.d.}): verified against STS's token-signing
 * keys, which IAM reads from STS as Google's backends share keys internally.
 */
@ApplicationScoped
public class FederatedTokens {

    public static final String PREFIX = "ya29.d.";
    static final String ISSUER = "https://sts.googleapis.com/";

    private final CachingKeySource stsKeys;
    private final JwtVerifier verifier;

    public FederatedTokens(@RestClient StsKeysClient sts, IamConfig config, Clock clock) {
        this.stsKeys = new CachingKeySource(sts::keys, clock, Duration.ofHours(1), config.keyRefetchInterval());
        this.verifier = new JwtVerifier(clock);
    }

    public Optional<ResolvedToken> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            VerifiedJwt jwt = verifier.verify(token.substring(PREFIX.length()), stsKeys,
                    VerificationRules.rs256().issuer(ISSUER).leeway(Duration.ZERO));
            @SuppressWarnings("unchecked")
            List<String> sets = jwt.claims().get("principalSets") instanceof List<?> l ? (List<String>) l : List.of();
            List<String> scopes = jwt.string("scope").map(s -> Arrays.asList(s.split(" "))).orElse(List.of());
            return Optional.of(new ResolvedToken(Principal.federated(jwt.subject(), sets), scopes,
                    jwt.instant("iat").orElseThrow(), jwt.expiresAt(), null));
        } catch (JwtRejection e) {
            if (e.reason() == JwtRejection.Reason.KEYS_UNAVAILABLE) {
                Log.warnf("cannot verify a federated token: %s", e.getMessage());
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
