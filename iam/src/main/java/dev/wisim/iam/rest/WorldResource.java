package dev.wisim.iam.rest;

import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.account.ServiceAccounts;
import dev.wisim.iam.policy.PolicyStore;
import dev.wisim.iam.project.Project;
import dev.wisim.iam.project.Projects;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM's side of the world for the relay console ({@code GET /_sim/world}): every project with its
 * number and policy, every service account with its policy. A read-only view, like the rest of
 * {@code /_sim}, that no Google API offers in one call.
 */
@Path("/_sim/world")
@Produces(MediaType.APPLICATION_JSON)
public class WorldResource {

    private final Projects projects;
    private final ServiceAccounts accounts;
    private final PolicyStore policies;

    public WorldResource(Projects projects, ServiceAccounts accounts, PolicyStore policies) {
        this.projects = projects;
        this.accounts = accounts;
        this.policies = policies;
    }

    @GET
    public Map<String, Object> world() {
        List<Map<String, Object>> projectViews = new ArrayList<>();
        List<Map<String, Object>> accountViews = new ArrayList<>();
        for (Project project : projects.all().stream().sorted(Comparator.comparing(Project::projectId)).toList()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("projectId", project.projectId());
            view.put("projectNumber", project.projectNumber());
            view.put("bindings", policies.get(project.resourceName()).bindingsOrEmpty());
            projectViews.add(view);
            for (ServiceAccount account : accounts.list(project.projectId())) {
                Map<String, Object> accountView = new LinkedHashMap<>();
                accountView.put("email", account.email());
                accountView.put("projectId", account.projectId());
                accountView.put("disabled", account.isDisabled());
                accountView.put("bindings", policies.get(account.resourceName()).bindingsOrEmpty());
                accountViews.add(accountView);
            }
        }
        Map<String, Object> world = new LinkedHashMap<>();
        world.put("projects", projectViews);
        world.put("serviceAccounts", accountViews);
        return world;
    }
}
