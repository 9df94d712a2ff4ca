package dev.wisim.metadata.pod;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the view of the cluster has been listed: before that no caller can be told apart. */
@Readiness
@ApplicationScoped
public class ClusterViewHealth implements HealthCheck {

    private final ClusterView view;

    public ClusterViewHealth(ClusterView view) {
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cluster view").status(view.synced()).build();
    }
}
