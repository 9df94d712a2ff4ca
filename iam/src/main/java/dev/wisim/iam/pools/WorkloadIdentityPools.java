package dev.wisim.iam.pools;

import dev.wisim.durable.StateDb;
import dev.wisim.iam.rest.IamException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Workload identity pools and their providers, by resource name. Deleting marks a resource DELETED
 * for 30 days (undeletable meanwhile, its id still taken); a deleted pool's providers stop working.
 */
@ApplicationScoped
public class WorkloadIdentityPools {

    static final Duration RETENTION = Duration.ofDays(30);

    private final Map<String, WorkloadIdentityPool> pools;
    private final Map<String, WorkloadIdentityPoolProvider> providers;
    private final Clock clock;

    public WorkloadIdentityPools(Clock clock, StateDb db) {
        this.clock = clock;
        this.pools = db.map("workloadIdentityPools", WorkloadIdentityPool.class, new TreeMap<>());
        this.providers = db.map("workloadIdentityPoolProviders", WorkloadIdentityPoolProvider.class, new TreeMap<>());
    }

    public static String poolName(String projectNumber, String poolId) {
        return "projects/" + projectNumber + "/locations/global/workloadIdentityPools/" + poolId;
    }

    public synchronized WorkloadIdentityPool createPool(WorkloadIdentityPool pool) {
        purgeExpired();
        if (pools.containsKey(pool.name())) {
            throw IamException.alreadyExists("Requested entity already exists", null);
        }
        pools.put(pool.name(), pool);
        return pool;
    }

    public synchronized Optional<WorkloadIdentityPool> pool(String name) {
        purgeExpired();
        return Optional.ofNullable(pools.get(name));
    }

    /** The project's pools, without the deleted ones unless asked. */
    public synchronized List<WorkloadIdentityPool> pools(String projectNumber, boolean showDeleted) {
        purgeExpired();
        String prefix = "projects/" + projectNumber + "/locations/global/workloadIdentityPools/";
        return pools.values().stream().filter(p -> p.name().startsWith(prefix))
                .filter(p -> showDeleted || "ACTIVE".equals(p.state())).toList();
    }

    public synchronized WorkloadIdentityPool updatePool(String name, UnaryOperator<WorkloadIdentityPool> change) {
        WorkloadIdentityPool updated = change.apply(requirePool(name));
        pools.put(name, updated);
        return updated;
    }

    public synchronized WorkloadIdentityPool deletePool(String name) {
        WorkloadIdentityPool pool = requirePool(name);
        if (!"ACTIVE".equals(pool.state())) {
            throw IamException.failedPrecondition("The workload identity pool is already deleted.");
        }
        return updatePool(name, p -> p.withState("DELETED", expiry()));
    }

    public synchronized WorkloadIdentityPool undeletePool(String name) {
        WorkloadIdentityPool pool = requirePool(name);
        if ("ACTIVE".equals(pool.state())) {
            throw IamException.failedPrecondition("The workload identity pool is not deleted.");
        }
        return updatePool(name, p -> p.withState("ACTIVE", null));
    }

    public synchronized WorkloadIdentityPoolProvider createProvider(WorkloadIdentityPoolProvider provider) {
        purgeExpired();
        if (providers.containsKey(provider.name())) {
            throw IamException.alreadyExists("Requested entity already exists", null);
        }
        providers.put(provider.name(), provider);
        return provider;
    }

    public synchronized Optional<WorkloadIdentityPoolProvider> provider(String name) {
        purgeExpired();
        return Optional.ofNullable(providers.get(name));
    }

    public synchronized List<WorkloadIdentityPoolProvider> providers(String poolName, boolean showDeleted) {
        purgeExpired();
        return providers.values().stream().filter(p -> p.name().startsWith(poolName + "/providers/"))
                .filter(p -> showDeleted || "ACTIVE".equals(p.state())).toList();
    }

    public synchronized WorkloadIdentityPoolProvider updateProvider(String name, UnaryOperator<WorkloadIdentityPoolProvider> change) {
        WorkloadIdentityPoolProvider updated = change.apply(requireProvider(name));
        providers.put(name, updated);
        return updated;
    }

    public synchronized WorkloadIdentityPoolProvider deleteProvider(String name) {
        if (!"ACTIVE".equals(requireProvider(name).state())) {
            throw IamException.failedPrecondition("The workload identity pool provider is already deleted.");
        }
        return updateProvider(name, p -> p.withState("DELETED", expiry()));
    }

    public synchronized WorkloadIdentityPoolProvider undeleteProvider(String name) {
        if ("ACTIVE".equals(requireProvider(name).state())) {
            throw IamException.failedPrecondition("The workload identity pool provider is not deleted.");
        }
        return updateProvider(name, p -> p.withState("ACTIVE", null));
    }

    private WorkloadIdentityPool requirePool(String name) {
        return pool(name).orElseThrow(() -> IamException.notFound("Requested entity was not found."));
    }

    private WorkloadIdentityPoolProvider requireProvider(String name) {
        return provider(name).orElseThrow(() -> IamException.notFound("Requested entity was not found."));
    }

    private String expiry() {
        return DateTimeFormatter.ISO_INSTANT.format(clock.instant().plus(RETENTION).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Deleted resources past their retention are gone for good (and their ids free again). */
    private void purgeExpired() {
        Instant now = clock.instant();
        pools.values().removeIf(p -> p.expireTime() != null && Instant.parse(p.expireTime()).isBefore(now));
        providers.values().removeIf(p -> p.expireTime() != null && Instant.parse(p.expireTime()).isBefore(now));
    }
}
