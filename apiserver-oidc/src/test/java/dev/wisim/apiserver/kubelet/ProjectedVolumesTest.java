package dev.wisim.apiserver.kubelet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.jose.JwtVerifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kubelet's projected volumes: the default service-account volume and a pod spec's token volume for another audience. */
@QuarkusTest
class ProjectedVolumesTest {

    static final Path KUBELET = Path.of("target/test-kubelet");

    @Test
    void projectsTheServiceAccountVolumeAndEachTokenVolumeOfThePodSpec() throws Exception {
        given().contentType(ContentType.JSON).body("{\"metadata\":{\"name\":\"ns-kubelet\"}}").post("/api/v1/namespaces")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body("""
                {"metadata":{"name":"job"},"spec":{"containers":[{"name":"c","image":"busybox"}],
                 "volumes":[{"name":"workload-identity","projected":{"sources":[{"serviceAccountToken":
                   {"audience":"demo-project.svc.id.goog","expirationSeconds":1800,"path":"token"}}]}}]}}
                """).post("/api/v1/namespaces/ns-kubelet/pods").then().statusCode(201);

        Path standard = KUBELET.resolve("ns-kubelet/job/serviceaccount/token");
        Path pool = KUBELET.resolve("ns-kubelet/job/workload-identity/token");
        await(pool);
        await(standard);
        Map<String, Object> poolClaims = JwtVerifier.unverifiedClaims(Files.readString(pool));
        assertThat(poolClaims.get("aud")).isEqualTo(List.of("demo-project.svc.id.goog"));
        assertThat(poolClaims.get("sub")).isEqualTo("system:serviceaccount:ns-kubelet:default");
        assertThat(((Number) poolClaims.get("exp")).longValue() - ((Number) poolClaims.get("iat")).longValue()).isEqualTo(1800);
        assertThat(JwtVerifier.unverifiedClaims(Files.readString(standard)).get("aud")).isNotEqualTo(List.of("demo-project.svc.id.goog"));

        given().delete("/api/v1/namespaces/ns-kubelet/pods/job").then().statusCode(200);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Files.exists(pool) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(pool).doesNotExist();
    }

    private static void await(Path file) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(file).exists();
    }
}
