package dev.wisim.iam.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.iam.config.IamConfig;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys in waiting: kept across restarts, each handed out once, made on the spot when none wait. */
class KeyPoolTest {

    private static KeyPool pool(Path stateDir) {
        return new KeyPool(config(stateDir), true);
    }

    private static IamConfig config(Path stateDir) {
        return (IamConfig) Proxy.newProxyInstance(IamConfig.class.getClassLoader(), new Class<?>[] {IamConfig.class},
                (proxy, method, args) -> method.getName().equals("stateDir") ? Optional.of(stateDir) : null);
    }

    @Test
    void withNativeRsaKeysAreMadeOnTheSpotAndNoneWaitOnDisk(@TempDir Path state) {
        KeyPool ahead = pool(state);
        ahead.fill();
        assertThat(state.resolve("key-pool/rsa.json")).isRegularFile();

        KeyPool onTheSpot = new KeyPool(config(state), false);
        onTheSpot.start(null);
        assertThat(state.resolve("key-pool/rsa.json")).as("the keys an earlier start left waiting").doesNotExist();
        KeyPair first = onTheSpot.take();
        KeyPair second = onTheSpot.take();
        assertThat(((RSAPublicKey) first.getPublic()).getModulus()).isNotEqualTo(((RSAPublicKey) second.getPublic()).getModulus());
        assertThat(onTheSpot.waiting()).isZero();
        assertThat(state.resolve("key-pool")).isEmptyDirectory();
        onTheSpot.stop(null);
    }

    @Test
    void keysInWaitingOutliveARestartAndAreHandedOutOnce(@TempDir Path state) {
        KeyPool first = pool(state);
        first.fill();
        assertThat(first.waiting()).isEqualTo(KeyPool.SIZE);
        assertThat(state.resolve("key-pool/rsa.json")).isRegularFile();

        Set<Object> moduli = new HashSet<>();
        KeyPool restarted = pool(state);
        restarted.start(null);
        assertThat(restarted.waiting()).isEqualTo(KeyPool.SIZE);
        for (int i = 0; i < KeyPool.SIZE + 1; i++) {
            KeyPair pair = restarted.take();
            assertThat(pair.getPublic().getAlgorithm()).isEqualTo("RSA");
            assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);
            assertThat(moduli.add(((RSAPublicKey) pair.getPublic()).getModulus())).as("handed out once").isTrue();
        }
        assertThat(restarted.waiting()).isZero();
        restarted.stop(null);
        KeyPool again = pool(state);
        again.start(null);
        assertThat(again.waiting()).as("what was handed out is gone from the file too").isZero();
        again.stop(null);
    }
}
