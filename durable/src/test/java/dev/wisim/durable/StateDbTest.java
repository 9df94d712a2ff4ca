package dev.wisim.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDbTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    record Account(String email, Instant created, List<String> tags) {
    }

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsThereAfterReopening() {
        Instant created = Instant.parse("2026-12-03T07:00:00Z");
        try (StateDb db = StateDb.open(dir.resolve("state.db"), JSON)) {
            DurableMap<Account> accounts = db.map("accounts", Account.class, new TreeMap<>());
            accounts.put("a@x", new Account("a@x", created, List.of("one")));
            accounts.put("b@x", new Account("b@x", created, List.of()));
            accounts.put("a@x", new Account("a@x", created, List.of("one", "two")));
            accounts.remove("b@x");
            accounts.put("c@x", new Account("c@x", created, List.of()));
            accounts.entrySet().removeIf(e -> e.getKey().startsWith("c"));
        }
        try (StateDb db = StateDb.open(dir.resolve("state.db"), JSON)) {
            Map<String, Account> accounts = db.map("accounts", Account.class, new TreeMap<>());
            assertThat(accounts).containsOnlyKeys("a@x");
            assertThat(accounts.get("a@x")).isEqualTo(new Account("a@x", created, List.of("one", "two")));
            assertThat(db.map("other", Account.class, new TreeMap<>())).isEmpty();
        }
    }

    @Test
    void aFailedTransactionWritesNothing() {
        try (StateDb db = StateDb.open(dir.resolve("state.db"), JSON)) {
            DurableMap<String> names = db.map("names", String.class, new TreeMap<>());
            names.put("kept", "1");
            assertThatThrownBy(() -> db.transaction(() -> {
                names.put("half", "2");
                throw new IllegalStateException("in the middle");
            })).hasMessage("in the middle");
            db.transaction(() -> {
                names.put("both", "3");
                names.remove("kept");
            });
        }
        try (StateDb db = StateDb.open(dir.resolve("state.db"), JSON)) {
            assertThat(db.map("names", String.class, new TreeMap<>())).containsOnlyKeys("both");
        }
    }

    @Test
    void anEphemeralDbKeepsNothingOnDisk() {
        StateDb db = StateDb.ephemeral(JSON);
        DurableMap<String> names = db.map("names", String.class, new TreeMap<>());
        names.put("a", "1");
        assertThat(names).containsEntry("a", "1");
        assertThat(db.persistent()).isFalse();
        assertThat(dir).isEmptyDirectory();
    }
}
