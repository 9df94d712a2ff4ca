package dev.wisim.apiserver.token;

import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.Kinds;
import dev.wisim.apiserver.cluster.KubernetesException;
import dev.wisim.apiserver.cluster.KubernetesException.Cause;
import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.jose.JwsSigner;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.SigningKey;
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
        ServiceAccount sa = store.get(Kinds.SERVICE_ACCOUNTS, namespace, saName);
        if (request.getMetadata() != null) {
            checkMetadata(request.getMetadata().getName(), saName, "metadata.name");
            checkMetadata(request.getMetadata().getNamespace(), namespace, "metadata.namespace");
        }
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
        Bound bound = ref == null ? Bound.NONE : bind(ref, namespace, saName);
        Pod pod = bound.pod();

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean extended = pod != null && seconds == KUBELET_SECONDS && config.effectiveApiAudiences().containsAll(audiences);
        Instant exp = now.plusSeconds(seconds);
        Instant tokenExp = extended ? now.plus(EXTENDED) : exp;
        Map<String, Object> claims = claims(sa, bound, audiences, now, tokenExp, extended ? exp : null);
        SigningKey key = keys.active();
        String token = JwsSigner.sign(key, claims);
        keys.noteSigned(key.kid(), tokenExp);

        TokenRequest response = new TokenRequest();
        response.setApiVersion("authentication.k8s.io/v1");
        response.setKind("TokenRequest");
        response.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(saName).withNamespace(namespace).withCreationTimestamp(now.toString()).build());
        response.setSpec(new TokenRequestSpec(audiences, ref, seconds));
        response.setStatus(new TokenRequestStatus(exp.toString(), token));
        return response;
    }

    /** What a token is bound to: a pod (and its node), a node, or nothing. */
    private record Bound(Pod pod, String nodeName) {
        static final Bound NONE = new Bound(null, null);
    }

    private Bound bind(BoundObjectReference ref, String namespace, String saName) {
        String apiVersion = ref.getApiVersion() == null ? "" : ref.getApiVersion();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String kind = ref.getKind() == null ? "" : ref.getKind();
        if (!group.isEmpty() || !List.of("Pod", "Node", "Secret").contains(kind)) {
            throw KubernetesException.badRequest("cannot bind token to object of type " + kind + (group.isEmpty() ? "" : "." + group));
        }
        String name = ref.getName() == null ? "" : ref.getName();
        if ("Secret".equals(kind)) {
            // this cluster stores no Secrets
            throw KubernetesException.notFound("secrets", name);
        }
        if ("Node".equals(kind)) {
            if (!config.nodeName().equals(name)) {
                throw KubernetesException.notFound("nodes", name);
            }
            checkUid(ref, "Node", name, NodeIdentity.uid(name));
            return new Bound(null, name);
        }
        Pod pod = store.find(Kinds.PODS, namespace, name).orElseThrow(() -> KubernetesException.notFound("pods", name));
        if (!saName.equals(pod.getSpec().getServiceAccountName())) {
            throw KubernetesException.badRequest("cannot bind token for serviceaccount \"" + saName
                    + "\" to pod running with different serviceaccount name.");
        }
        checkUid(ref, "Pod", name, pod.getMetadata().getUid());
        return new Bound(pod, pod.getSpec().getNodeName());
    }

    private static void checkUid(BoundObjectReference ref, String kind, String name, String uid) {
        if (ref.getUid() != null && !ref.getUid().isEmpty() && !ref.getUid().equals(uid)) {
            throw KubernetesException.conflict(kind, name, "the UID in the bound object reference (" + ref.getUid()
                    + ") does not match the UID in record. The object might have been deleted and then recreated");
        }
    }

    private static void checkMetadata(String given, String expected, String field) {
        if (given != null && !given.isEmpty() && !given.equals(expected)) {
            throw KubernetesException.invalid("TokenRequest", "authentication.k8s.io", "",
                    Cause.invalidValue(field, given, "must match the service account's " + field.substring("metadata.".length())));
        }
    }

    private Map<String, Object> claims(ServiceAccount sa, Bound bound, List<String> audiences, Instant now, Instant exp, Instant warnAfter) {
        String namespace = sa.getMetadata().getNamespace();
        Map<String, Object> kubernetes = new TreeMap<>();
        kubernetes.put("namespace", namespace);
        kubernetes.put("serviceaccount", Map.of("name", sa.getMetadata().getName(), "uid", sa.getMetadata().getUid()));
        if (bound.pod() != null) {
            kubernetes.put("pod", Map.of("name", bound.pod().getMetadata().getName(), "uid", bound.pod().getMetadata().getUid()));
        }
        if (bound.nodeName() != null) {
            kubernetes.put("node", Map.of("name", bound.nodeName(), "uid", NodeIdentity.uid(bound.nodeName())));
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
