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
        StackPorts defaults = Stack.builder().environment(Map.of()).resolvePorts();
        assertThat(defaults.http()).containsEntry(Service.APISERVER, 6080).containsEntry(Service.METADATA, 8988)
                .containsEntry(Service.STS, 8081).containsEntry(Service.IAM, 8082).containsEntry(Service.STORAGE, 8083);
        assertThat(defaults.https()).containsOnly(Map.entry(Service.APISERVER, 6443), Map.entry(Service.STS, 8441), Map.entry(Service.IAM, 8442));
        StackPorts overridden = Stack.builder().environment(Map.of("WISIM_STS_PORT", "9081", "WISIM_APISERVER_PORT", "9443"))
                .port(Service.IAM, 9082).resolvePorts();
        assertThat(overridden.http()).containsEntry(Service.STS, 9081).containsEntry(Service.IAM, 9082).containsEntry(Service.METADATA, 8988);
        assertThat(overridden.https()).containsEntry(Service.APISERVER, 9443);
    }

    @Test
    void freePortsAreDistinct() {
        StackPorts ports = Stack.builder().freePorts().resolvePorts();
        java.util.List<Integer> all = new java.util.ArrayList<>(ports.http().values());
        all.addAll(ports.https().values());
        assertThat(all).hasSize(8).doesNotHaveDuplicates().allMatch(p -> p > 1024);
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
