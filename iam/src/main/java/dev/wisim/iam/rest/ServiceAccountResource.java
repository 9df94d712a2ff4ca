package dev.wisim.iam.rest;

import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.account.ServiceAccountAdmin;
import dev.wisim.iam.credentials.Impersonation;
import dev.wisim.iam.credentials.Signing;
import dev.wisim.iam.rest.IamMessages.CreateServiceAccountRequest;
import dev.wisim.iam.rest.IamMessages.GenerateAccessTokenRequest;
import dev.wisim.iam.rest.IamMessages.GenerateAccessTokenResponse;
import dev.wisim.iam.rest.IamMessages.GenerateIdTokenRequest;
import dev.wisim.iam.rest.IamMessages.GenerateIdTokenResponse;
import dev.wisim.iam.rest.IamMessages.GetIamPolicyRequest;
import dev.wisim.iam.rest.IamMessages.ListServiceAccountsResponse;
import dev.wisim.iam.rest.IamMessages.PatchServiceAccountRequest;
import dev.wisim.iam.rest.IamMessages.ServiceAccountFields;
import dev.wisim.iam.rest.IamMessages.SetIamPolicyRequest;
import dev.wisim.iam.rest.IamMessages.SignBlobResponse;
import dev.wisim.iam.rest.IamMessages.SignJwtResponse;
import dev.wisim.iam.rest.IamMessages.SignRequest;
import dev.wisim.iam.rest.IamMessages.UndeleteServiceAccountResponse;
import dev.wisim.iam.rest.IamMessages.TestIamPermissionsRequest;
import dev.wisim.iam.rest.IamMessages.TestIamPermissionsResponse;
import dev.wisim.iam.token.AccessTokens;
import dev.wisim.iam.token.Callers;
import dev.wisim.iam.token.ResolvedToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/projects/P/serviceAccounts…}: IAM admin for service accounts and IAM Credentials, which
 * share the resource path and differ by the custom verb after a colon ({@code …/EMAIL:generateAccessToken}).
 */
@Path("/v1/projects/{project}/serviceAccounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ServiceAccountResource {

    private final Callers callers;
    private final ServiceAccountAdmin admin;
    private final Impersonation impersonation;
    private final JsonBodies bodies;

    public ServiceAccountResource(Callers callers, ServiceAccountAdmin admin, Impersonation impersonation, JsonBodies bodies) {
        this.callers = callers;
        this.admin = admin;
        this.impersonation = impersonation;
        this.bodies = bodies;
    }

    @GET
    public ListServiceAccountsResponse list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                            @PathParam("project") String project, @QueryParam("pageSize") Integer pageSize,
                                            @QueryParam("pageToken") String pageToken) {
        Page<ServiceAccount> page = Page.of(admin.list(callers.authenticate(authorization), project), pageSize, pageToken);
        return new ListServiceAccountsResponse(page.items(), page.next());
    }

    @POST
    public ServiceAccount create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @PathParam("project") String project, byte[] body) {
        CreateServiceAccountRequest request = bodies.read(body, CreateServiceAccountRequest.class);
        ServiceAccountFields fields = request.serviceAccount() == null ? new ServiceAccountFields(null, null) : request.serviceAccount();
        return admin.create(callers.authenticate(authorization), project, request.accountId(), fields.displayName(), fields.description());
    }

    @GET
    @Path("{account}")
    public ServiceAccount get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("project") String project, @PathParam("account") String account) {
        return admin.get(callers.authenticate(authorization), project, account);
    }

    @PATCH
    @Path("{account}")
    public ServiceAccount patch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @PathParam("project") String project, @PathParam("account") String account, byte[] body) {
        ResolvedToken caller = callers.authenticate(authorization);
        PatchServiceAccountRequest request = bodies.read(body, PatchServiceAccountRequest.class);
        ServiceAccount current = admin.get(caller, project, account);
        ServiceAccountFields fields = request.serviceAccount() == null ? new ServiceAccountFields(null, null) : request.serviceAccount();
        String mask = request.updateMask() == null ? "displayName,description" : request.updateMask();
        return admin.update(caller, project, account,
                mask.contains("displayName") ? fields.displayName() : current.displayName(),
                mask.contains("description") ? fields.description() : current.description());
    }

    @DELETE
    @Path("{account}")
    public Map<String, Object> delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @PathParam("project") String project, @PathParam("account") String account) {
        admin.delete(callers.authenticate(authorization), project, account);
        return Map.of();
    }

    /** {@code POST …/ACCOUNT:VERB}: the custom methods of IAM admin and IAM Credentials. */
    @POST
    @Path("{account}")
    public Object custom(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                         @PathParam("account") String accountAndVerb,
                         @QueryParam("options.requestedPolicyVersion") Integer requestedVersion, byte[] body) {
        int colon = accountAndVerb.lastIndexOf(':');
        if (colon < 0) {
            throw IamException.methodNotAllowed();
        }
        String account = accountAndVerb.substring(0, colon);
        String verb = accountAndVerb.substring(colon + 1);
        ResolvedToken caller = callers.authenticate(authorization);
        return switch (verb) {
            case "getIamPolicy" -> admin.getIamPolicy(caller, project, account,
                    bodies.read(body, GetIamPolicyRequest.class).requestedVersion(requestedVersion));
            case "setIamPolicy" -> admin.setIamPolicy(caller, project, account, bodies.read(body, SetIamPolicyRequest.class).policy());
            case "testIamPermissions" -> new TestIamPermissionsResponse(admin.testIamPermissions(caller, project, account,
                    orEmpty(bodies.read(body, TestIamPermissionsRequest.class).permissions())));
            case "disable" -> {
                admin.setDisabled(caller, project, account, true);
                yield Map.of();
            }
            case "enable" -> {
                admin.setDisabled(caller, project, account, false);
                yield Map.of();
            }
            case "generateAccessToken" -> {
                GenerateAccessTokenRequest request = bodies.read(body, GenerateAccessTokenRequest.class);
                AccessTokens.Issued issued = impersonation.generateAccessToken(caller, account, request.delegates(),
                        request.scope(), request.lifetime());
                yield new GenerateAccessTokenResponse(issued.token(),
                        DateTimeFormatter.ISO_INSTANT.format(issued.expiresAt().truncatedTo(ChronoUnit.SECONDS)));
            }
            case "generateIdToken" -> {
                GenerateIdTokenRequest request = bodies.read(body, GenerateIdTokenRequest.class);
                yield new GenerateIdTokenResponse(impersonation.generateIdToken(caller, account, request.delegates(),
                        request.audience(), Boolean.TRUE.equals(request.includeEmail())));
            }
            case "signBlob" -> {
                SignRequest request = bodies.read(body, SignRequest.class);
                Signing.Signed signed = impersonation.signBlob(caller, account, request.delegates(), request.payload());
                yield new SignBlobResponse(signed.keyId(), signed.value());
            }
            case "signJwt" -> {
                SignRequest request = bodies.read(body, SignRequest.class);
                Signing.Signed signed = impersonation.signJwt(caller, account, request.delegates(), request.payload());
                yield new SignJwtResponse(signed.keyId(), signed.value());
            }
            case "undelete" -> new UndeleteServiceAccountResponse(admin.undelete(caller, account));
            default -> throw IamException.methodNotFound();
        };
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
