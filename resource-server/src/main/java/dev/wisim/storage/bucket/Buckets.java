package dev.wisim.storage.bucket;

import dev.wisim.storage.object.Etags;
import dev.wisim.storage.object.ObjectStorage;
import dev.wisim.storage.rest.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The buckets of this world (bucket names are global, as in Cloud Storage). */
@ApplicationScoped
public class Buckets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][-a-z0-9_.]{1,61}[a-z0-9]");

    private final Map<String, Bucket> buckets = new TreeMap<>();
    private final ObjectStorage storage;
    private final Clock clock;

    public Buckets(ObjectStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
        storage.buckets().forEach(b -> buckets.put(b.name(), b));
    }

    public synchronized Bucket create(String name, String projectId, String projectNumber, String location, String storageClass,
                                      Map<String, String> labels) {
        if (name == null || name.isEmpty()) {
            throw StorageException.required("Required");
        }
        if (!NAME.matcher(name).matches() || name.contains("..") || name.startsWith("goog")) {
            throw StorageException.invalid("Invalid bucket name: '" + name + "'");
        }
        if (buckets.containsKey(name)) {
            throw StorageException.bucketExists();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Bucket bucket = new Bucket(name, projectId, projectNumber, now, now, 1,
                location == null ? "US" : location.toUpperCase(), storageClass == null ? "STANDARD" : storageClass, labels,
                BucketPolicy.defaultFor(name, projectId, Etags.of(1)), 1);
        storage.save(bucket);
        buckets.put(name, bucket);
        return bucket;
    }

    public synchronized Optional<Bucket> find(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    public synchronized List<Bucket> inProject(String projectId) {
        return buckets.values().stream().filter(b -> b.projectId().equals(projectId)).toList();
    }

    public synchronized void delete(String name) {
        storage.deleteBucket(name);
        buckets.remove(name);
    }

    /** buckets.patch: storage class and labels (a null label value removes the label); the metageneration moves on. */
    public synchronized Bucket patch(String name, String storageClass, Map<String, String> labels, Long ifMetagenerationMatch) {
        Bucket bucket = find(name).orElseThrow(StorageException::noSuchBucket);
        if (ifMetagenerationMatch != null && ifMetagenerationMatch != bucket.metageneration()) {
            throw StorageException.conditionNotMet();
        }
        Map<String, String> merged = new TreeMap<>(bucket.labels() == null ? Map.of() : bucket.labels());
        if (labels != null) {
            labels.forEach((key, value) -> {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
        }
        Bucket patched = bucket.patched(storageClass, merged.isEmpty() ? null : merged, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        storage.save(patched);
        buckets.put(name, patched);
        return patched;
    }

    /** Replaces the policy; an etag in the request must be the current one. */
    public synchronized BucketPolicy setPolicy(String name, BucketPolicy requested) {
        Bucket bucket = find(name).orElseThrow(StorageException::noSuchBucket);
        if (requested.etag() != null && !Etags.same(requested.etag(), bucket.policy().etag())) {
            throw StorageException.conditionNotMet();
        }
        long revision = bucket.policyRevision() + 1;
        List<BucketPolicy.Binding> bindings = requested.bindingsOrEmpty().stream().filter(java.util.Objects::nonNull)
                .map(b -> new BucketPolicy.Binding(b.role(), b.membersOrEmpty().stream().filter(java.util.Objects::nonNull).toList(),
                        b.condition()))
                .filter(b -> b.role() != null && !b.members().isEmpty()).toList();
        BucketPolicy policy = new BucketPolicy("storage#policy", "projects/_/buckets/" + name,
                requested.version() == null ? 1 : requested.version(), bindings, Etags.of(revision));
        Bucket updated = bucket.withPolicy(policy, revision, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        storage.save(updated);
        buckets.put(name, updated);
        return policy;
    }
}
