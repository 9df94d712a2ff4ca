package dev.wisim.storage.auth;

import dev.wisim.storage.client.IamClient;
import dev.wisim.storage.config.StorageConfig;
import dev.wisim.storage.rest.StorageException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Projects as IAM holds them, read live (when a bucket's own policy does not already grant) so that a changed project binding takes effect at once. */
@ApplicationScoped
public class Projects {

    private final IamClient iam;
    private final StorageConfig config;

    public Projects(@RestClient IamClient iam, StorageConfig config) {
        this.iam = iam;
        this.config = config;
    }

    @SuppressWarnings("unchecked")
    public Optional<ProjectView> find(String project) {
        Map<String, Object> view;
        try (Response response = iam.project(project)) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            if (response.getStatus() != 200) {
                throw StorageException.backendError();
            }
            view = response.readEntity(Map.class);
        } catch (ProcessingException e) {
            Log.warnf("cannot reach IAM at %s: %s", config.iamUrl(), e.getMessage());
            throw StorageException.backendError();
        }
        Map<String, List<String>> members = new HashMap<>();
        Map<String, Object> policy = (Map<String, Object>) view.getOrDefault("policy", Map.of());
        for (Map<String, Object> binding : (List<Map<String, Object>>) policy.getOrDefault("bindings", List.of())) {
            if (binding.get("condition") == null) {
                members.computeIfAbsent((String) binding.get("role"), r -> new ArrayList<>())
                        .addAll((List<String>) binding.getOrDefault("members", List.of()));
            }
        }
        return Optional.of(new ProjectView((String) view.get("projectId"), (String) view.get("projectNumber"), members));
    }
}
