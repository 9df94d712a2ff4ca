package dev.wisim.testcontainers;

import dev.wisim.stack.ClientEnvironment;
import dev.wisim.stack.Service;
import dev.wisim.stack.scenario.Scenario;
import dev.wisim.stack.scenario.ScenarioApplier;
import dev.wisim.stack.tls.LocalCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;

/**
 * The five services on one network with a scenario applied: a test's whole Workload Identity chain.
 * Clients on the host get {@link #clientEnvironment()} (the metadata server's address, gcloud's
 * endpoint overrides, the truststore when TLS is on); host callers of the metadata server are the
 * scenario's default pod.
 *
 * <pre>{@code
 * try (WisimStack wisim = new WisimStack()) {
 *     wisim.start();
 *     Map<String, String> env = wisim.clientEnvironment();   // GCE_METADATA_HOST, CLOUDSDK_API_ENDPOINT_OVERRIDES_*, …
 * }
 * }</pre>
 */
public class WisimStack implements Startable {

    private final Network network = Network.newNetwork();
    private final ApiserverContainer apiserver = new ApiserverContainer().withNetwork(network);
    private final MetadataServerContainer metadata = new MetadataServerContainer().withNetwork(network);
    private final StsContainer sts = new StsContainer().withNetwork(network);
    private final IamContainer iam = new IamContainer().withNetwork(network);
    private final StorageContainer storage = new StorageContainer().withNetwork(network);
    private Scenario scenario = Scenario.defaultScenario();
    private Path truststore;
    private ScenarioApplier.Applied applied;

    public WisimStack() {
        wire();
    }

    /** Another world than the default scenario (YAML, as for {@code ./wisim up --scenario}). */
    public WisimStack withScenario(Path scenarioYaml) {
        scenario = Scenario.load(scenarioYaml);
        wire();
        return this;
    }

    /**
     * STS, IAM and the API server also serve HTTPS, with certificates of a local CA kept in
     * {@code directory} (created if absent); its truststore goes into the client environment.
     */
    public WisimStack withTls(Path directory) {
        LocalCa ca = LocalCa.loadOrCreate(directory);
        truststore = ca.truststore();
        for (WisimServiceContainer<?> service : List.<WisimServiceContainer<?>>of(apiserver, sts, iam)) {
            LocalCa.ServerCertificate certificate = ca.issue(service.getAlias(), List.of(service.getAlias()));
            int sslPort = service == apiserver ? ApiserverContainer.HTTPS_PORT : service == sts ? StsContainer.HTTPS_PORT : IamContainer.HTTPS_PORT;
            service.withTls(certificate.certificate(), certificate.key(), sslPort);
        }
        return this;
    }

    private void wire() {
        Scenario.ClusterSpec cluster = scenario.cluster();
        apiserver.withCluster(cluster.project(), cluster.location(), cluster.name());
        metadata.withCluster(cluster.project(), cluster.location(), cluster.name())
                .withUpstreams(apiserver.getInternalUrl(), sts.getInternalUrl(), iam.getInternalUrl());
        if (cluster.defaultPod() != null) {
            metadata.withDefaultPod(cluster.defaultPod());
        }
        sts.withUpstreams(apiserver.getInternalUrl(), iam.getInternalUrl());
        iam.withSts(sts.getInternalUrl()).withExternalUrl(iam.getInternalUrl());
        storage.withIam(iam.getInternalUrl()).withExternalUrl(storage.getInternalUrl());
    }

    @Override
    public void start() {
        Startables.deepStart(Stream.of(apiserver, iam, sts)).join();
        Startables.deepStart(Stream.of(storage, metadata)).join();
        String cluster = scenario.cluster().name();
        applied = new ScenarioApplier(iam.getUrl(), Map.of(cluster, apiserver.getUrl()), storage.getUrl(),
                Map.of(cluster, apiserver.getInternalUrl())).apply(scenario);
    }

    @Override
    public void stop() {
        Stream.of(metadata, storage, sts, iam, apiserver).parallel().forEach(Startable::stop);
        network.close();
    }

    /** The variables that point clients on the host at this stack (the mapped ports). */
    public Map<String, String> clientEnvironment() {
        return clientEnvironment(scenario.cluster().project(), projectNumber(), urls(WisimServiceContainer::getUrl), truststore);
    }

    /**
     * The variables that point a client in a container on {@link #getNetwork()} at this stack: the
     * services by their network aliases ({@code GCE_METADATA_HOST=metadata:8988}, …). Such a caller of
     * the metadata server is the scenario's default pod.
     */
    public Map<String, String> networkClientEnvironment() {
        return clientEnvironment(scenario.cluster().project(), projectNumber(), urls(WisimServiceContainer::getInternalUrl), null);
    }

    private Map<Service, String> urls(Function<WisimServiceContainer<?>, String> url) {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        urls.put(Service.APISERVER, url.apply(apiserver));
        urls.put(Service.METADATA, url.apply(metadata));
        urls.put(Service.STS, url.apply(sts));
        urls.put(Service.IAM, url.apply(iam));
        urls.put(Service.STORAGE, url.apply(storage));
        return urls;
    }

    /** @param urls each service's URL from the host */
    static Map<String, String> clientEnvironment(String projectId, String projectNumber, Map<Service, String> urls, Path truststore) {
        Map<String, String> env = ClientEnvironment.forServices(projectId, projectNumber, urls);
        if (truststore != null) {
            env.put("WISIM_TRUSTSTORE", truststore.toString());
        }
        return env;
    }

    public String adminToken() {
        return requireStarted().adminToken();
    }

    /** The admin service account's JSON key file, when the scenario has one. */
    public Optional<String> adminKeyFile() {
        return Optional.ofNullable(requireStarted().adminKeyFile()).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public String projectNumber() {
        return applied == null ? null : applied.projectNumbers().get(scenario.cluster().project());
    }

    /** The network the five services share: put a workload container on it to call them by their aliases. */
    public Network getNetwork() {
        return network;
    }

    public ApiserverContainer getApiserver() {
        return apiserver;
    }

    public MetadataServerContainer getMetadataServer() {
        return metadata;
    }

    public StsContainer getSts() {
        return sts;
    }

    public IamContainer getIam() {
        return iam;
    }

    public StorageContainer getStorage() {
        return storage;
    }

    private ScenarioApplier.Applied requireStarted() {
        if (applied == null) {
            throw new IllegalStateException("the stack is not started");
        }
        return applied;
    }
}
