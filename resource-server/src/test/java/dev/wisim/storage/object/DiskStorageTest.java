package dev.wisim.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects on disk survive a restart whole, and a crash mid-upload or mid-commit leaves nothing half-written. */
class DiskStorageTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static StoredObject put(Objects objects, String name, String text) {
        Staged staged = objects.stage();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        staged.write(bytes, 0, bytes.length);
        return objects.put("b", new ObjectMetadata(name, "text/plain", null, null, null, null, Map.of("k", "v"), null, null), staged,
                Preconditions.NONE);
    }

    private static String read(Objects objects, StoredObject object) throws Exception {
        try (InputStream in = objects.read(object, 0, object.size())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anObjectSurvivesARestartWithItsMetadataAndBytes(@TempDir Path dir) throws Exception {
        Objects before = new Objects(new DiskStorage(dir, mapper), Clock.systemUTC());
        StoredObject written = put(before, "dir/naïve name.txt", "first");
        StoredObject replaced = put(before, "dir/naïve name.txt", "second, longer");
        assertThat(replaced.generation()).isGreaterThan(written.generation());

        Objects after = new Objects(new DiskStorage(dir, mapper), Clock.systemUTC());
        StoredObject reloaded = after.get("b", "dir/naïve name.txt").orElseThrow();
        assertThat(reloaded).isEqualTo(replaced);
        assertThat(read(after, reloaded)).isEqualTo("second, longer");
        try (Stream<Path> files = Files.list(dir.resolve("objects/b"))) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(2);   // metadata and the live generation's bytes
        }
    }

    @Test
    void aCrashLeavesNeitherAStagedUploadNorAnUncommittedGeneration(@TempDir Path dir) throws Exception {
        Objects objects = new Objects(new DiskStorage(dir, mapper), Clock.systemUTC());
        StoredObject kept = put(objects, "kept.txt", "whole");
        Staged unfinished = objects.stage();
        unfinished.write("partial".getBytes(), 0, 7);
        unfinished.finish();
        // a commit interrupted after its bytes moved in place, before the metadata rename
        Files.writeString(dir.resolve("objects/b").resolve("0".repeat(64) + ".123"), "orphan");
        Files.writeString(dir.resolve("objects/b").resolve("f".repeat(64) + ".json.1234.tmp"), "{");

        Objects restarted = new Objects(new DiskStorage(dir, mapper), Clock.systemUTC());
        assertThat(restarted.list("b", null)).containsExactly(kept);
        assertThat(read(restarted, kept)).isEqualTo("whole");
        try (Stream<Path> staged = Files.list(dir.resolve("staging")); Stream<Path> stored = Files.list(dir.resolve("objects/b"))) {
            assertThat(staged).isEmpty();
            assertThat(stored).hasSize(2);
        }
    }

    @Test
    void deletingRemovesBothFiles(@TempDir Path dir) throws Exception {
        Objects objects = new Objects(new DiskStorage(dir, mapper), Clock.systemUTC());
        put(objects, "gone.txt", "bye");
        objects.delete("b", "gone.txt", null, Preconditions.NONE);
        assertThat(new Objects(new DiskStorage(dir, mapper), Clock.systemUTC()).get("b", "gone.txt")).isEmpty();
        try (Stream<Path> stored = Files.list(dir.resolve("objects/b"))) {
            assertThat(stored).isEmpty();
        }
    }
}
