package dev.wisim.apiserver.token;

import dev.wisim.apiserver.cluster.ClusterStore;
import dev.wisim.apiserver.cluster.Kinds;
import dev.wisim.apiserver.config.ApiserverConfig;
import dev.wisim.jose.JwtRejection;
import dev.wisim.jose.JwtVerifier;
import dev.wisim.jose.KeyRing;
import dev.wisim.jose.KeySource;
import dev.wisim.jose.VerificationRules;
import dev.wisim.jose.VerifiedJwt;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service-account token authenticator: what kube-apiserver runs for a bearer token or a
 * TokenReview. Outcomes carry kube-apiserver's error texts.
 */
@ApplicationScoped
public class TokenAuthenticator {

    private final ClusterStore store;
    private final KeyRing keys;
    private final ApiserverConfig config;
    private final JwtVerifier verifier;

    public TokenAuthenticator(ClusterStore store, KeyRing keys, ApiserverConfig config, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.config = config;
        this.verifier = new JwtVerifier(clock);
    }

    /** The result of authenticating a token; {@code user} is null when not authenticated. */
    public record Outcome(UserInfo user, List<String> audiences, String error, String namespace, String serviceAccount, String podName) {

        static Outcome failed(String error) {
            return new Outcome(null, null, error == null ? null : "[invalid bearer token, " + error + "]", null, null, null);
        }

        public boolean authenticated() {
            return user != null;
        }
    }

    /** @param requested audiences the caller requires; empty means the API server's own. */
    public Outcome authenticate(String token, List<String> requested) {
        List<String> wanted = requested == null || requested.isEmpty() ? config.effectiveApiAudiences() : requested;
        VerifiedJwt jwt;
        try {
            jwt = verifier.verify(token, KeySource.of(keys),
                    VerificationRules.rs256().kidOptional().issuers(Set.of(config.effectiveIssuer())));
        } catch (JwtRejection e) {
            return Outcome.failed(describe(e));
        }
        List<String> granted = jwt.audiences().stream().filter(wanted::contains).toList();
        if (granted.isEmpty()) {
            return Outcome.failed("token audiences " + quoted(jwt.audiences()) + " is invalid for the target audiences " + quoted(wanted));
        }
        Map<String, Object> k8s = jwt.object("kubernetes.io");
        String namespace = (String) k8s.get("namespace");
        Map<?, ?> saClaim = k8s.get("serviceaccount") instanceof Map<?, ?> m ? m : Map.of();
        String saName = (String) saClaim.get("name");
        Optional<ServiceAccount> sa = namespace == null || saName == null ? Optional.empty() : store.find(Kinds.SERVICE_ACCOUNTS, namespace, saName);
        if (sa.isEmpty()) {
            return Outcome.failed("service account token has been invalidated");
        }
        String uid = sa.get().getMetadata().getUid();
        if (!uid.equals(saClaim.get("uid"))) {
            return Outcome.failed("service account UID (" + uid + ") does not match claim (" + saClaim.get("uid") + ")");
        }
        Map<String, List<String>> extra = new LinkedHashMap<>();
        jwt.string("jti").ifPresent(jti -> extra.put("authentication.kubernetes.io/credential-id", List.of("JTI=" + jti)));
        String podName = null;
        if (k8s.get("pod") instanceof Map<?, ?> podClaim) {
            podName = (String) podClaim.get("name");
            Optional<Pod> pod = store.find(Kinds.PODS, namespace, podName);
            if (pod.isEmpty() || !pod.get().getMetadata().getUid().equals(podClaim.get("uid"))) {
                return Outcome.failed("service account token has been invalidated");
            }
        }
        if (k8s.get("node") instanceof Map<?, ?> node) {
            extra.put("authentication.kubernetes.io/node-name", List.of((String) node.get("name")));
            if (node.get("uid") != null) {
                extra.put("authentication.kubernetes.io/node-uid", List.of((String) node.get("uid")));
            }
        }
        if (podName != null) {
            extra.put("authentication.kubernetes.io/pod-name", List.of(podName));
            extra.put("authentication.kubernetes.io/pod-uid", List.of((String) ((Map<?, ?>) k8s.get("pod")).get("uid")));
        }
        UserInfo user = new UserInfo(extra,
                List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"),
                uid, "system:serviceaccount:" + namespace + ":" + saName);
        return new Outcome(user, granted, null, namespace, saName, podName);
    }

    private static String describe(JwtRejection e) {
        return switch (e.reason()) {
            case EXPIRED -> "service account token has expired";
            case NOT_YET_VALID -> "service account token is not valid yet";
            case ISSUED_IN_FUTURE -> "service account token is issued in the future";
            case BAD_SIGNATURE, UNKNOWN_KID -> "square/go-jose: error in cryptographic primitive";
            // kube-apiserver does not claim tokens of another issuer or that are not JWTs: no error, just unauthenticated
            case WRONG_ISSUER, MALFORMED -> null;
            default -> e.getMessage();
        };
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }
}
