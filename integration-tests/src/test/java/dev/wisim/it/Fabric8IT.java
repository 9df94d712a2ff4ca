package dev.wisim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wisim.stack.Stack;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fabric8 Kubernetes client, configured from the stack's kubeconfig (TLS, the local CA, the admin token). */
@ExtendWith(SharedStack.class)
class Fabric8IT {

    static final String NS = "fabric8-it";
    static final String GSA_ANNOTATION = "iam.gke.io/gcp-service-account";

    KubernetesClient client;

    @BeforeEach
    void client(Stack stack) throws IOException {
        Config config = Config.fromKubeconfig(Files.readString(Path.of(stack.clientEnvironment().get("KUBECONFIG"))));
        client = new KubernetesClientBuilder().withConfig(config).build();
        if (client.namespaces().withName(NS).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        }
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static ServiceAccount sa(String name) {
        return new ServiceAccountBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata().build();
    }

    @Test
    void createsGetsListsAndDeletes() {
        client.serviceAccounts().inNamespace(NS).resource(sa("crud")).create();
        assertThat(client.serviceAccounts().inNamespace(NS).withName("crud").get().getMetadata().getUid()).isNotBlank();
        assertThat(client.serviceAccounts().inNamespace(NS).list().getItems()).extracting(s -> s.getMetadata().getName())
                .contains("crud", "default");
        assertThatThrownBy(() -> client.serviceAccounts().inNamespace(NS).resource(sa("crud")).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        client.serviceAccounts().inNamespace(NS).withName("crud").delete();
        assertThat(client.serviceAccounts().inNamespace(NS).withName("crud").get()).isNull();
        assertThat(client.namespaces().withName(NS).get().getMetadata().getLabels())
                .containsEntry("kubernetes.io/metadata.name", NS);
    }

    @Test
    void editsWithAJsonPatchThatCarriesTheResourceVersion() {
        client.serviceAccounts().inNamespace(NS).resource(sa("edited")).create();
        ServiceAccount edited = client.serviceAccounts().inNamespace(NS).withName("edited")
                .edit(s -> new ServiceAccountBuilder(s).editMetadata()
                        .addToAnnotations(GSA_ANNOTATION, "edited@demo-project.iam.gserviceaccount.com").endMetadata().build());
        assertThat(edited.getMetadata().getAnnotations()).containsEntry(GSA_ANNOTATION, "edited@demo-project.iam.gserviceaccount.com");
        ServiceAccount stale = new ServiceAccountBuilder(edited).editMetadata().withResourceVersion("1").endMetadata().build();
        assertThatThrownBy(() -> client.serviceAccounts().inNamespace(NS).resource(stale).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void patchesByMergeStrategicMergeAndServerSideApply() {
        client.serviceAccounts().inNamespace(NS).resource(sa("patched")).create();
        client.serviceAccounts().inNamespace(NS).withName("patched")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"merge\":\"yes\"}}}");
        client.serviceAccounts().inNamespace(NS).withName("patched").patch("{\"metadata\":{\"labels\":{\"strategic\":\"yes\"}}}");
        assertThat(client.serviceAccounts().inNamespace(NS).withName("patched").get().getMetadata().getLabels())
                .containsEntry("merge", "yes").containsEntry("strategic", "yes");
        ServiceAccount applied = new ServiceAccountBuilder(sa("applied")).editMetadata()
                .addToAnnotations(GSA_ANNOTATION, "applied@demo-project.iam.gserviceaccount.com").endMetadata().build();
        client.serviceAccounts().inNamespace(NS).resource(applied).serverSideApply();
        assertThat(client.serviceAccounts().inNamespace(NS).withName("applied").get().getMetadata().getAnnotations())
                .containsEntry(GSA_ANNOTATION, "applied@demo-project.iam.gserviceaccount.com");
        client.serviceAccounts().inNamespace(NS).resource(sa("applied")).createOr(op -> op.update());
    }

    @Test
    void requestsReviewsAndIdentifiesTokens() {
        client.serviceAccounts().inNamespace(NS).resource(sa("robot")).create();
        TokenRequest request = new TokenRequestBuilder().withNewSpec().withAudiences("demo-project.svc.id.goog")
                .withExpirationSeconds(600L).endSpec().build();
        TokenRequest issued = client.serviceAccounts().inNamespace(NS).withName("robot").tokenRequest(request);
        assertThat(issued.getSpec().getExpirationSeconds()).isEqualTo(600L);
        String token = issued.getStatus().getToken();

        TokenReview review = client.resource(new TokenReviewBuilder().withNewSpec().withToken(token)
                .withAudiences("demo-project.svc.id.goog").endSpec().build()).create();
        assertThat(review.getStatus().getAuthenticated()).isTrue();
        assertThat(review.getStatus().getUser().getUsername()).isEqualTo("system:serviceaccount:" + NS + ":robot");

        SelfSubjectReview whoami = client.resource(new SelfSubjectReview()).create();
        assertThat(whoami.getStatus().getUserInfo().getUsername()).isEqualTo("kubernetes-admin");
    }

    @Test
    void findsPodsByTheirIp() {
        Pod pod = client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("by-ip").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build()).create();
        String ip = pod.getStatus().getPodIP();
        assertThat(client.pods().inAnyNamespace().withField("status.podIP", ip).list().getItems())
                .extracting(p -> p.getMetadata().getName()).containsExactly("by-ip");
        assertThat(client.pods().inNamespace(NS).withLabels(Map.of("absent", "x")).list().getItems()).isEmpty();
        assertThat(client.getKubernetesVersion().getMinor()).isEqualTo("32");
        assertThat(List.of(pod.getSpec().getServiceAccountName())).containsExactly("default");
    }
}
