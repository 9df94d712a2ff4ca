package dev.wisim.iam.rest;

import dev.wisim.iam.policy.Authorizer;
import dev.wisim.iam.policy.Principal;
import dev.wisim.iam.policy.Resource;
import dev.wisim.iam.project.Project;
import dev.wisim.iam.project.Projects;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Google's backplane for GKE's authorizer ({@code POST /_sim/test-permissions}): which of the
 * permissions a member — {@code user:EMAIL} or {@code serviceAccount:EMAIL}, as GKE knows a caller by
 * the email its token carries — holds on a project. A request the API server enforces
 * ({@code "enforced": true}) that is refused is logged and kept with the other denials.
 */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PermissionsSimResource {

    /** @param resource {@code projects/P} */
    public record Question(String member, String resource, List<String> permissions, Boolean enforced) {
    }

    private final Projects projects;
    private final Authorizer authorizer;
    private final JsonBodies bodies;

    public PermissionsSimResource(Projects projects, Authorizer authorizer, JsonBodies bodies) {
        this.projects = projects;
        this.authorizer = authorizer;
        this.bodies = bodies;
    }

    @POST
    @Path("test-permissions")
    public Map<String, Object> test(byte[] body) {
        Question question = bodies.read(body, Question.class);
        Principal principal = principal(question.member());
        String resource = question.resource() == null ? "" : question.resource();
        if (!resource.startsWith("projects/")) {
            throw IamException.invalidArgument("resource must be projects/PROJECT");
        }
        Project project = projects.find(resource.substring("projects/".length()))
                .orElseThrow(() -> IamException.notFound("Project " + resource + " not found."));
        List<Resource> hierarchy = List.of(Resource.project(project.projectId()));
        boolean enforced = Boolean.TRUE.equals(question.enforced());
        List<String> held = (question.permissions() == null ? List.<String>of() : question.permissions()).stream()
                .filter(p -> enforced ? authorizer.check(principal, p, hierarchy) : authorizer.permits(principal, p, hierarchy))
                .toList();
        return Map.of("permissions", held);
    }

    private static Principal principal(String member) {
        if (member != null && member.startsWith("serviceAccount:") && member.length() > 15) {
            return Principal.serviceAccount(member.substring(15));
        }
        if (member != null && member.startsWith("user:") && member.length() > 5) {
            return Principal.user(member.substring(5));
        }
        throw IamException.invalidArgument("member must be user:EMAIL or serviceAccount:EMAIL");
    }
}
