package dev.wisim.sts.rest;

import dev.wisim.sts.exchange.Introspection;
import dev.wisim.sts.exchange.StsException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code POST /v1/introspect}: form {@code token} (and {@code token_type_hint}); gcloud sends its
 * client's Basic credentials, which are not checked here.
 */
@Path("/v1/introspect")
@Produces(MediaType.APPLICATION_JSON)
public class IntrospectResource {

    private final Introspection introspection;

    public IntrospectResource(Introspection introspection) {
        this.introspection = introspection;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> introspect(@FormParam("token") String token) {
        if (token == null || token.isBlank()) {
            throw StsException.missing("token");
        }
        return introspection.describe(token);
    }
}
