package dev.wisim.iam.pools;

import dev.wisim.iam.policy.Authorizer;
import dev.wisim.iam.policy.Resource;
import dev.wisim.iam.project.Project;
import dev.wisim.iam.project.Projects;
import dev.wisim.iam.rest.IamException;
import dev.wisim.iam.token.ResolvedToken;
import dev.wisim.jose.Jwks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The workload identity pools API (IAM v1), each call authorised by the caller's permission on the
 * project, each resource validated as Google validates it.
 */
@ApplicationScoped
public class PoolAdmin {

    static final Pattern ID = Pattern.compile("[a-z0-9-]{4,32}");
    static final int MAX_AUDIENCES = 10;

    private final Projects projects;
    private final WorkloadIdentityPools pools;
    private final AttributeExpressions expressions;
    private final Authorizer authorizer;

    public PoolAdmin(Projects projects, WorkloadIdentityPools pools, AttributeExpressions expressions, Authorizer authorizer) {
        this.projects = projects;
        this.pools = pools;
        this.expressions = expressions;
        this.authorizer = authorizer;
    }

    /** A pool's or provider's parent, as the caller named its project (id or number). */
    public record Parent(String projectNumber, String poolId) {

        public Parent pool(String id) {
            return new Parent(projectNumber, id);
        }

        String poolName() {
            return WorkloadIdentityPools.poolName(projectNumber, poolId);
        }
    }

    public Parent project(ResolvedToken caller, String project, String location, String permission) {
        if (!"global".equals(location)) {
            throw IamException.invalidArgument("Workload identity pools exist only in location global, not " + location + ".");
        }
        Project found = projects.find(project).orElse(null);
        if (found == null || !authorizer.check(caller.principal(), permission, List.of(Resource.project(found.projectId())))) {
            throw IamException.permissionDenied(permission, "projects/" + project);
        }
        return new Parent(found.projectNumber(), null);
    }

    public WorkloadIdentityPool createPool(Parent parent, String poolId, WorkloadIdentityPool fields) {
        requireId(poolId, "workload_identity_pool_id");
        WorkloadIdentityPool pool = new WorkloadIdentityPool(WorkloadIdentityPools.poolName(parent.projectNumber(), poolId),
                fields == null ? null : fields.displayName(), fields == null ? null : fields.description(), "ACTIVE",
                fields != null && Boolean.TRUE.equals(fields.disabled()) ? true : null, null);
        return pools.createPool(pool);
    }

    public WorkloadIdentityPool pool(Parent parent) {
        return pools.pool(parent.poolName()).orElseThrow(() -> IamException.notFound("Requested entity was not found."));
    }

    public List<WorkloadIdentityPool> listPools(Parent parent, boolean showDeleted) {
        return pools.pools(parent.projectNumber(), showDeleted);
    }

    public WorkloadIdentityPool updatePool(Parent parent, WorkloadIdentityPool fields, Set<String> mask) {
        pool(parent);
        return pools.updatePool(parent.poolName(), p -> p.with(
                mask.contains("displayName") ? fields.displayName() : p.displayName(),
                mask.contains("description") ? fields.description() : p.description(),
                mask.contains("disabled") ? fields.disabled() : p.disabled()));
    }

    public WorkloadIdentityPool deletePool(Parent parent) {
        return pools.deletePool(parent.poolName());
    }

    public WorkloadIdentityPool undeletePool(Parent parent) {
        return pools.undeletePool(parent.poolName());
    }

    public WorkloadIdentityPoolProvider createProvider(Parent parent, String providerId, WorkloadIdentityPoolProvider fields) {
        requireId(providerId, "workload_identity_pool_provider_id");
        if (!pool(parent).state().equals("ACTIVE")) {
            throw IamException.failedPrecondition("The workload identity pool is deleted.");
        }
        if (fields == null) {
            throw IamException.invalidArgument("Request contains an invalid argument.");
        }
        WorkloadIdentityPoolProvider provider = validated(new WorkloadIdentityPoolProvider(parent.poolName() + "/providers/" + providerId,
                fields.displayName(), fields.description(), "ACTIVE", Boolean.TRUE.equals(fields.disabled()) ? true : null,
                fields.attributeMapping(), blankToNull(fields.attributeCondition()), fields.oidc(), null));
        return pools.createProvider(provider);
    }

