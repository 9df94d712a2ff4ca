package dev.wisim.metadata.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.metadata.client.IamClient;
import dev.wisim.metadata.client.StsClient;
import dev.wisim.metadata.client.Upstream;
import dev.wisim.metadata.client.Upstream.Answer;
import dev.wisim.metadata.config.MetadataConfig;
import dev.wisim.metadata.pod.Workload;
import dev.wisim.metadata.relay.TokenCache.Token;
import dev.wisim.metadata.rest.MetadataException;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestSpecBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The token relay of the article, hop by hop: a KSA token from the API server (audience
 * {@code PROJECT.svc.id.goog}), a federated token from STS, and, for an annotated KSA, the GSA's
 * access token or ID token from IAM. Every hop is recorded in the {@link RelayLog}. Like GKE's
 * metadata server, it keeps a pod's federated token (in the {@link TokenCache}, until five minutes
 * before it expires): another scope set or an ID token then costs only the IAM hop.
 */
@ApplicationScoped
public class TokenRelay {

    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    private final KubernetesClient apiserver;
    private final StsClient sts;
    private final IamClient iam;
    private final MetadataConfig config;
    private final RelayLog log;
    private final ObjectMapper json;
    private final TokenCache cache;
    private final Faults faults;

    public TokenRelay(KubernetesClient apiserver, @RestClient StsClient sts, @RestClient IamClient iam,
                      MetadataConfig config, RelayLog log, ObjectMapper json, TokenCache cache, Faults faults) {
        this.apiserver = apiserver;
        this.sts = sts;
        this.iam = iam;
        this.config = config;
        this.log = log;
        this.json = json;
        this.cache = cache;
        this.faults = faults;
    }

    /** The pod's federated token: the one kept from an earlier relay, or a KSA token exchanged at STS now. */
    private Token federated(RelayLog.Recorder relay, Workload workload) {
        boolean[] exchanged = {false};
        Token token = cache.get("federated " + workload.namespace() + "/" + workload.serviceAccount() + " pod " + workload.podUid(), () -> {
            exchanged[0] = true;
            return federate(relay, workload, ksaToken(relay, workload));
        });
        if (!exchanged[0]) {
            relay.reused("federated token");
        }
        return token;
    }

    /** The workload's access token: the GSA's for an annotated KSA, the federated token otherwise. */
    public Token accessToken(Workload workload, List<String> scopes) {
        RelayLog.Recorder relay = log.start(workload, "access token");
        try {
            Token federated = federated(relay, workload);
            Token token = workload.gsa().isEmpty() ? federated : impersonate(relay, workload, federated.value(), scopes);
            relay.finish("ok");
            return token;
        } catch (MetadataException e) {
            relay.finish(e.getMessage().strip());
            throw e;
        }
    }

    /** The GSA's ID token for {@code audience}; only an annotated KSA has one. */
    public Token idToken(Workload workload, String audience, boolean includeEmail) {
        RelayLog.Recorder relay = log.start(workload, "ID token");
        try {
            Token federated = federated(relay, workload);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("delegates", List.of());
            request.put("audience", audience);
            request.put("includeEmail", includeEmail);
            long started = System.nanoTime();
            Answer answer = faults.or(Faults.Hop.iam, () -> Upstream.call("IAM", () -> iam.generateIdToken("Bearer " + federated.value(),
                    workload.gsa().orElseThrow(), request)));
            relay.hop("IAM generateIdToken", answer.status(), started, answer.ok() ? TokenView.ofJwt(answer.text("token")) : null);
            if (!answer.ok()) {
                throw MetadataException.iamRefused("identity token", answer.status(), answer.reason(),
                        answer.object("error").get("message") + "");
            }
            String token = answer.text("token");
            relay.finish("ok");
            return new Token(token, expiryOf(token));
        } catch (MetadataException e) {
            relay.finish(e.getMessage().strip());
            throw e;
        }
    }

