package dev.wisim.iam.rest;

import dev.wisim.iam.policy.Role;
import dev.wisim.iam.policy.Roles;
import dev.wisim.iam.token.Callers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM roles API for predefined roles ({@code roles.get}, {@code roles.list}): what
 * {@code gcloud iam roles describe} and {@code list} show. Any signed-in caller may read them.
 * {@code list} is the BASIC view (no permissions) unless {@code view=FULL}; pages of 300, at most 1,000.
 */
@Path("/v1/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

    private static final String NAME_FORM = "The role name must be in the form \"roles/{role}\", "
            + "\"organizations/{organization_id}/roles/{role}\", or \"projects/{project_id}/roles/{role}\".";

    private final Callers callers;

    public RolesResource(Callers callers) {
        this.callers = callers;
    }

    @GET
    @Path("{role}")
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("role") String role) {
        callers.authenticate(authorization);
        if (!role.matches("[A-Za-z0-9_.]+")) {
            throw IamException.invalidArgument(NAME_FORM);
        }
        return Roles.find("roles/" + role).map(r -> render(r, true))
                .orElseThrow(() -> IamException.notFound("The role named roles/" + role + " was not found."));
    }

    @GET
    public Map<String, Object> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("view") String view,
                                    @QueryParam("pageSize") Integer pageSize, @QueryParam("pageToken") String pageToken,
                                    @QueryParam("showDeleted") Boolean showDeleted, @QueryParam("parent") String parent) {
        callers.authenticate(authorization);
        if (view != null && !view.equals("BASIC") && !view.equals("FULL")) {
            throw IamException.invalidArgument("Invalid value at 'view' (type.googleapis.com/google.iam.admin.v1.RoleView), \"" + view + "\"");
        }
        if (parent != null && !parent.isEmpty()) {
            throw IamException.invalidArgument("Custom roles are not supported here: list predefined roles without a parent.");
        }
        boolean full = "FULL".equals(view);
        List<Map<String, Object>> all = Roles.all().stream().map(r -> render(r, full)).toList();
        Page<Map<String, Object>> page = Page.of(all, pageSize, pageToken, 300, 1000);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (page.items() != null) {
            answer.put("roles", page.items());
        }
        if (page.next() != null) {
            answer.put("nextPageToken", page.next());
        }
        return answer;
    }

    private static Map<String, Object> render(Role role, boolean withPermissions) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", role.name());
        view.put("title", role.title());
        view.put("description", role.description());
        if (withPermissions) {
            view.put("includedPermissions", role.includedPermissions());
        }
        view.put("stage", "GA");
        view.put("etag", "AA==");
        return view;
    }
}
