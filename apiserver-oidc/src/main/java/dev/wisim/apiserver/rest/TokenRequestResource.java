package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.codec.FieldValidation;
import dev.wisim.apiserver.codec.RequestBodies;
import dev.wisim.apiserver.token.TokenIssuer;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/namespaces/NS/serviceaccounts/SA/token}: the TokenRequest subresource (JSON or protobuf bodies). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class TokenRequestResource {

    private final TokenIssuer tokens;
    private final RequestBodies bodies;
    private final Access access;

    public TokenRequestResource(TokenIssuer tokens, RequestBodies bodies, Access access) {
        this.tokens = tokens;
        this.bodies = bodies;
        this.access = access;
    }

    @POST
    @Path("namespaces/{namespace}/serviceaccounts/{name}/token")
    public Response token(@PathParam("namespace") String namespace, @PathParam("name") String name,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        access.requireSubresource("create", dev.wisim.apiserver.cluster.Kinds.SERVICE_ACCOUNTS, "token", namespace, name);
        List<String> warnings = new ArrayList<>();
        TokenRequest request = bodies.read(contentType, body, TokenRequest.class, FieldValidation.WARN, warnings::add);
        return Response.status(201).entity(tokens.issue(namespace, name, request)).build();
    }
}