    private String ksaToken(RelayLog.Recorder relay, Workload workload) {
        TokenRequestSpecBuilder spec = new TokenRequestSpecBuilder().withAudiences(config.workloadPool())
                .withExpirationSeconds(config.ksaTokenLifetime().toSeconds());
        if (workload.podName() != null) {
            spec.withNewBoundObjectRef().withKind("Pod").withApiVersion("v1").withName(workload.podName()).withUid(workload.podUid())
                    .endBoundObjectRef();
        }
        TokenRequest request = new TokenRequestBuilder().withSpec(spec.build()).build();
        long started = System.nanoTime();
        try {
            Optional<Integer> injected = faults.before(Faults.Hop.apiserver);
            if (injected.isPresent()) {
                throw new KubernetesClientException("a fault switched on at the metadata server's /_sim/faults/apiserver",
                        injected.get(), null);
            }
            TokenRequest answer = apiserver.serviceAccounts().inNamespace(workload.namespace()).withName(workload.serviceAccount())
                    .tokenRequest(request);
            String token = answer.getStatus().getToken();
            relay.hop("TokenRequest", 201, started, TokenView.ofJwt(token));
            return token;
        } catch (KubernetesClientException e) {
            relay.hop("TokenRequest", e.getCode(), started);
            if (e.getCode() == 0) {
                throw MetadataException.unavailable("the Kubernetes API server");
            }
            throw new MetadataException(500, "Unable to generate access token; the Kubernetes API server returned "
                    + e.getCode() + " " + reason(e.getCode()) + ": "
                    + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage()) + "\n");
        }
    }

    private static String reason(int status) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        return known == null ? "" : known.getReasonPhrase();
    }

    private Token federate(RelayLog.Recorder relay, Workload workload, String ksaToken) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("grantType", "urn:ietf:params:oauth:grant-type:token-exchange");
        request.put("audience", "identitynamespace:" + config.workloadPool() + ":" + config.clusterUrl());
        request.put("scope", CLOUD_PLATFORM);
        request.put("requestedTokenType", "urn:ietf:params:oauth:token-type:access_token");
        request.put("subjectToken", ksaToken);
        request.put("subjectTokenType", "urn:ietf:params:oauth:token-type:jwt");
        long started = System.nanoTime();
        Answer answer = faults.or(Faults.Hop.sts, () -> Upstream.call("STS", () -> sts.token(request)));
        if (!answer.ok()) {
            relay.hop("STS token exchange", answer.status(), started);
            throw MetadataException.stsRefused(answer.status(), answer.reason(), answer.text("error"), answer.text("error_description"));
        }
        long expiresIn = ((Number) answer.body().get("expires_in")).longValue();
        Token federated = new Token(answer.text("access_token"), Instant.now().plusSeconds(expiresIn));
        // the federated token speaks for the KSA as IAM names it in a binding
        String member = "serviceAccount:" + config.workloadPool() + "[" + workload.namespace() + "/" + workload.serviceAccount() + "]";
        relay.hop("STS token exchange", answer.status(), started, TokenView.opaque(federated.value(), member, federated.expiresAt()));
        return federated;
    }

    private Token impersonate(RelayLog.Recorder relay, Workload workload, String federatedToken, List<String> scopes) {
        String gsa = workload.gsa().orElseThrow();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("delegates", List.of());
        request.put("scope", scopes);
        request.put("lifetime", config.accessTokenLifetime().toSeconds() + "s");
        long started = System.nanoTime();
        Answer answer = faults.or(Faults.Hop.iam, () -> Upstream.call("IAM", () -> iam.generateAccessToken("Bearer " + federatedToken, gsa, request)));
        if (!answer.ok()) {
            relay.hop("IAM generateAccessToken", answer.status(), started);
            throw MetadataException.iamRefused("access token", answer.status(), answer.reason(), answer.object("error").get("message") + "");
        }
        Token token = new Token(answer.text("accessToken"), Instant.parse(answer.text("expireTime")));
        relay.hop("IAM generateAccessToken", answer.status(), started, TokenView.opaque(token.value(), gsa, token.expiresAt()));
        return token;
    }

    /** An ID token's {@code exp}, read (not verified: it comes straight from IAM); now when it has none, so it is not cached. */
    private Instant expiryOf(String jwt) {
        try {
            JsonNode exp = json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).path("exp");
            return exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : Instant.now();
        } catch (IOException | RuntimeException e) {
            return Instant.now();
        }
    }
}
