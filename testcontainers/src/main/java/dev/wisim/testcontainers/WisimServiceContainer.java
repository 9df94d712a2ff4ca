package dev.wisim.testcontainers;

import java.nio.file.Path;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * What every wisim service container has: its port, a readiness wait on {@code /q/health/ready}, a
 * network alias, and its URL both from the host ({@link #getUrl()}) and from the container network
 * ({@link #getInternalUrl()}); optionally HTTPS with a certificate of the caller's CA.
 */
public abstract class WisimServiceContainer<SELF extends WisimServiceContainer<SELF>> extends GenericContainer<SELF> {

    private final int port;
    private final String alias;
    private Integer httpsPort;

    protected WisimServiceContainer(String image, String alias, int port) {
        super(DockerImageName.parse(image));
        this.port = port;
        this.alias = alias;
        withExposedPorts(port);
        withEnv("QUARKUS_HTTP_PORT", Integer.toString(port));
        withEnv("QUARKUS_HTTP_HOST", "0.0.0.0");
        withNetworkAliases(alias);
        waitingFor(Wait.forHttp("/q/health/ready").forPort(port).forStatusCode(200));
    }

    public int getPort() {
        return port;
    }

    public String getAlias() {
        return alias;
    }

    /** The plain-HTTP URL from the host (the mapped port). */
    public String getUrl() {
        return "http://" + getHost() + ":" + getMappedPort(port);
    }

    /** The plain-HTTP URL from another container on the same network. */
    public String getInternalUrl() {
        return "http://" + alias + ":" + port;
    }

    /**
     * Serves HTTPS too, on {@code sslPort}, with this certificate and key (PEM files, e.g. issued by the
     * stack's local CA for the alias and {@code localhost}).
     */
    public SELF withTls(Path certificate, Path key, int sslPort) {
        this.httpsPort = sslPort;
        // readable by the service's user (uid 1001): a copied file belongs to root, and a key file is 0600 on the host
        withCopyFileToContainer(MountableFile.forHostPath(certificate, 0444), "/deployments/tls/cert.pem");
        withCopyFileToContainer(MountableFile.forHostPath(key, 0444), "/deployments/tls/key.pem");
        withEnv("JAVA_TOOL_OPTIONS", "-Dquarkus.tls.key-store.pem.0.cert=/deployments/tls/cert.pem"
                + " -Dquarkus.tls.key-store.pem.0.key=/deployments/tls/key.pem");
        withEnv("QUARKUS_HTTP_SSL_PORT", Integer.toString(sslPort));
        withEnv("QUARKUS_HTTP_INSECURE_REQUESTS", "enabled");
        addExposedPort(sslPort);
        return self();
    }

    /** The HTTPS URL from the host; only after {@link #withTls}. */
    public String getHttpsUrl() {
        if (httpsPort == null) {
            throw new IllegalStateException(alias + " serves no HTTPS: call withTls first");
        }
        return "https://" + getHost() + ":" + getMappedPort(httpsPort);
    }
}
