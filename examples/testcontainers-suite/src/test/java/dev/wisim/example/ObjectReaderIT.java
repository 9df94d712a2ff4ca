package dev.wisim.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.wisim.testcontainers.WisimStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The application in a container beside wisim, as it runs in a GKE pod: Application Default
 * Credentials find the metadata server, which relays the pod's KSA token to a Google service account
 * token, and Cloud Storage decides what that account may read.
 */
@Testcontainers(disabledWithoutDocker = true)
class ObjectReaderIT {

    @Container
    static final WisimStack WISIM = new WisimStack().withScenario(Path.of("src/test/resources/world.yaml"));

    /** The application's image: its jar and class path on a Java 17 runtime; built again by each run, under one name. */
    static final ImageFromDockerfile APPLICATION = new ImageFromDockerfile("wisim-example/object-reader:test", false)
            .withFileFromPath("app.jar", Path.of(System.getProperty("example.jar")))
            .withFileFromPath("lib", Path.of(System.getProperty("example.lib")))
            .withDockerfileFromBuilder(image -> image.from(System.getProperty("example.base.image"))
                    .copy("app.jar", "/app/app.jar")
                    .copy("lib", "/app/lib")
                    .entryPoint("java", "-Xmx96m", "-cp", "/app/app.jar:/app/lib/*", ObjectReader.class.getName())
                    .label("dev.wisim.image", "example")
                    .build());

    @Test
    void readsTheObjectAsThePodsGoogleServiceAccount() {
        try (GenericContainer<?> application = application("reports", "latest.txt")) {
            application.start();
            assertThat(exitCode(application)).as(application.getLogs()).isZero();
            assertThat(application.getLogs(OutputType.STDOUT)).isEqualTo("revenue: up");
            assertThat(application.getLogs(OutputType.STDERR))
                    .contains("reading gs://reports/latest.txt as object-reader@example-project.iam.gserviceaccount.com");
        }
    }

    @Test
    void isRefusedABucketItsServiceAccountHasNoRoleOn() {
        try (GenericContainer<?> application = application("payroll", "march.csv")) {
            application.start();
            assertThat(exitCode(application)).isEqualTo(1);
            assertThat(application.getLogs(OutputType.STDOUT)).isEmpty();
            assertThat(application.getLogs(OutputType.STDERR)).contains("refused: 403 object-reader@example-project.iam.gserviceaccount.com"
                    + " does not have storage.objects.get access to the Google Cloud Storage object.");
        }
    }

    /** The application on wisim's network, configured as on GKE but for where Cloud Storage is. */
    private static GenericContainer<?> application(String bucket, String object) {
        Map<String, String> env = WISIM.networkClientEnvironment();
        return new GenericContainer<>(APPLICATION)
                .withNetwork(WISIM.getNetwork())
                .withEnv(env)
                .withEnv("STORAGE_HOST", env.get("WISIM_STORAGE_URL"))
                .withCommand(bucket, object)
                .withStartupCheckStrategy(new RunsToCompletion().withTimeout(Duration.ofSeconds(90)));
    }

    private static long exitCode(GenericContainer<?> application) {
        return application.getCurrentContainerInfo().getState().getExitCodeLong();
    }

    /** The application is a one-shot: it has started once it has finished, whatever its exit code. */
    static final class RunsToCompletion extends StartupCheckStrategy {

        @Override
        public StartupStatus checkStartupState(DockerClient docker, String containerId) {
            return Boolean.TRUE.equals(getCurrentState(docker, containerId).getRunning()) ? StartupStatus.NOT_YET_KNOWN
                    : StartupStatus.SUCCESSFUL;
        }
    }
}