    public WorkloadIdentityPoolProvider provider(Parent parent, String providerId) {
        return pools.provider(parent.poolName() + "/providers/" + providerId)
                .orElseThrow(() -> IamException.notFound("Requested entity was not found."));
    }

    public List<WorkloadIdentityPoolProvider> listProviders(Parent parent, boolean showDeleted) {
        pool(parent);
        return pools.providers(parent.poolName(), showDeleted);
    }

    /** {@code updateMask} names top-level fields or {@code oidc.FIELD}. */
    public WorkloadIdentityPoolProvider updateProvider(Parent parent, String providerId, WorkloadIdentityPoolProvider fields,
                                                       Set<String> mask) {
        WorkloadIdentityPoolProvider current = provider(parent, providerId);
        WorkloadIdentityPoolProvider.Oidc oidc = current.oidc();
        WorkloadIdentityPoolProvider.Oidc given = fields.oidc() == null ? new WorkloadIdentityPoolProvider.Oidc(null, null, null) : fields.oidc();
        if (mask.contains("oidc")) {
            oidc = given;
        } else {
            oidc = new WorkloadIdentityPoolProvider.Oidc(
                    mask.contains("oidc.issuerUri") ? given.issuerUri() : oidc.issuerUri(),
                    mask.contains("oidc.allowedAudiences") ? given.allowedAudiences() : oidc.allowedAudiences(),
                    mask.contains("oidc.jwksJson") ? given.jwksJson() : oidc.jwksJson());
        }
        WorkloadIdentityPoolProvider updated = validated(new WorkloadIdentityPoolProvider(current.name(),
                mask.contains("displayName") ? fields.displayName() : current.displayName(),
                mask.contains("description") ? fields.description() : current.description(), current.state(),
                mask.contains("disabled") ? (Boolean.TRUE.equals(fields.disabled()) ? true : null) : current.disabled(),
                mask.contains("attributeMapping") ? fields.attributeMapping() : current.attributeMapping(),
                mask.contains("attributeCondition") ? blankToNull(fields.attributeCondition()) : current.attributeCondition(),
                oidc, current.expireTime()));
        return pools.updateProvider(current.name(), p -> updated);
    }

    public WorkloadIdentityPoolProvider deleteProvider(Parent parent, String providerId) {
        return pools.deleteProvider(provider(parent, providerId).name());
    }

    public WorkloadIdentityPoolProvider undeleteProvider(Parent parent, String providerId) {
        return pools.undeleteProvider(provider(parent, providerId).name());
    }

    private WorkloadIdentityPoolProvider validated(WorkloadIdentityPoolProvider provider) {
        WorkloadIdentityPoolProvider.Oidc oidc = provider.oidc();
        if (oidc == null) {
            throw IamException.invalidArgument("This simulator supports OIDC providers: the provider needs an oidc block.");
        }
        if (oidc.issuerUri() == null || !oidc.issuerUri().startsWith("https://")) {
            throw IamException.invalidArgument("The issuer URI must be a valid https URL: " + oidc.issuerUri());
        }
        if (oidc.allowedAudiences() != null && oidc.allowedAudiences().size() > MAX_AUDIENCES) {
            throw IamException.invalidArgument("At most " + MAX_AUDIENCES + " allowed audiences can be set.");
        }
        if (oidc.jwksJson() != null && !oidc.jwksJson().isBlank()) {
            try {
                Jwks.parse(oidc.jwksJson());
            } catch (IllegalArgumentException e) {
                throw IamException.invalidArgument("The JWKS JSON is invalid: " + e.getMessage());
            }
        }
        expressions.validateMapping(provider.attributeMapping() == null ? null : new LinkedHashMap<>(provider.attributeMapping()));
        expressions.validateCondition(provider.attributeCondition());
        return provider;
    }

    private static void requireId(String id, String field) {
        if (id == null || !ID.matcher(id).matches() || id.startsWith("gcp-")) {
            throw IamException.invalidArgument("Invalid value for " + field + ": \"" + id + "\". It must be 4 to 32 lowercase letters,"
                    + " digits or hyphens, and must not start with gcp-.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
