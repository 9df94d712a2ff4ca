package dev.wisim.metadata.pod;

import dev.wisim.metadata.client.Blocking;
import dev.wisim.metadata.rest.MetadataException;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * KSA tokens presented to the metadata server (the article's direct REST call), checked with the API
 * server's TokenReview; who a token is stays known for {@value #TTL_SECONDS} seconds, as kube-apiserver's
 * webhook authenticators cache a verdict, so repeated calls cost no round trip. Refusals are not kept.
 */
@ApplicationScoped
public class TokenReviews {

    static final long TTL_SECONDS = 60;
    private static final int MAX_ENTRIES = 10_000;

    private record Reviewed(UserInfo user, Instant until) {
    }

    private final KubernetesClient apiserver;
    private final Clock clock;
    private final Map<String, Reviewed> reviewed = new ConcurrentHashMap<>();

    public TokenReviews(KubernetesClient apiserver, Clock clock) {
        this.apiserver = apiserver;
        this.clock = clock;
    }

    /** Who the token is; a 401 with the API server's reason when it is nobody. */
    public UserInfo user(String token) {
        String key = sha256(token);
        Reviewed known = reviewed.get(key);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.until())) {
            return known.user();
        }
        Blocking.check();
        TokenReview review;
        try {
            review = apiserver.resource(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build()).create();
        } catch (KubernetesClientException e) {
            throw e.getCode() == 0 ? MetadataException.unavailable("the Kubernetes API server")
                    : new MetadataException(401, "Unable to authenticate the Kubernetes service account token: the Kubernetes API"
                    + " server returned " + e.getCode() + "\n");
        }
        if (review.getStatus() == null || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())) {
            String error = review.getStatus() == null ? null : review.getStatus().getError();
            throw new MetadataException(401, "Unable to authenticate the Kubernetes service account token"
                    + (error == null ? "" : ": " + error) + "\n");
        }
        if (reviewed.size() >= MAX_ENTRIES) {
            reviewed.values().removeIf(entry -> !now.isBefore(entry.until()));
        }
        reviewed.put(key, new Reviewed(review.getStatus().getUser(), now.plus(Duration.ofSeconds(TTL_SECONDS))));
        return review.getStatus().getUser();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
