package dev.wisim.iam.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.durable.StateDb;
import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.account.ServiceAccounts;
import dev.wisim.iam.keys.AccountKey;
import dev.wisim.iam.policy.Conditions;
import dev.wisim.iam.policy.Policy;
import dev.wisim.iam.policy.PolicyStore;
import dev.wisim.iam.pools.WorkloadIdentityPoolProvider;
import dev.wisim.jose.Certificates;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IAM's state read back from its file as it was written: accounts, deleted accounts, policies and their etags, keys, providers. */
class IamStateTest {

    @TempDir
    Path dir;

    private StateDb open() {
        return StateDb.open(dir.resolve("state.db"), IamState.json());
    }

    @Test
    void accountsAndPoliciesWithTheirEtagsSurviveAReopen() {
        String etag;
        String uniqueId;
        try (StateDb db = open()) {
            ServiceAccounts accounts = new ServiceAccounts(db);
            accounts.create("demo-project", "kept-account", "kept", "stays");
            uniqueId = accounts.create("demo-project", "gone-account", "gone", null).uniqueId();
            accounts.delete("gone-account@demo-project.iam.gserviceaccount.com");
            PolicyStore policies = new PolicyStore(new Conditions(), db);
            etag = policies.set("projects/demo-project/serviceAccounts/kept-account@demo-project.iam.gserviceaccount.com",
                    new Policy(3, List.of(new Policy.Binding("roles/iam.workloadIdentityUser", List.of("serviceAccount:p.svc.id.goog[a/b]"),
                            new Policy.Expr("request.time < timestamp('2030-01-01T00:00:00Z')", "until 2030", null, null))), null)).etag();
        }
        try (StateDb db = open()) {
            ServiceAccounts accounts = new ServiceAccounts(db);
            assertThat(accounts.list("demo-project")).extracting(ServiceAccount::email)
                    .containsExactly("kept-account@demo-project.iam.gserviceaccount.com");
            assertThat(accounts.find("-", "kept-account@demo-project.iam.gserviceaccount.com").orElseThrow().description()).isEqualTo("stays");
            assertThat(accounts.findDeleted(uniqueId)).isPresent();
            Policy policy = new PolicyStore(new Conditions(), db)
                    .get("projects/demo-project/serviceAccounts/kept-account@demo-project.iam.gserviceaccount.com");
            assertThat(policy.etag()).isEqualTo(etag);
            assertThat(policy.bindings().get(0).condition().title()).isEqualTo("until 2030");
        }
    }

    @Test
    void keysWithTheirPrivateHalvesAndCertificatesSurviveAReopen() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AccountKey key = new AccountKey("a@p.iam.gserviceaccount.com", "0123abcd", AccountKey.Type.SYSTEM_MANAGED, "GOOGLE_PROVIDED",
                pair.getPublic(), pair.getPrivate(), Certificates.selfSigned(pair.getPublic(), pair.getPrivate(), "a", from,
                from.plus(14, ChronoUnit.DAYS)), from, from.plus(14, ChronoUnit.DAYS), false);
        WorkloadIdentityPoolProvider provider = new WorkloadIdentityPoolProvider("projects/1/locations/global/workloadIdentityPools/p/providers/o",
                "o", null, "ACTIVE", null, Map.of("google.subject", "assertion.sub"), "true",
                new WorkloadIdentityPoolProvider.Oidc("https://issuer.example", List.of("https://aud.example"), "{\"keys\":[]}"), null);
        try (StateDb db = open()) {
            db.map("keys", AccountKey.class, new TreeMap<>()).put("k", key);
            db.map("providers", WorkloadIdentityPoolProvider.class, new TreeMap<>()).put(provider.name(), provider);
        }
        try (StateDb db = open()) {
            AccountKey read = db.map("keys", AccountKey.class, new TreeMap<>()).get("k");
            assertThat(read).isEqualTo(key);
            assertThat(read.privateKey().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
            assertThat(db.map("providers", WorkloadIdentityPoolProvider.class, new TreeMap<>()).get(provider.name())).isEqualTo(provider);
        }
    }
}
