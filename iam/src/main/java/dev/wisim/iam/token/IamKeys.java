package dev.wisim.iam.token;

import dev.wisim.iam.config.IamConfig;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.SkewableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** IAM's token-signing keys (persisted under the state directory when one is configured) and its clock (skewable through {@code /_sim/clock}). */
@ApplicationScoped
public class IamKeys {

    @Produces
    @Singleton
    KeyRing keyRing(IamConfig config, Clock clock) {
        return KeyRing.forService(config.stateDir(), "iam/token-signing-keys.json", clock);
    }

    @Produces
    @Singleton
    SkewableClock clock() {
        return SkewableClock.system();
    }
}
