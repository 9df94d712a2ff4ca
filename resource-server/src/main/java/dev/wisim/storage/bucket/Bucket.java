package dev.wisim.storage.bucket;

import java.time.Instant;
import java.util.Map;

/** A bucket: its project (id and number), times, metageneration, labels and IAM policy. */
public record Bucket(String name, String projectId, String projectNumber, Instant created, Instant updated,
                     long metageneration, String location, String storageClass, Map<String, String> labels, BucketPolicy policy,
                     long policyRevision) {

    Bucket withPolicy(BucketPolicy newPolicy, long revision, Instant at) {
        return new Bucket(name, projectId, projectNumber, created, at, metageneration, location, storageClass, labels, newPolicy,
                revision);
    }

    Bucket patched(String newStorageClass, Map<String, String> newLabels, Instant at) {
        return new Bucket(name, projectId, projectNumber, created, at, metageneration + 1, location,
                newStorageClass == null ? storageClass : newStorageClass, newLabels, policy, policyRevision);
    }
}
