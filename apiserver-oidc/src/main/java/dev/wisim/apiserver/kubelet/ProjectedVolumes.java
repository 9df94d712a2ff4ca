package dev.wisim.apiserver.kubelet;

import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.Kinds;
import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.apiserver.token.TokenIssuer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.authentication.BoundObjectReference;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestSpec;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node's kubelet, for the part Workload Identity starts from: each pod's projected
 * service-account volume ({@code /var/run/secrets/kubernetes.io/serviceaccount/}) kept under
 * {@code KUBELET_DIR/NS/POD/serviceaccount/}, with the kubelet's rules — a pod-bound token requested
 * with its 3607-second expiry, refreshed at 80% of that (or after 24 hours), written atomically
 * through a {@code ..data} link beside {@code ca.crt} and {@code namespace}. A pod spec's projected
 * {@code serviceAccountToken} volumes (other audiences, such as the workload pool for an external-account
 * credential file) are kept too, under {@code KUBELET_DIR/NS/POD/VOLUME/PATH}.
 */
@ApplicationScoped
public class ProjectedVolumes {

    static final long KUBELET_EXPIRATION_SECONDS = 3607;
    /** A projected volume's {@code expirationSeconds} when the pod spec gives none. */
    static final long PROJECTED_DEFAULT_SECONDS = 3600;
    static final Duration MAX_AGE = Duration.ofHours(24);

    private final ClusterStore store;
    private final TokenIssuer tokens;
    private final ApiserverConfig config;
    private final Clock clock;
    private final Map<String, Instant> refreshAt = new HashMap<>();
    private ScheduledExecutorService loop;

    public ProjectedVolumes(ClusterStore store, TokenIssuer tokens, ApiserverConfig config, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        directory().ifPresent(dir -> {
            loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "kubelet"));
            long period = config.kubeletSyncPeriod().toMillis();
            loop.scheduleWithFixedDelay(() -> sync(dir), 0, period, TimeUnit.MILLISECONDS);
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    Optional<Path> directory() {
        return config.kubeletDir().or(() -> config.stateDir().map(d -> d.resolve("pods")));
    }

    /** One pass of the sync loop: project new pods, refresh due tokens, remove the volumes of deleted pods. */
    synchronized void sync(Path dir) {
        try {
            Set<String> live = new HashSet<>();
            for (Pod pod : store.list(Kinds.PODS, null, p -> true)) {
                String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + "/" + pod.getMetadata().getUid();
                live.add(key);
                Instant due = refreshAt.get(key);
                if (due == null || !clock.instant().isBefore(due)) {
                    refreshAt.put(key, project(dir, pod));
                }
            }
            refreshAt.keySet().removeIf(key -> {
                if (live.contains(key)) {
                    return false;
                }
                String[] parts = key.split("/");
                VolumeFiles.remove(dir.resolve(parts[0]).resolve(parts[1]));
                return true;
            });
        } catch (RuntimeException | IOException e) {
            Log.warnf("kubelet sync failed: %s", e.getMessage());
        }
    }

    /** Writes the pod's volumes with fresh tokens; returns when they are due again. */
    private Instant project(Path dir, Pod pod) throws IOException {
        String namespace = pod.getMetadata().getNamespace();
        Path podDir = dir.resolve(namespace).resolve(pod.getMetadata().getName());
        TokenRequest issued = request(pod, config.effectiveApiAudiences(), KUBELET_EXPIRATION_SECONDS);
        Map<String, byte[]> files = new HashMap<>();
        files.put("token", issued.getStatus().getToken().getBytes());
        files.put("namespace", namespace.getBytes());
        if (config.caFile().isPresent() && Files.exists(config.caFile().get())) {
            files.put("ca.crt", Files.readAllBytes(config.caFile().get()));
        }
        VolumeFiles.write(podDir.resolve("serviceaccount"), files, clock.instant());
        Instant due = dueAfter(issued);
        for (Volume volume : pod.getSpec().getVolumes() == null ? List.<Volume>of() : pod.getSpec().getVolumes()) {
            if (volume.getProjected() == null || volume.getProjected().getSources() == null) {
                continue;
            }
            Map<String, byte[]> projected = new HashMap<>();
            for (VolumeProjection source : volume.getProjected().getSources()) {
                ServiceAccountTokenProjection token = source.getServiceAccountToken();
                if (token == null) {
                    continue;
                }
                long seconds = token.getExpirationSeconds() == null ? PROJECTED_DEFAULT_SECONDS : token.getExpirationSeconds();
                TokenRequest forAudience = request(pod, token.getAudience() == null ? config.effectiveApiAudiences()
                        : List.of(token.getAudience()), seconds);
                projected.put(token.getPath(), forAudience.getStatus().getToken().getBytes());
                Instant tokenDue = dueAfter(forAudience);
                due = tokenDue.isBefore(due) ? tokenDue : due;
            }
            if (!projected.isEmpty()) {
                VolumeFiles.write(podDir.resolve(volume.getName()), projected, clock.instant());
            }
        }
        return due;
    }

    private TokenRequest request(Pod pod, List<String> audiences, long expirationSeconds) {
        TokenRequest request = new TokenRequest();
        request.setSpec(new TokenRequestSpec(audiences,
                new BoundObjectReference("v1", "Pod", pod.getMetadata().getName(), pod.getMetadata().getUid()), expirationSeconds));
        return tokens.issue(pod.getMetadata().getNamespace(), pod.getSpec().getServiceAccountName(), request);
    }

    /** The kubelet refreshes a token at 80% of its life, or after 24 hours. */
    private Instant dueAfter(TokenRequest issued) {
        Instant now = clock.instant();
        Instant expires = Instant.parse(issued.getStatus().getExpirationTimestamp());
        Instant eightyPercent = now.plusMillis(Duration.between(now, expires).toMillis() * 8 / 10);
        Instant dayLater = now.plus(MAX_AGE);
        return eightyPercent.isBefore(dayLater) ? eightyPercent : dayLater;
    }
}
