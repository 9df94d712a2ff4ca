package dev.wisim.stack;

import dev.wisim.stack.scenario.Scenario.ClusterSpec;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The settings each service is started with, all as environment variables (the services' documented overrides). */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<Service, Map<String, String>> of(ClusterSpec cluster, StackPorts ports, Path stateDir, StackSecrets secrets) {
        String apiserver = url(ports, Service.APISERVER);
        String sts = url(ports, Service.STS);
        String iam = url(ports, Service.IAM);
        Map<Service, Map<String, String>> env = new EnumMap<>(Service.class);
        Map<String, String> common = Map.of("QUARKUS_HTTP_HOST", "127.0.0.1");

        env.put(Service.APISERVER, apiserver(cluster, ports.https().get(Service.APISERVER), stateDir, secrets, iam));

        Map<String, String> metadataEnv = new HashMap<>();
        // the metadata server listens on every local address: each pod has its own loopback IP
        metadataEnv.put("QUARKUS_HTTP_HOST", "0.0.0.0");
        metadataEnv.put("METADATA_PROJECT_ID", cluster.project());
        metadataEnv.put("METADATA_CLUSTER_LOCATION", cluster.location());
        metadataEnv.put("METADATA_CLUSTER_NAME", cluster.name());
        metadataEnv.put("METADATA_APISERVER_URL", apiserver);
        metadataEnv.put("METADATA_STS_URL", sts);
        metadataEnv.put("METADATA_IAM_URL", iam);
        if (cluster.defaultPod() != null) {
            metadataEnv.put("METADATA_DEFAULT_POD", cluster.defaultPod());
        }
        env.put(Service.METADATA, metadataEnv);

        Map<String, String> stsEnv = new HashMap<>(common);
        stsEnv.put("STS_CONTAINER_API_URL", apiserver);
        stsEnv.put("STS_IAM_URL", iam);
        stsEnv.put("STS_STATE_DIR", stateDir.toString());
        stsEnv.put("STS_CA_FILE", secrets.ca().certificate().toString());
        env.put(Service.STS, stsEnv);

        Map<String, String> iamEnv = new HashMap<>(common);
        iamEnv.put("IAM_STS_URL", sts);
        iamEnv.put("IAM_EXTERNAL_URL", iam);
        iamEnv.put("IAM_STATE_DIR", stateDir.toString());
        env.put(Service.IAM, iamEnv);

        Map<String, String> storageEnv = new HashMap<>(common);
        storageEnv.put("STORAGE_EXTERNAL_URL", url(ports, Service.STORAGE));
        storageEnv.put("STORAGE_IAM_URL", iam);
        storageEnv.put("STORAGE_DATA_DIR", stateDir.resolve("storage").toString());
        env.put(Service.STORAGE, storageEnv);
        for (Service service : List.of(Service.STS, Service.IAM)) {
            env.get(service).put("QUARKUS_HTTP_SSL_PORT", Integer.toString(ports.https().get(service)));
            env.get(service).put("QUARKUS_HTTP_INSECURE_REQUESTS", "enabled");
        }
        return env;
    }

    /** One cluster's API server; a further cluster of the scenario keeps its state in a directory of its own. */
    /** @param iam IAM's URL: Google identities at the API server are checked with it */
    static Map<String, String> apiserver(ClusterSpec cluster, int httpsPort, Path stateDir, StackSecrets secrets, String iam) {
        Map<String, String> env = new HashMap<>();
        env.put("APISERVER_IAM_URL", iam);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("APISERVER_PROJECT_ID", cluster.project());
        env.put("APISERVER_LOCATION", cluster.location());
        env.put("APISERVER_CLUSTER_NAME", cluster.name());
        env.put("APISERVER_EXTERNAL_URL", "https://127.0.0.1:" + httpsPort);
        env.put("APISERVER_STATE_DIR", stateDir.toString());
        env.put("APISERVER_ADMIN_TOKEN", secrets.kubeAdminToken());
        env.put("APISERVER_CA_FILE", secrets.ca().certificate().toString());
        env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(httpsPort));
        env.put("QUARKUS_HTTP_INSECURE_REQUESTS", "enabled");
        return env;
    }

    private static String url(StackPorts ports, Service service) {
        return "http://127.0.0.1:" + ports.http().get(service);
    }

    /** Quarkus' TLS registry for the services that speak TLS: the default key store, as PEM files from the local CA. */
    static Map<String, String> systemProperties(Service service, StackSecrets secrets) {
        dev.wisim.stack.tls.LocalCa.ServerCertificate certificate = secrets.certificates().get(service);
        if (certificate == null) {
            return Map.of();
        }
        return Map.of("quarkus.tls.key-store.pem.0.cert", certificate.certificate().toString(),
                "quarkus.tls.key-store.pem.0.key", certificate.key().toString());
    }
}
