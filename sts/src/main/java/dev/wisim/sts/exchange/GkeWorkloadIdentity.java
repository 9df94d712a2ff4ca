package dev.wisim.sts.exchange;

import dev.wisim.jose.Jwks;
import dev.wisim.jose.JwtRejection;
import dev.wisim.jose.JwtVerifier;
import dev.wisim.jose.KeySource;
import dev.wisim.jose.VerificationRules;
import dev.wisim.jose.VerifiedJwt;
import dev.wisim.sts.client.IamClient;
import dev.wisim.sts.client.OidcKeys;
import dev.wisim.sts.config.StsConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * GKE Workload Identity: a KSA token from a cluster whose workload pool is {@code PROJECT.svc.id.goog}
 * becomes the pool principal {@code …/subject/ns/NS/sa/KSA}. The cluster must be registered in that
 * pool (every cluster of the project is, so equal names in two clusters are one principal); the token
 * must be signed by the cluster's issuer, for the pool's audience, and current.
 */
@ApplicationScoped
public class GkeWorkloadIdentity implements SubjectTokenVerifier {

    static final Duration MAX_LIFETIME = Duration.ofHours(48);
    private static final Pattern KSA_SUBJECT = Pattern.compile("system:serviceaccount:([^:]+):([^:]+)");
    private static final String IAM_PREFIX = "iam.googleapis.com/projects/";

    private final IamClient iam;
    private final OidcKeys keys;
    private final JwtVerifier verifier;
    private final StsConfig config;

    public GkeWorkloadIdentity(@RestClient IamClient iam, OidcKeys keys, Clock clock, StsConfig config) {
        this.iam = iam;
        this.keys = keys;
        this.verifier = new JwtVerifier(clock);
        this.config = config;
    }

    @Override
    public boolean handles(String audience) {
        return GkeAudience.looksLike(audience);
    }

    @Override
    public VerifiedSubject verify(TokenExchangeRequest request) {
        GkeAudience audience = GkeAudience.parse(request.audience()).orElseThrow(StsException::invalidAudience);
        IamClient.ClusterList registered = registeredCluster(audience);
        IamClient.Cluster cluster = registered.clusters().get(0);
        String projectNumber = registered.projectNumber();
        VerifiedJwt jwt = verifyJwt(request.subjectToken(), audience, cluster);
        Matcher ksa = KSA_SUBJECT.matcher(jwt.subject() == null ? "" : jwt.subject());
        if (!ksa.matches()) {
            throw StsException.invalidGrant("The subject in the ID Token [" + jwt.subject()
                    + "] is not a Kubernetes service account.");
        }
        String poolPath = IAM_PREFIX + projectNumber + "/locations/global/workloadIdentityPools/" + audience.pool();
        String principal = "principal://" + poolPath + "/subject/ns/" + ksa.group(1) + "/sa/" + ksa.group(2);
        List<String> sets = List.of(
                "principalSet://" + poolPath + "/namespace/" + ksa.group(1),
                "principalSet://" + poolPath + "/kubernetes.cluster/" + audience.clusterUrl());
        return new VerifiedSubject(principal, sets, jwt.expiresAt());
    }

    /**
     * The cluster as a provider of its project's GKE pool, with the pool project's number: a cluster
     * that never joined the pool, or a pool whose project does not exist, is {@code invalid_target}.
     */
    private IamClient.ClusterList registeredCluster(GkeAudience audience) {
        try {
            IamClient.ClusterList registered = iam.clusters(audience.pool(), audience.clusterUrl());
            if (registered.clusters() == null || registered.clusters().isEmpty() || registered.projectNumber() == null) {
                throw StsException.invalidTarget();
            }
            return registered;
        } catch (WebApplicationException e) {
            throw StsException.invalidTarget();
        } catch (ProcessingException e) {
            Log.warnf("cannot reach IAM at %s: %s", config.iamUrl(), e.getMessage());
            throw StsException.serverError("IAM is unavailable.");
        }
    }

    private VerifiedJwt verifyJwt(String token, GkeAudience audience, IamClient.Cluster cluster) {
        VerificationRules rules = VerificationRules.rs256().algorithms("RS256", "ES256")
                .issuer(audience.clusterUrl()).audience(audience.pool())
                .leeway(config.clockSkew()).maxLifetime(MAX_LIFETIME);
        try {
            KeySource source = cluster.jwksJson() != null && !cluster.jwksJson().isBlank() ? Jwks.parse(cluster.jwksJson())
                    : cluster.jwksUri() == null ? keys.forIssuer(audience.clusterUrl()) : keys.forJwksUri(audience.clusterUrl(), cluster.jwksUri());
            return verifier.verify(token, source, rules);
        } catch (JwtRejection e) {
            throw StsException.invalidGrant(SubjectTokenErrors.describe(e, token));
        }
    }
}
