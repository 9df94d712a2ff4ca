package dev.wisim.sts.exchange;

import dev.wisim.jose.KeyRing;
import dev.wisim.jose.SkewableClock;
import dev.wisim.sts.config.StsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** STS's token-signing keys (persisted under the state directory when one is configured) and its clock (skewable through {@code /_sim/clock}). */
@ApplicationScoped
public class StsKeys {

    @Produces
    @Singleton
    KeyRing keyRing(StsConfig config, Clock clock) {
        return KeyRing.forService(config.stateDir(), "sts/token-signing-keys.json", clock);
    }

    @Produces
    @Singleton
    SkewableClock clock() {
        return SkewableClock.system();
    }
}
