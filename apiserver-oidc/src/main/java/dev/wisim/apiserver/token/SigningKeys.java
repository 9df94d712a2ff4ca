package dev.wisim.apiserver.token;

import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.SkewableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The service-account signing keys: persisted under the state directory when one is configured. */
@ApplicationScoped
public class SigningKeys {

    @Produces
    @Singleton
    KeyRing keyRing(ApiserverConfig config, Clock clock) {
        return KeyRing.forService(config.stateDir(), "apiserver-oidc/service-account-keys.json", clock);
    }

    @Produces
    @Singleton
    SkewableClock clock() {
        return SkewableClock.system();
    }
}
