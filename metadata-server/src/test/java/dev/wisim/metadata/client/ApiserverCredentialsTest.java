package dev.wisim.metadata.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inside a real cluster the metadata server authenticates to its API server with its projected token; outside, not at all. */
class ApiserverCredentialsTest {

    private static MultivaluedMap<String, Object> filtered(ApiserverCredentials credentials) throws Exception {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        ClientRequestContext request = (ClientRequestContext) Proxy.newProxyInstance(ClientRequestContext.class.getClassLoader(),
                new Class<?>[] {ClientRequestContext.class}, (proxy, method, args) -> method.getName().equals("getHeaders") ? headers : null);
        credentials.filter(request);
        return headers;
    }

    @Test
    void sendsTheTokenOfTheConfiguredFileAndNothingWithoutOne(@TempDir Path dir) throws Exception {
        assertThat(filtered(new ApiserverCredentials())).doesNotContainKey("Authorization");
        Path token = dir.resolve("token");
        Files.writeString(token, "projected-token\n");
        System.setProperty("metadata.apiserver-token-file", token.toString());
        try {
            assertThat(filtered(new ApiserverCredentials()).getFirst("Authorization")).isEqualTo("Bearer projected-token");
        } finally {
            System.clearProperty("metadata.apiserver-token-file");
        }
    }
}
