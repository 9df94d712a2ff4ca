package dev.wisim.iam.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Read-modify-write with an etag: of 50 writers holding the same etag at once, exactly one wins. */
@QuarkusTest
@QuarkusTestResource(FakeSts.class)
class PolicyConcurrencyTest {

    @Test
    void fiftyWritersWithOneEtagLetExactlyOneWin() throws Exception {
        String admin = IamWorld.admin();
        String email = IamWorld.serviceAccount(admin, "race-gsa");
        String path = "/v1/projects/-/serviceAccounts/" + email;
        String etag = given().auth().oauth2(admin).post(path + ":getIamPolicy").then().statusCode(200).extract().path("etag");

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> writes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String member = "user:writer-" + i + "@example.com";
            writes.add(pool.submit(() -> {
                go.await();
                return given().auth().oauth2(admin).contentType(ContentType.JSON)
                        .body(Map.of("policy", Map.of("etag", etag, "bindings", List.of(Map.of("role", "roles/viewer", "members", List.of(member))))))
                        .post(path + ":setIamPolicy");
            }));
        }
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> write : writes) {
            answers.add(write.get());
        }
        pool.shutdown();

        List<Response> won = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() != 200).hasSize(49)
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(409);
                    assertThat(r.jsonPath().getString("error.status")).isEqualTo("ABORTED");
                });
        String winner = won.get(0).jsonPath().getString("bindings[0].members[0]");
        given().auth().oauth2(admin).post(path + ":getIamPolicy").then().statusCode(200)
                .body("bindings[0].members[0]", org.hamcrest.Matchers.equalTo(winner))
                .body("etag", org.hamcrest.Matchers.equalTo(won.get(0).jsonPath().getString("etag")));
    }
}
