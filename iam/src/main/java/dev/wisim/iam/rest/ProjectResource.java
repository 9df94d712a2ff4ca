package dev.wisim.iam.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.iam.project.Project;
import dev.wisim.iam.project.ProjectAdmin;
import dev.wisim.iam.rest.IamMessages.CreateProjectRequest;
import dev.wisim.iam.rest.IamMessages.GetIamPolicyRequest;
import dev.wisim.iam.rest.IamMessages.Operation;
import dev.wisim.iam.rest.IamMessages.SetIamPolicyRequest;
import dev.wisim.iam.rest.IamMessages.TestIamPermissionsRequest;
import dev.wisim.iam.rest.IamMessages.TestIamPermissionsResponse;
import dev.wisim.iam.token.Callers;
import dev.wisim.iam.token.ResolvedToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cloud Resource Manager v1 ({@code /v1/projects…}), served by IAM because IAM owns projects and their policies here. */
@Path("/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ProjectResource {

    private final Callers callers;
    private final ProjectAdmin projects;
    private final JsonBodies bodies;
    private final ObjectMapper mapper;

    public ProjectResource(Callers callers, ProjectAdmin projects, JsonBodies bodies, ObjectMapper mapper) {
        this.callers = callers;
        this.projects = projects;
        this.bodies = bodies;
        this.mapper = mapper;
    }

    @POST
    public Operation create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        CreateProjectRequest request = bodies.read(body, CreateProjectRequest.class);
        Project project = projects.create(callers.authenticate(authorization), request.projectId(), request.name(), request.labels());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("@type", "type.googleapis.com/google.cloudresourcemanager.v1.Project");
        response.putAll(mapper.convertValue(project, Map.class));
        return new Operation("operations/cp." + project.projectNumber(), true, response);
    }

    @GET
    @Path("{project}")
    public Project get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("project") String project) {
        return projects.get(callers.authenticate(authorization), project);
    }

    /** {@code POST /v1/projects/P:VERB}. */
    @POST
    @Path("{projectAndVerb}")
    public Object custom(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("projectAndVerb") String projectAndVerb,
                         @QueryParam("options.requestedPolicyVersion") Integer requestedVersion, byte[] body) {
        int colon = projectAndVerb.lastIndexOf(':');
        if (colon < 0) {
            throw IamException.methodNotAllowed();
        }
        String project = projectAndVerb.substring(0, colon);
        ResolvedToken caller = callers.authenticate(authorization);
        return switch (projectAndVerb.substring(colon + 1)) {
            case "getIamPolicy" -> projects.getIamPolicy(caller, project,
                    bodies.read(body, GetIamPolicyRequest.class).requestedVersion(requestedVersion));
            case "setIamPolicy" -> projects.setIamPolicy(caller, project, bodies.read(body, SetIamPolicyRequest.class).policy());
            case "testIamPermissions" -> {
                List<String> asked = bodies.read(body, TestIamPermissionsRequest.class).permissions();
                yield new TestIamPermissionsResponse(projects.testIamPermissions(caller, project, asked == null ? List.of() : asked));
            }
            default -> throw IamException.methodNotFound();
        };
    }
}
