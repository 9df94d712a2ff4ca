package dev.wisim.iam.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wisim.iam.keys.KeyAdmin;
import dev.wisim.iam.keys.ServiceAccountKey;
import dev.wisim.iam.token.Callers;
import dev.wisim.iam.token.ResolvedToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /v1/projects/P/serviceAccounts/SA/keys…}: a service account's keys (IAM admin). */
@Path("/v1/projects/{project}/serviceAccounts/{account}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ServiceAccountKeyResource {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreateKeyRequest(String privateKeyType, String keyAlgorithm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UploadKeyRequest(String publicKeyData) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ListKeysResponse(List<ServiceAccountKey> keys) {
    }

    private final Callers callers;
    private final KeyAdmin keys;
    private final JsonBodies bodies;

    public ServiceAccountKeyResource(Callers callers, KeyAdmin keys, JsonBodies bodies) {
        this.callers = callers;
        this.keys = keys;
        this.bodies = bodies;
    }

    @GET
    @Path("{collection: keys}")
    public ListKeysResponse list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                                 @PathParam("account") String account, @QueryParam("keyTypes") List<String> keyTypes) {
        for (String type : keyTypes) {
            if (!Set.of("USER_MANAGED", "SYSTEM_MANAGED", "KEY_TYPE_UNSPECIFIED").contains(type)) {
                throw IamException.invalidArgument("Invalid value at 'key_types' (type.googleapis.com/google.iam.admin.v1."
                        + "ListServiceAccountKeysRequest.KeyType), \"" + type + "\"");
            }
        }
        Set<String> wanted = Set.copyOf(keyTypes.stream().filter(t -> !t.equals("KEY_TYPE_UNSPECIFIED")).toList());
        return new ListKeysResponse(keys.list(callers.authenticate(authorization), project, account, wanted));
    }

    /**
     * {@code POST …/keys} creates a key; {@code POST …/keys:upload} registers the caller's certificate
     * (matched on the raw path, so with the colon as sent or percent-encoded).
     */
    @POST
    @Path("{collection: keys(:upload|%3[Aa]upload)?}")
    public ServiceAccountKey create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                                    @PathParam("account") String account, @PathParam("collection") String collection, byte[] body) {
        ResolvedToken caller = callers.authenticate(authorization);
        if (collection.endsWith("upload")) {
            return keys.upload(caller, project, account, bodies.read(body, UploadKeyRequest.class).publicKeyData());
        }
        CreateKeyRequest request = bodies.read(body, CreateKeyRequest.class);
        return keys.create(caller, project, account, request.privateKeyType(), request.keyAlgorithm());
    }

    @GET
    @Path("keys/{key}")
    public ServiceAccountKey get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                                 @PathParam("account") String account, @PathParam("key") String key,
                                 @QueryParam("publicKeyType") String publicKeyType) {
        return keys.get(callers.authenticate(authorization), project, account, key, publicKeyType);
    }

    @DELETE
    @Path("keys/{key}")
    public Map<String, Object> delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                                      @PathParam("account") String account, @PathParam("key") String key) {
        keys.delete(callers.authenticate(authorization), project, account, key);
        return Map.of();
    }

    /** {@code POST …/keys/KEY:disable} and {@code :enable}. */
    @POST
    @Path("keys/{key}")
    public Map<String, Object> custom(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project,
                                      @PathParam("account") String account, @PathParam("key") String keyAndVerb) {
        int colon = keyAndVerb.lastIndexOf(':');
        if (colon < 0) {
            throw IamException.methodNotAllowed();
        }
        String key = keyAndVerb.substring(0, colon);
        ResolvedToken caller = callers.authenticate(authorization);
        switch (keyAndVerb.substring(colon + 1)) {
            case "disable" -> keys.setDisabled(caller, project, account, key, true);
            case "enable" -> keys.setDisabled(caller, project, account, key, false);
            default -> throw IamException.methodNotFound();
        }
        return Map.of();
    }
}
