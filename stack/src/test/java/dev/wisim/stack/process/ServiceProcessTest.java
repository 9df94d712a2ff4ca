package dev.wisim.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path app;

    @Test
    void java25UsesTheAotCacheOnlyWhenItIsNewerThanTheJar() throws IOException {
        Path jar = touch("quarkus-run.jar", Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(ServiceProcess.startupCache(app, false, 25)).isEmpty();

        touch("app.aot", Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(ServiceProcess.startupCache(app, false, 25)).as("a cache from an earlier build").isEmpty();

        touch("app.aot", Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(ServiceProcess.startupCache(app, false, 25)).containsExactly("-XX:AOTCache=app.aot");
        assertThat(jar).exists();
    }

    @Test
    void java25TrainingWritesTheCache() {
        assertThat(ServiceProcess.startupCache(app, true, 25)).containsExactly("-XX:AOTCacheOutput=app.aot");
    }

    @Test
    void olderJavaUsesTheAppCdsArchiveQuarkusBuilt() throws IOException {
        assertThat(ServiceProcess.startupCache(app, false, 17)).isEmpty();
        touch("app-cds.jsa", Instant.now());
        assertThat(ServiceProcess.startupCache(app, false, 17)).containsExactly("-XX:SharedArchiveFile=app-cds.jsa");
        assertThat(ServiceProcess.startupCache(app, true, 17)).as("no training before Java 25").containsExactly("-XX:SharedArchiveFile=app-cds.jsa");
    }

    private Path touch(String name, Instant modified) throws IOException {
        Path file = app.resolve(name);
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
