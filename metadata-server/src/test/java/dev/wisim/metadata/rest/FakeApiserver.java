package dev.wisim.metadata.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The metadata server's API server for its tests: fabric8's mock Kubernetes server, which keeps
 * objects and serves lists and watches as a cluster does (so the metadata server's informers work
 * against it), with answers for TokenRequest and TokenReview. It holds namespace {@code demo}, KSA
 * {@code demo/test-ksa} (annotated with the GSA), pod {@code demo/test-pod} and pod
 * {@code demo/addressed-pod} at {@link FakeUpstreams#POD_IP}.
 */
final class FakeApiserver {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicReference<Map<String, Object>> lastTokenRequest = new AtomicReference<>();

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    FakeApiserver() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.expect().post().withPath("/api/v1/namespaces/demo/serviceaccounts/test-ksa/token").andReply(201, request -> {
            lastTokenRequest.set(json(request.getBody().readUtf8()));
            return Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "TokenRequest", "status", Map.of("token", "ksa-jwt"));
        }).always();
        server.expect().post().withPath("/apis/authentication.k8s.io/v1/tokenreviews").andReply(201, request -> {
            boolean good = FakeUpstreams.GOOD_KSA_TOKEN.equals(((Map<?, ?>) json(request.getBody().readUtf8()).get("spec")).get("token"));
            return Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "TokenReview", "status", good
                    ? Map.of("authenticated", true, "user", Map.of("username", "system:serviceaccount:demo:test-ksa",
                            "extra", Map.of("authentication.kubernetes.io/pod-name", List.of("test-pod"))))
                    : Map.of("user", Map.of(), "error", "[invalid bearer token, service account token has expired]"));
        }).always();
        client = server.createClient();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("demo").endMetadata().build()).create();
        client.serviceAccounts().inNamespace("demo").resource(new ServiceAccountBuilder().withNewMetadata().withName("test-ksa")
                .addToAnnotations("iam.gke.io/gcp-service-account", FakeUpstreams.GSA).endMetadata().build()).create();
        client.pods().inNamespace("demo").resource(pod("test-pod", null)).create();
        client.pods().inNamespace("demo").resource(pod("addressed-pod", FakeUpstreams.POD_IP)).create();
    }

    static Pod pod(String name, String ip) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("demo").withUid(name + "-uid").endMetadata()
                .withNewSpec().withServiceAccountName("test-ksa").addNewContainer().withName("c").withImage("busybox").endContainer()
                .endSpec();
        return (ip == null ? pod : pod.withNewStatus().withPhase("Running").withPodIP(ip).endStatus()).build();
    }

    String url() {
        return server.url("/").replaceAll("/$", "");
    }

    KubernetesClient client() {
        return client;
    }

    /** How many requests the server has answered. */
    int requests() {
        return server.getRequestCount();
    }

    void stop() {
        client.close();
        server.destroy();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        try {
            return JSON.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
