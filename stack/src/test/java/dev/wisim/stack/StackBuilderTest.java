package dev.wisim.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wisim.stack.process.Ports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackBuilderTest {

    @Test
    void usesTheDocumentedPortsUnlessOverridden() {
        Map<Service, Integer> defaults = Stack.builder().environment(Map.of()).resolvePorts();
        assertThat(defaults).containsEntry(Service.APISERVER, 6443).containsEntry(Service.METADATA, 8988)
                .containsEntry(Service.STS, 8081).containsEntry(Service.IAM, 8082).containsEntry(Service.STORAGE, 8083);
        Map<Service, Integer> overridden = Stack.builder().environment(Map.of("WISIM_STS_PORT", "9081"))
                .port(Service.IAM, 9082).resolvePorts();
        assertThat(overridden).containsEntry(Service.STS, 9081).containsEntry(Service.IAM, 9082).containsEntry(Service.METADATA, 8988);
    }

    @Test
    void freePortsAreDistinct() {
        assertThat(Stack.builder().freePorts().resolvePorts().values()).doesNotHaveDuplicates().allMatch(p -> p > 1024);
    }

    @Test
    void namesATakenPortBeforeStartingAnything(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertThat(Ports.available(port)).isFalse();
            assertThatThrownBy(() -> Stack.builder().home(dir).stateDir(dir).freePorts().port(Service.STS, port).start())
                    .isInstanceOf(Stack.PortInUseException.class)
                    .hasMessage("port " + port + " (sts, WISIM_STS_PORT) is already in use");
        }
    }

    @Test
    void saysWhichServiceIsNotBuilt(@TempDir Path dir) {
        assertThatThrownBy(() -> Stack.builder().home(dir).stateDir(dir).freePorts().start())
                .hasMessageContaining("apiserver-oidc is not built");
    }
}
