package dev.wisim.storage.bucket;

import java.time.Instant;

/** A bucket: its project (id and number), times, metageneration and IAM policy. */
public record Bucket(String name, String projectId, String projectNumber, Instant created, Instant updated,
                     long metageneration, String location, String storageClass, BucketPolicy policy, long policyRevision) {

    Bucket withPolicy(BucketPolicy newPolicy, long revision, Instant at) {
        return new Bucket(name, projectId, projectNumber, created, at, metageneration, location, storageClass, newPolicy, revision);
    }
}
