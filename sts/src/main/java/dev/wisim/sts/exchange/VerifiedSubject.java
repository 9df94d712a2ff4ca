package dev.wisim.sts.exchange;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of verifying a subject token: who it is in the pool's terms.
 *
 * @param principal     {@code principal://iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/POOL/subject/S}
 * @param principalSets the {@code principalSet://…} members the subject belongs to
 * @param expiresAt     the subject token's {@code exp}; the federated token never outlives it
 */
public record VerifiedSubject(String principal, List<String> principalSets, Instant expiresAt) {
}
