package dev.wisim.metadata.client;

import dev.wisim.metadata.config.MetadataConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The client of the cluster's API server (fabric8, on Quarkus' own Vert.x), configured only from
 * {@link MetadataConfig}: its URL, the bearer token file and the CA of a real cluster. Nothing is read
 * from a kubeconfig or the environment.
 */
@ApplicationScoped
public class KubernetesClients {

    @Produces
    @Singleton
    KubernetesClient apiserver(MetadataConfig config, Vertx vertx, Clock clock) {
        ConfigBuilder builder = new ConfigBuilder(Config.empty())
                .withMasterUrl(config.apiserverUrl())
                .withConnectionTimeout(2000)
                .withRequestTimeout(10_000)
                .withWatchReconnectInterval(250)
                .withRequestRetryBackoffLimit(0);
        config.apiserverTokenFile().ifPresent(file -> builder.withOauthTokenProvider(new ApiserverToken(file, clock)));
        config.apiserverCaFile().ifPresent(ca -> builder.withCaCertFile(ca.toString()));
        return new KubernetesClientBuilder().withConfig(builder.build()).withHttpClientFactory(new VertxHttpClientFactory(vertx)).build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
