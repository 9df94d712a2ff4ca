package dev.wisim.iam.rest;

import dev.wisim.iam.token.Callers;
import dev.wisim.iam.token.ResolvedToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Google's backplane for resource servers ({@code GET /_sim/caller} with the caller's bearer token):
 * who the token stands for and every policy member that names it — for a federated workload, the
 * principal sets its token carries (a provider's attributes and groups), which tokeninfo does not show.
 */
@Path("/_sim/caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    private final Callers callers;

    public CallerResource(Callers callers) {
        this.callers = callers;
    }

    @GET
    public Map<String, Object> caller(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ResolvedToken token = callers.authenticate(authorization);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("principal", token.principal().canonical());
        if (token.principal().email() != null) {
            answer.put("email", token.principal().email());
        }
        answer.put("members", new TreeSet<>(token.principal().members()));
        answer.put("expireTime", token.expiresAt().toString());
        return answer;
    }
}
