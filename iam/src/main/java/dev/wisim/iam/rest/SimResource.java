package dev.wisim.iam.rest;

import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.account.ServiceAccounts;
import dev.wisim.iam.credentials.LifetimeExtension;
import dev.wisim.iam.policy.DenialLog;
import dev.wisim.iam.policy.Principal;
import dev.wisim.iam.policy.PolicyStore;
import dev.wisim.iam.project.Project;
import dev.wisim.iam.project.Projects;
import dev.wisim.iam.rest.IamMessages.MintTokenRequest;
import dev.wisim.iam.token.AccessTokens;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The simulator's control surface ({@code /_sim/…}), apart from the simulated APIs: it stands in for a
 * human signing in (a token for a user) and for Google's internal backplane (other services reading
 * a project's number and policy).
 */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class SimResource {

    private static final List<String> DEFAULT_SCOPES = List.of("openid", "https://www.googleapis.com/auth/userinfo.email",
            "https://www.googleapis.com/auth/cloud-platform");

    private final AccessTokens tokens;
    private final Projects projects;
    private final PolicyStore policies;
    private final JsonBodies bodies;
    private final DenialLog denials;
    private final LifetimeExtension lifetimeExtension;
    private final ServiceAccounts accounts;

    public SimResource(AccessTokens tokens, Projects projects, PolicyStore policies, JsonBodies bodies, DenialLog denials,
                       LifetimeExtension lifetimeExtension, ServiceAccounts accounts) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.projects = projects;
        this.policies = policies;
        this.bodies = bodies;
        this.denials = denials;
        this.lifetimeExtension = lifetimeExtension;
    }

    /** The recent permission denials, newest first, each with the bindings considered and why none granted. */
    @GET
    @Path("denials")
    public Map<String, Object> denials() {
        return Map.of("denials", denials.recent());
    }

    @DELETE
    @Path("denials")
    public Map<String, Object> clearDenials() {
        denials.clear();
        return Map.of();
    }

    /**
     * The organisation policy constraint that lets listed service accounts' generated access tokens live
     * up to 12 hours: {@code PUT {"allowedValues":["sa@p.iam.gserviceaccount.com"]}}.
     */
    @PUT
    @Path("org-policy/{constraint: iam.allowServiceAccountCredentialLifetimeExtension}")
    public Map<String, Object> setLifetimeExtension(byte[] body) {
        AllowedValues request = bodies.read(body, AllowedValues.class);
        lifetimeExtension.allow(request.allowedValues() == null ? List.of() : request.allowedValues());
        return lifetimeExtension();
    }

    @GET
    @Path("org-policy/{constraint: iam.allowServiceAccountCredentialLifetimeExtension}")
    public Map<String, Object> lifetimeExtension() {
        return Map.of("constraint", LifetimeExtension.CONSTRAINT, "allowedValues", lifetimeExtension.allowed());
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record AllowedValues(List<String> allowedValues) {
    }

    /** An access token for a user, as {@code gcloud auth login} would obtain: {@code {"principal":"user:alice@example.com"}}. */
    @POST
    @Path("tokens")
    public Map<String, Object> mintUserToken(byte[] body) {
        MintTokenRequest request = bodies.read(body, MintTokenRequest.class);
        if (request.principal() == null || !request.principal().startsWith("user:") || !request.principal().contains("@")) {
            throw IamException.invalidArgument("principal must be user:EMAIL");
        }
        String email = request.principal().substring("user:".length());
        Duration lifetime;
        try {
            lifetime = request.lifetime() == null ? Duration.ofHours(1) : Duration.parse(request.lifetime());
        } catch (java.time.format.DateTimeParseException e) {
            throw IamException.invalidArgument("lifetime must be an ISO-8601 duration such as PT1H");
        }
        String clientId = Long.toString(Math.abs(UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits() % 1_000_000_000_000L) + 100_000_000_000_000_000L);
        AccessTokens.Issued issued = tokens.mint(Principal.user(email), clientId,
                request.scopes() == null || request.scopes().isEmpty() ? DEFAULT_SCOPES : request.scopes(), lifetime);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", issued.token());
        response.put("expire_time", DateTimeFormatter.ISO_INSTANT.format(issued.expiresAt()));
        return response;
    }

    /**
     * A service account by unique id or email, for resource servers that meet its token without the
     * email scope (tokeninfo then names it by unique id only; Google's backends know the rest).
     */
    @GET
    @Path("accounts/{account}")
    public Map<String, Object> account(@PathParam("account") String account) {
        ServiceAccount found = accounts.find("-", account).orElseThrow(IamException::unknownServiceAccount);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("email", found.email());
        view.put("uniqueId", found.uniqueId());
        view.put("projectId", found.projectId());
        view.put("disabled", found.isDisabled());
        return view;
    }

    /** A project's number and IAM policy, for the other simulated Google services. */
    @GET
    @Path("projects/{project}")
    public Map<String, Object> project(@PathParam("project") String id) {
        Project project = projects.find(id).orElseThrow(() -> IamException.notFound("project " + id + " does not exist"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("projectId", project.projectId());
        view.put("projectNumber", project.projectNumber());
        view.put("policy", policies.get(project.resourceName()));
        return view;
    }
}
