package dev.wisim.iam.credentials;

import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.account.ServiceAccountAdmin;
import dev.wisim.iam.account.ServiceAccounts;
import dev.wisim.iam.config.IamConfig;
import dev.wisim.iam.policy.Authorizer;
import dev.wisim.iam.policy.Principal;
import dev.wisim.iam.rest.IamException;
import dev.wisim.iam.token.AccessTokens;
import dev.wisim.iam.token.ResolvedToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * IAM Credentials {@code generateAccessToken} and {@code generateIdToken}: a caller holding
 * {@code iam.serviceAccounts.getAccessToken} (or {@code getOpenIdToken}) on a service account, for
 * example through {@code roles/iam.workloadIdentityUser}, receives a token for it; delegation chains
 * need {@code iam.serviceAccounts.implicitDelegation} at every hop.
 */
@ApplicationScoped
public class Impersonation {

    static final Duration EXTENDED_LIFETIME = Duration.ofHours(12);
    static final Set<String> CALLER_SCOPES = Set.of("https://www.googleapis.com/auth/cloud-platform",
            "https://www.googleapis.com/auth/iam");

    private final ServiceAccounts accounts;
    private final Authorizer authorizer;
    private final AccessTokens tokens;
    private final IdTokens idTokens;
    private final Signing signing;
    private final LifetimeExtension extension;
    private final IamConfig config;

    public Impersonation(ServiceAccounts accounts, Authorizer authorizer, AccessTokens tokens, IdTokens idTokens, Signing signing,
                         LifetimeExtension extension, IamConfig config) {
        this.accounts = accounts;
        this.authorizer = authorizer;
        this.tokens = tokens;
        this.idTokens = idTokens;
        this.signing = signing;
        this.extension = extension;
        this.config = config;
    }

    public AccessTokens.Issued generateAccessToken(ResolvedToken caller, String name, List<String> delegates,
                                                   List<String> scopes, String lifetime) {
        ServiceAccount target = authorize(caller, name, delegates, "iam.serviceAccounts.getAccessToken");
        List<String> requestedScopes = scopes == null ? List.of() : scopes.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (requestedScopes.isEmpty()) {
            throw IamException.invalidArgument("Scope required.");
        }
        Duration duration = parseLifetime(lifetime, extension.allows(target.email()) ? EXTENDED_LIFETIME : config.maxTokenLifetime());
        return tokens.mint(Principal.serviceAccount(target.email()), target.uniqueId(), requestedScopes, duration);
    }

    /** IAM Credentials {@code generateIdToken}: needs {@code iam.serviceAccounts.getOpenIdToken} on the account. */
    public String generateIdToken(ResolvedToken caller, String name, List<String> delegates, String audience, boolean includeEmail) {
        ServiceAccount target = authorize(caller, name, delegates, "iam.serviceAccounts.getOpenIdToken");
        if (audience == null || audience.isBlank()) {
            throw IamException.invalidArgument("Audience required.");
        }
        return idTokens.issue(target, audience, includeEmail);
    }

    /** IAM Credentials {@code signBlob}: needs {@code iam.serviceAccounts.signBlob} on the account. */
    public Signing.Signed signBlob(ResolvedToken caller, String name, List<String> delegates, String payload) {
        return signing.signBlob(authorize(caller, name, delegates, "iam.serviceAccounts.signBlob"), payload);
    }

    /** IAM Credentials {@code signJwt}: needs {@code iam.serviceAccounts.signJwt} on the account. */
    public Signing.Signed signJwt(ResolvedToken caller, String name, List<String> delegates, String payload) {
        return signing.signJwt(authorize(caller, name, delegates, "iam.serviceAccounts.signJwt"), payload);
    }

    /** The caller (through its delegates, each hop needing implicitDelegation) must hold {@code permission} on the account. */
    private ServiceAccount authorize(ResolvedToken caller, String name, List<String> delegates, String permission) {
        if (caller.scopes().stream().noneMatch(CALLER_SCOPES::contains)) {
            throw IamException.insufficientScopes();
        }
        ServiceAccount target = accounts.find("-", name).orElseThrow(() -> IamException.gaiaIdNotFound(name));
        Principal actor = caller.principal();
        for (String delegate : delegates == null ? List.<String>of() : delegates) {
            if (delegate == null || delegate.isBlank()) {
                throw IamException.invalidArgument("Invalid value at 'delegates': a delegate must name a service account.");
            }
            String email = delegate.substring(delegate.lastIndexOf('/') + 1);
            ServiceAccount hop = accounts.find("-", email).orElseThrow(() -> IamException.gaiaIdNotFound(email));
            require(actor, "iam.serviceAccounts.implicitDelegation", hop);
            actor = Principal.serviceAccount(hop.email());
        }
        require(actor, permission, target);
        if (target.isDisabled()) {
            throw IamException.failedPrecondition("Precondition check failed.");
        }
        return target;
    }

    private void require(Principal actor, String permission, ServiceAccount on) {
        if (!authorizer.check(actor, permission, ServiceAccountAdmin.hierarchy(on))) {
            throw IamException.permissionDenied(permission, "projects/-/serviceAccounts/" + on.uniqueId());
        }
    }

    /** @param max the longest lifetime allowed: an hour, or 12 where the organisation policy extends it for the account */
    private Duration parseLifetime(String lifetime, Duration max) {
        if (lifetime == null || lifetime.isEmpty()) {
            return config.maxTokenLifetime().compareTo(max) < 0 ? config.maxTokenLifetime() : max;
        }
        Duration duration;
        try {
            if (!lifetime.endsWith("s")) {
                throw new NumberFormatException();
            }
            duration = Duration.ofMillis(Math.round(Double.parseDouble(lifetime.substring(0, lifetime.length() - 1)) * 1000));
        } catch (NumberFormatException e) {
            throw IamException.invalidArgument("Invalid value at 'lifetime' (type.googleapis.com/google.protobuf.Duration), \""
                    + lifetime + "\"");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(max) > 0) {
            throw IamException.invalidArgument("The lifetime of an access token must be between 1 second and "
                    + max.toSeconds() + " seconds.");
        }
        return duration;
    }
}
