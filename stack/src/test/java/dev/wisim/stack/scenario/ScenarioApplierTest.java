package dev.wisim.stack.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioApplierTest {

    @Test
    void addsMembersToAnExistingRoleAndBindsNewRoles() {
        Map<String, Object> policy = Map.of("etag", "CAE=", "bindings", List.of(
                Map.of("role", "roles/storage.legacyBucketOwner", "members", List.of("projectOwner:p"))));
        Map<String, Object> updated = ScenarioApplier.withBindings(policy, List.of(
                new Scenario.BindingSpec("roles/storage.legacyBucketOwner", List.of("projectOwner:p", "user:a@example.com")),
                new Scenario.BindingSpec("roles/storage.objectViewer", List.of("serviceAccount:g@p.iam.gserviceaccount.com"))));
        assertThat(updated).containsEntry("etag", "CAE=");
        assertThat(updated.get("bindings")).isEqualTo(List.of(
                Map.of("role", "roles/storage.legacyBucketOwner", "members", List.of("projectOwner:p", "user:a@example.com")),
                Map.of("role", "roles/storage.objectViewer", "members", List.of("serviceAccount:g@p.iam.gserviceaccount.com"))));
    }

    @Test
    void startsFromAnEmptyPolicy() {
        Map<String, Object> updated = ScenarioApplier.withBindings(Map.of("etag", "ACAB"), List.of(
                new Scenario.BindingSpec("roles/iam.workloadIdentityUser", List.of("serviceAccount:p.svc.id.goog[ns/ksa]"))));
        assertThat(updated.get("bindings")).isEqualTo(List.of(
                Map.of("role", "roles/iam.workloadIdentityUser", "members", List.of("serviceAccount:p.svc.id.goog[ns/ksa]"))));
    }
}
