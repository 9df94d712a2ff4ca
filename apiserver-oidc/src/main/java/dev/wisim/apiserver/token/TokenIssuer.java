package dev.wisim.apiserver.token;

import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.KubernetesException.Cause;
import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.KeyRing;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.BoundObjectReference;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestSpec;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** TokenRequest with kube-apiserver 1.32's rules, issuing tokens in its exact JWT form. */
@ApplicationScoped
public class TokenIssuer {

    static final long DEFAULT_SECONDS = 3600;
    static final long MIN_SECONDS = 600;
    static final long MAX_SECONDS = 1L << 32;
    /** The kubelet's magic expiry; such pod-bound tokens are extended to a year (with {@code warnafter}). */
    static final long KUBELET_SECONDS = 3607;
    static final Duration EXTENDED = Duration.ofDays(365);

    private final ClusterStore store;
    private final KeyRing keys;
    private final ApiserverConfig config;
    private final Clock clock;

    public TokenIssuer(ClusterStore store, KeyRing keys, ApiserverConfig config, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public TokenRequest issue(String namespace, String saName, TokenRequest request) {
        ServiceAccount sa = store.serviceAccount(namespace, saName);
        TokenRequestSpec spec = request.getSpec() == null ? new TokenRequestSpec() : request.getSpec();
        long seconds = spec.getExpirationSeconds() == null || spec.getExpirationSeconds() == 0 ? DEFAULT_SECONDS : spec.getExpirationSeconds();
        if (seconds < MIN_SECONDS) {
            throw invalidExpiration(seconds, "may not specify a duration less than 10 minutes");
        }
        if (seconds > MAX_SECONDS) {
            throw invalidExpiration(seconds, "may not specify a duration larger than 2^32 seconds");
        }
        List<String> audiences = spec.getAudiences() == null || spec.getAudiences().isEmpty()
                ? config.effectiveApiAudiences() : List.copyOf(spec.getAudiences());
        BoundObjectReference ref = spec.getBoundObjectRef();
        Pod pod = ref == null ? null : boundPod(ref, namespace, saName);

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean extended = pod != null && seconds == KUBELET_SECONDS && config.effectiveApiAudiences().containsAll(audiences);
        Instant exp = now.plusSeconds(seconds);
        Map<String, Object> claims = claims(sa, pod, audiences, now, extended ? now.plus(EXTENDED) : exp, extended ? exp : null);
        String token = JwsSigner.sign(keys.active(), claims);

        TokenRequest response = new TokenRequest();
        response.setApiVersion("authentication.k8s.io/v1");
        response.setKind("TokenRequest");
        response.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(saName).withNamespace(namespace).withCreationTimestamp(now.toString()).build());
        response.setSpec(new TokenRequestSpec(audiences, ref, seconds));
        response.setStatus(new TokenRequestStatus(exp.toString(), token));
        return response;
    }

    private Pod boundPod(BoundObjectReference ref, String namespace, String saName) {
        String apiVersion = ref.getApiVersion() == null ? "" : ref.getApiVersion();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (!group.isEmpty() || !"Pod".equals(ref.getKind())) {
            throw KubernetesException.badRequest("cannot bind token to object of type " + ref.getKind()
                    + (group.isEmpty() ? "" : "." + group));
        }
        Pod pod = store.findPod(namespace, ref.getName())
                .orElseThrow(() -> KubernetesException.notFound("pods", ref.getName()));
        if (!saName.equals(pod.getSpec().getServiceAccountName())) {
            throw KubernetesException.badRequest("cannot bind token for serviceaccount \"" + saName
                    + "\" to pod running with different serviceaccount name.");
        }
        if (ref.getUid() != null && !ref.getUid().isEmpty() && !ref.getUid().equals(pod.getMetadata().getUid())) {
            throw KubernetesException.conflict("Pod", ref.getName(), "the UID in the bound object reference ("
                    + ref.getUid() + ") does not match the UID in record. The object might have been deleted and then recreated");
        }
        return pod;
    }

    private Map<String, Object> claims(ServiceAccount sa, Pod pod, List<String> audiences, Instant now, Instant exp, Instant warnAfter) {
        String namespace = sa.getMetadata().getNamespace();
        Map<String, Object> kubernetes = new TreeMap<>();
        kubernetes.put("namespace", namespace);
        kubernetes.put("serviceaccount", Map.of("name", sa.getMetadata().getName(), "uid", sa.getMetadata().getUid()));
        if (pod != null) {
            kubernetes.put("pod", Map.of("name", pod.getMetadata().getName(), "uid", pod.getMetadata().getUid()));
            if (pod.getSpec().getNodeName() != null) {
                kubernetes.put("node", Map.of("name", pod.getSpec().getNodeName(), "uid", NodeIdentity.uid(pod.getSpec().getNodeName())));
            }
        }
        if (warnAfter != null) {
            kubernetes.put("warnafter", warnAfter.getEpochSecond());
        }
        Map<String, Object> claims = new TreeMap<>();
        claims.put("aud", audiences);
        claims.put("exp", exp.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("iss", config.effectiveIssuer());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("kubernetes.io", kubernetes);
        claims.put("nbf", now.getEpochSecond());
        claims.put("sub", "system:serviceaccount:" + namespace + ":" + sa.getMetadata().getName());
        return claims;
    }

    private static KubernetesException invalidExpiration(long seconds, String why) {
        return KubernetesException.invalid("TokenRequest", "authentication.k8s.io", "",
                Cause.invalidValue("spec.expirationSeconds", seconds, why));
    }
}
