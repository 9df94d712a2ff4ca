package dev.wisim.apiserver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The protobuf bodies kubectl 1.32 sends, byte for byte as captured from it (k8s-wire.md §2.4). */
@QuarkusTest
class ProtobufBodiesTest {

    static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private static byte[] hex(String value) {
        return HexFormat.of().parseHex(value);
    }

    @Test
    void createsANamespaceAndAServiceAccountFromKubectlsProtobuf() {
        // kubectl create namespace demo
        given().contentType(PROTOBUF).accept("application/vnd.kubernetes.protobuf,application/json")
                .queryParam("fieldManager", "kubectl-create").queryParam("fieldValidation", "Strict")
                .body(hex("6b3873000a0f0a02763112094e616d657370616365121c0a140a0464656d6f12001a0022002a0032003800420012001a020a001a002200"))
                .post("/api/v1/namespaces")
                .then().statusCode(201).contentType("application/json")
                .body("kind", equalTo("Namespace")).body("metadata.name", equalTo("demo")).body("status.phase", equalTo("Active"));
        // kubectl create sa app -n demo
        given().contentType(PROTOBUF)
                .body(hex("6b3873000a140a027631120e536572766963654163636f756e7412190a170a0361707012001a0464656d6f22002a003200380042001a002200"))
                .post("/api/v1/namespaces/demo/serviceaccounts")
                .then().statusCode(201).body("kind", equalTo("ServiceAccount")).body("metadata.name", equalTo("app"))
                .body("metadata.namespace", equalTo("demo"));
    }

    @Test
    void requestsTokensFromKubectlsProtobuf() {
        given().contentType("application/json").body("{\"metadata\":{\"name\":\"pb\"}}").post("/api/v1/namespaces");
        given().contentType("application/json").body("{\"metadata\":{\"name\":\"app\"}}").post("/api/v1/namespaces/pb/serviceaccounts");
        // kubectl create token app --audience A --duration 10m
        given().contentType(PROTOBUF)
                .body(hex("6b3873000a280a1861757468656e7469636174696f6e2e6b38732e696f2f7631120c546f6b656e5265717565737412200a100a0012001a"
                        + "0022002a0032003800420012060a014120d8041a040a0012001a002200"))
                .post("/api/v1/namespaces/pb/serviceaccounts/app/token")
                .then().statusCode(201).body("spec.audiences", contains("A")).body("spec.expirationSeconds", equalTo(600))
                .body("status.token", startsWith("eyJhbGciOiJSUzI1NiIsImtpZCI6"));
        // kubectl create token app (no flags: one hour, the API server's audience)
        given().contentType(PROTOBUF)
                .body(hex("6b3873000a280a1861757468656e7469636174696f6e2e6b38732e696f2f7631120c546f6b656e52657175657374121a0a100a0012001a"
                        + "0022002a0032003800420012001a040a0012001a002200"))
                .post("/api/v1/namespaces/pb/serviceaccounts/app/token")
                .then().statusCode(201).body("spec.expirationSeconds", equalTo(3600))
                .body("spec.audiences", contains(OidcResourceTest.ISSUER));
        // kubectl create token app --bound-object-kind Node --bound-object-name n1
        given().contentType(PROTOBUF)
                .body(hex("6b3873000a280a1861757468656e7469636174696f6e2e6b38732e696f2f7631120c546f6b656e52657175657374122c0a100a0012001a"
                        + "0022002a0032003800420012121a100a044e6f6465120276311a026e3122001a040a0012001a002200"))
                .post("/api/v1/namespaces/pb/serviceaccounts/app/token")
                .then().statusCode(404).body("message", equalTo("nodes \"n1\" not found"));
    }

    @Test
    void answersWhoamiFromKubectlsProtobuf() {
        given().contentType(PROTOBUF)
                .body(hex("6b3873000a2d0a1861757468656e7469636174696f6e2e6b38732e696f2f7631121153656c665375626a65637452657669657712"
                        + "1a0a100a0012001a0022002a0032003800420012060a040a0012001a002200"))
                .post("/apis/authentication.k8s.io/v1/selfsubjectreviews")
                .then().statusCode(201).body("kind", equalTo("SelfSubjectReview"))
                .body("status.userInfo.username", equalTo("system:unsecured"))
                .body("status.userInfo.groups", contains("system:masters", "system:authenticated"));
    }

    @Test
    void refusesBodiesThatAreNotKubernetesProtobuf() {
        given().contentType(PROTOBUF).body(hex("0a0b0c")).post("/api/v1/namespaces")
                .then().statusCode(400).body("reason", equalTo("BadRequest"));
        // a ConfigMap: a kind this server does not serve
        given().contentType(PROTOBUF).body(hex("6b3873000a110a0276311209436f6e6669674d6170120012001a0022002a00"))
                .post("/api/v1/namespaces").then().statusCode(400).body("reason", equalTo("BadRequest"));
    }
}
