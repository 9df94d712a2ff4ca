package dev.wisim.metadata.relay;

import dev.wisim.metadata.client.ApiserverClient;
import dev.wisim.metadata.client.IamClient;
import dev.wisim.metadata.client.StsClient;
import dev.wisim.metadata.client.Upstream;
import dev.wisim.metadata.client.Upstream.Answer;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.pod.Workload;
import dev.wisim.metadata.rest.MetadataException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The token relay of the article, hop by hop: a KSA token from the API server (audience
 * {@code PROJECT.svc.id.goog}), a federated token from STS, and, for an annotated KSA, the GSA's token
 * from IAM. Each hop is logged, so that a workshop can follow it.
 */
@ApplicationScoped
public class TokenRelay {

    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    private final ApiserverClient apiserver;
    private final StsClient sts;
    private final IamClient iam;
    private final MetadataConfig config;
    private final Clock clock;

    public TokenRelay(@RestClient ApiserverClient apiserver, @RestClient StsClient sts, @RestClient IamClient iam,
                      MetadataConfig config, Clock clock) {
        this.apiserver = apiserver;
        this.sts = sts;
        this.iam = iam;
        this.config = config;
        this.clock = clock;
    }

    public record AccessToken(String token, long expiresIn) {
    }

    public AccessToken token(Workload workload, List<String> scopes) {
        String ksaToken = ksaToken(workload);
        AccessToken federated = federate(workload, ksaToken);
        if (workload.gsa().isEmpty()) {
            Log.infof("relay %s: returning the federated token", workload.describe());
            return federated;
        }
        return impersonate(workload, federated.token(), scopes);
    }

    private String ksaToken(Workload workload) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("audiences", List.of(config.workloadPool()));
        spec.put("expirationSeconds", config.ksaTokenLifetime().toSeconds());
        if (workload.podName() != null) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("kind", "Pod");
            ref.put("apiVersion", "v1");
            ref.put("name", workload.podName());
            ref.put("uid", workload.podUid());
            spec.put("boundObjectRef", ref);
        }
        Map<String, Object> request = Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "TokenRequest", "spec", spec);
        long started = System.nanoTime();
        Answer answer = Upstream.call("the Kubernetes API server",
                () -> apiserver.tokenRequest(workload.namespace(), workload.serviceAccount(), request));
        log(workload, "TokenRequest", answer, started);
        if (!answer.ok()) {
            throw new MetadataException(500, "Unable to generate access token; the Kubernetes API server returned "
                    + answer.status() + " " + answer.reason() + ": " + answer.text("message") + "\n");
        }
        return (String) answer.object("status").get("token");
    }

    private AccessToken federate(Workload workload, String ksaToken) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("grantType", "urn:ietf:params:oauth:grant-type:token-exchange");
        request.put("audience", "identitynamespace:" + config.workloadPool() + ":" + config.clusterUrl());
        request.put("scope", CLOUD_PLATFORM);
        request.put("requestedTokenType", "urn:ietf:params:oauth:token-type:access_token");
        request.put("subjectToken", ksaToken);
        request.put("subjectTokenType", "urn:ietf:params:oauth:token-type:jwt");
        long started = System.nanoTime();
        Answer answer = Upstream.call("STS", () -> sts.token(request));
        log(workload, "STS token exchange", answer, started);
        if (!answer.ok()) {
            throw MetadataException.stsRefused(answer.status(), answer.reason(), answer.text("error"), answer.text("error_description"));
        }
        return new AccessToken(answer.text("access_token"), ((Number) answer.body().get("expires_in")).longValue());
    }

    private AccessToken impersonate(Workload workload, String federatedToken, List<String> scopes) {
        String gsa = workload.gsa().orElseThrow();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("delegates", List.of());
        request.put("scope", scopes);
        request.put("lifetime", config.accessTokenLifetime().toSeconds() + "s");
        long started = System.nanoTime();
        Answer answer = Upstream.call("IAM", () -> iam.generateAccessToken("Bearer " + federatedToken, gsa, request));
        log(workload, "IAM generateAccessToken", answer, started);
        if (!answer.ok()) {
            throw MetadataException.iamRefused(answer.status(), answer.reason(), answer.object("error").get("message") + "");
        }
        Instant expires = Instant.parse(answer.text("expireTime"));
        return new AccessToken(answer.text("accessToken"), Math.max(0, Duration.between(clock.instant(), expires).toSeconds()));
    }

    private static void log(Workload workload, String hop, Answer answer, long startedNanos) {
        Log.infof("relay %s: %s → %d (%d ms)", workload.describe(), hop, answer.status(),
                Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
    }
}
