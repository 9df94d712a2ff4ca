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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Workload identity federation with an OIDC provider of a pool: the token must be signed by the
 * provider's issuer (keys inline or discovered), for one of its allowed audiences (by default the
 * provider's own name), and current; its claims are mapped to attributes and must satisfy the
 * provider's condition. The principal is {@code …/POOL/subject/SUBJECT}; its principal sets are the
 * pool, its groups and its attributes.
 */
@ApplicationScoped
public class ProviderFederation implements SubjectTokenVerifier {

    private final IamClient iam;
    private final OidcKeys keys;
    private final AttributeMapper mapper;
    private final JwtVerifier verifier;
    private final StsConfig config;

    public ProviderFederation(@RestClient IamClient iam, OidcKeys keys, AttributeMapper mapper, Clock clock, StsConfig config) {
        this.iam = iam;
        this.keys = keys;
        this.mapper = mapper;
        this.verifier = new JwtVerifier(clock);
        this.config = config;
    }

    @Override
    public boolean handles(String audience) {
        return ProviderAudience.looksLike(audience);
    }

    @Override
    public VerifiedSubject verify(TokenExchangeRequest request) {
        ProviderAudience audience = ProviderAudience.parse(request.audience()).orElseThrow(StsException::invalidAudience);
        IamClient.ProviderView view = lookup(audience);
        if (view.pool() == null || view.provider() == null || !view.pool().usable() || !view.provider().usable()
                || view.provider().oidc() == null) {
            throw StsException.invalidTarget();
        }
        IamClient.Resource provider = view.provider();
        VerifiedJwt jwt = verifyJwt(request.subjectToken(), audience, provider.oidc());
        Map<String, Object> attributes = mapper.map(provider.attributeMapping() == null ? Map.of() : provider.attributeMapping(),
                jwt.claims());
        mapper.requireCondition(provider.attributeCondition(), jwt.claims(), attributes);

        String pool = "iam.googleapis.com/projects/" + audience.projectNumber() + "/locations/global/workloadIdentityPools/"
                + audience.pool();
        List<String> sets = new ArrayList<>();
        sets.add("principalSet://" + pool + "/*");
        attributes.forEach((name, value) -> {
            if (name.equals("google.groups") && value instanceof List<?> groups) {
                groups.forEach(group -> sets.add("principalSet://" + pool + "/group/" + group));
            } else if (name.startsWith("attribute.")) {
                sets.add("principalSet://" + pool + "/" + name + "/" + value);
            }
        });
        return new VerifiedSubject("principal://" + pool + "/subject/" + attributes.get("google.subject"), sets, jwt.expiresAt());
    }

    private IamClient.ProviderView lookup(ProviderAudience audience) {
        try {
            return iam.provider(audience.projectNumber(), audience.pool(), audience.provider());
        } catch (WebApplicationException e) {
            throw StsException.invalidTarget();
        } catch (ProcessingException e) {
            Log.warnf("cannot reach IAM at %s: %s", config.iamUrl(), e.getMessage());
            throw StsException.serverError("IAM is unavailable.");
        }
    }

    private VerifiedJwt verifyJwt(String token, ProviderAudience audience, IamClient.Oidc oidc) {
        Set<String> audiences = oidc.allowedAudiences() == null || oidc.allowedAudiences().isEmpty()
                ? Set.of("//iam.googleapis.com/" + audience.resourceName(), "https://iam.googleapis.com/" + audience.resourceName())
                : Set.copyOf(oidc.allowedAudiences());
        KeySource source = oidc.jwksJson() != null && !oidc.jwksJson().isBlank() ? Jwks.parse(oidc.jwksJson())
                : keys.forIssuer(oidc.issuerUri());
        VerificationRules rules = VerificationRules.rs256().algorithms("RS256", "ES256").issuer(oidc.issuerUri()).audiences(audiences)
                .leeway(config.clockSkew()).maxLifetime(GkeWorkloadIdentity.MAX_LIFETIME);
        try {
            return verifier.verify(token, source, rules);
        } catch (JwtRejection e) {
            throw StsException.invalidGrant(SubjectTokenErrors.describe(e, token));
        }
    }
}
