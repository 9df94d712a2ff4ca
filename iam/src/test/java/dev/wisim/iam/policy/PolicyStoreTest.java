package dev.wisim.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wisim.iam.rest.IamException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyStoreTest {

    private static final String SA = "projects/demo-project/serviceAccounts/app@demo-project.iam.gserviceaccount.com";
    private final PolicyStore store = new PolicyStore(new Conditions(), dev.wisim.durable.StateDb.ephemeral(new com.fasterxml.jackson.databind.ObjectMapper()));

    /** gcloud's apitools decodes an etag as bytes and sends it back URL-safe: {@code +} and {@code /} come back as - and _. */
    @Test
    void anEtagSentBackInTheUrlSafeAlphabetIsTheSameEtag() {
        String etag = store.set(SA, policy(null, "user:a@example.com")).etag();
        while (etag.indexOf('+') < 0 && etag.indexOf('/') < 0) {
            etag = store.set(SA, policy(null, "user:a@example.com")).etag();
        }
        String urlSafe = etag.replace('+', '-').replace('/', '_');

        Policy written = store.set(SA, policy(urlSafe, "user:b@example.com"));

        assertThat(written.bindings().get(0).members()).containsExactly("user:b@example.com");
        assertThat(written.etag()).isNotEqualTo(etag);
    }

    @Test
    void aStaleEtagIsAbortedAndAMalformedOneIsInvalid() {
        String first = store.set(SA, policy(null, "user:a@example.com")).etag();
        store.set(SA, policy(first, "user:b@example.com"));

        assertThatThrownBy(() -> store.set(SA, policy(first, "user:c@example.com")))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.status()).isEqualTo("ABORTED"));
        assertThatThrownBy(() -> store.set(SA, policy("not base64!", "user:c@example.com")))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessage("Invalid value at 'policy.etag' (TYPE_BYTES), \"not base64!\"");
        assertThat(store.get(SA).bindings().get(0).members()).containsExactly("user:b@example.com");
    }

    private static Policy policy(String etag, String member) {
        return new Policy(1, List.of(new Policy.Binding("roles/viewer", List.of(member), null)), etag);
    }
}
