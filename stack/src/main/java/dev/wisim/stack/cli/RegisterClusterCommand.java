package dev.wisim.stack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wisim register-cluster}: registers a real Kubernetes cluster in a GKE workload pool of
 * wisim's IAM, as enabling Workload Identity on a GKE cluster does: its service-account issuer, with
 * its JWKS read through its API server (with a service-account token), so that STS accepts its tokens.
 */
@Command(name = "register-cluster", description = "Register a real cluster's service-account issuer in a workload pool of wisim's IAM.")
final class RegisterClusterCommand implements Callable<Integer> {

    @Option(names = "--iam", required = true, description = "IAM's URL")
    String iam;

    @Option(names = "--pool", required = true, description = "the workload pool, PROJECT.svc.id.goog")
    String pool;

    @Option(names = "--apiserver", defaultValue = "https://kubernetes.default.svc", description = "the cluster's API server")
    String apiserver;

    @Option(names = "--token-file", defaultValue = "/var/run/secrets/kubernetes.io/serviceaccount/token",
            description = "a bearer token for the API server")
    Path tokenFile;

    @Option(names = "--ca-file", defaultValue = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
            description = "the API server's CA (PEM)")
    Path caFile;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        HttpClient cluster = HttpClient.newBuilder().sslContext(trusting(caFile)).build();
        String token = Files.readString(tokenFile).strip();
        String discovery = get(cluster, apiserver + "/.well-known/openid-configuration", token);
        String issuer = (String) new ObjectMapper().readValue(discovery, Map.class).get("issuer");
        String jwks = get(cluster, apiserver + "/openid/v1/jwks", token);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("issuer", issuer);
        registration.put("jwksJson", jwks);
        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(iam + "/_sim/workload-identity/gke-pools/" + pool + "/clusters")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new ObjectMapper().writeValueAsBytes(registration))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 200) {
            System.err.println("wisim: IAM answered " + registered.statusCode() + ": " + registered.body());
            return 1;
        }
        System.out.println("wisim: registered issuer " + issuer + " in " + pool);
        return 0;
    }

    private static String get(HttpClient client, String url, String token) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
