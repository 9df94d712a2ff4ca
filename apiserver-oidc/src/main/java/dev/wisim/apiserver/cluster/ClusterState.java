package dev.wisim.apiserver.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.durable.StateDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The cluster's acknowledged objects — namespaces, service accounts, pods, each with its resource
 * version — in {@code STATE_DIR/apiserver-oidc/state.db}, as etcd keeps them for kube-apiserver.
 */
@ApplicationScoped
public class ClusterState {

    @Produces
    @Singleton
    StateDb stateDb(ApiserverConfig config, ObjectMapper mapper) {
        return StateDb.forService(config.stateDir(), "apiserver-oidc/state.db", mapper);
    }

    void close(@Disposes StateDb db) {
        db.close();
    }
}
