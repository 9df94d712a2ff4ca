package dev.wisim.stack.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

    @Test
    void keepsOnlyAKeyFileOfTheAdminAccount() {
        String email = "wisim-admin@demo-project.iam.gserviceaccount.com";
        byte[] file = ("{\"type\":\"service_account\",\"private_key_id\":\"34ea6d2a\",\"client_email\":\"" + email + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ScenarioApplier.keyId(file, email)).isEqualTo("34ea6d2a");
        assertThat(ScenarioApplier.keyId(file, "other@demo-project.iam.gserviceaccount.com")).isNull();
        assertThat(ScenarioApplier.keyId("not json".getBytes(StandardCharsets.UTF_8), email)).isNull();
        assertThat(ScenarioApplier.keyId(("{\"client_email\":\"" + email + "\"}").getBytes(StandardCharsets.UTF_8), email)).isNull();
        assertThat(ScenarioApplier.keyId(null, email)).isNull();
    }
}
