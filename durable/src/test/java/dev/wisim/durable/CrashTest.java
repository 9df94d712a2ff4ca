package dev.wisim.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a burst of writes: a child JVM writes entries and prints each key once
 * its write has returned; after SIGKILL, every printed key is in the file, each entry whole.
 */
class CrashTest {

    @TempDir
    Path dir;

    /** The child: writes {@code key-N} = a 2 KiB value, forever, acknowledging each on stdout. */
    public static void main(String[] args) {
        StateDb db = StateDb.open(Path.of(args[0]), StateDbTest.JSON);
        DurableMap<String> entries = db.map("entries", String.class, new TreeMap<>());
        for (int i = 0; ; i++) {
            entries.put("key-" + i, ("value " + i + " ").repeat(200));
            System.out.println("key-" + i);
            System.out.flush();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path file = dir.resolve("state.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), CrashTest.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 200 && (line = out.readLine()) != null) {
                acknowledged.add(line);
            }
            child.toHandle().destroyForcibly();   // SIGKILL, while it writes; the pipe stays readable
            child.waitFor();
            while ((line = out.readLine()) != null) {
                acknowledged.add(line);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);

        try (StateDb db = StateDb.open(file, StateDbTest.JSON)) {
            Map<String, String> entries = db.map("entries", String.class, new TreeMap<>());
            assertThat(entries.keySet()).containsAll(acknowledged);
            entries.forEach((key, value) -> assertThat(value).isEqualTo(("value " + key.substring(4) + " ").repeat(200)));
        }
    }
}
