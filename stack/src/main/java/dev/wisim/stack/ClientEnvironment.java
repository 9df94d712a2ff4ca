package dev.wisim.stack;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables that point real clients at a stack: gcloud reads {@code GCE_METADATA_ROOT}, the
 * Python and Java auth libraries {@code GCE_METADATA_HOST}, Python's probe {@code GCE_METADATA_IP}
 * (all {@code host:port}); gcloud's API overrides must end in {@code /}.
 */
public final class ClientEnvironment {

    private ClientEnvironment() {
    }

    /**
     * What every client needs, from each service's URL as the client reaches it: the metadata server
     * (host:port), the project, gcloud's API overrides and {@code WISIM_<SERVICE>_URL}. The
     * Testcontainers module's stack hands out the same.
     */
    public static Map<String, String> forServices(String projectId, String projectNumber, Map<Service, String> urls) {
        String metadata = urls.get(Service.METADATA).replaceFirst("^https?://", "");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WISIM_PROJECT_ID", projectId);
        if (projectNumber != null) {
            env.put("WISIM_PROJECT_NUMBER", projectNumber);
        }
        for (Service service : Service.values()) {
            env.put("WISIM_" + service.name() + "_URL", urls.get(service));
        }
        env.put("WISIM_CONSOLE_URL", urls.get(Service.METADATA) + "/_sim/console/");
        env.put("GCE_METADATA_HOST", metadata);
        env.put("GCE_METADATA_ROOT", metadata);
        env.put("GCE_METADATA_IP", metadata);
        env.put("GOOGLE_CLOUD_PROJECT", projectId);
        env.put("CLOUDSDK_CORE_PROJECT", projectId);
        env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM", urls.get(Service.IAM) + "/");
        env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS", urls.get(Service.IAM) + "/");
        // IAM serves Resource Manager's projects and their policies too
        env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER", urls.get(Service.IAM) + "/");
        env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE", urls.get(Service.STORAGE) + "/");
        env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER", urls.get(Service.APISERVER) + "/");
        return env;
    }

    static Map<String, String> of(Stack stack) {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            urls.put(service, stack.url(service));
        }
        Map<String, String> env = forServices(stack.projectId(), stack.projectNumber(), urls);
        env.put("WISIM_APISERVER_HTTPS_URL", stack.httpsUrl(Service.APISERVER));
        env.put("WISIM_STS_HTTPS_URL", stack.httpsUrl(Service.STS));
        env.put("WISIM_IAM_HTTPS_URL", stack.httpsUrl(Service.IAM));
        env.put("WISIM_ADMIN_TOKEN_FILE", stack.stateDir().resolve("admin-token").toString());
        if (stack.adminKeyFile().isPresent()) {
            env.put("WISIM_ADMIN_KEY_FILE", stack.stateDir().resolve(StackFiles.ADMIN_KEY_FILE).toString());
        }
        env.put("WISIM_CA_FILE", stack.secrets().ca().certificate().toString());
        env.put("WISIM_TRUSTSTORE", stack.secrets().ca().truststoreFile().toString());
        Map<String, String> externalAccounts = ExternalAccountFiles.of(stack);
        if (externalAccounts.containsKey(ExternalAccountFiles.IMPERSONATED)) {
            env.put("WISIM_EXTERNAL_ACCOUNT_FILE", stack.stateDir().resolve(ExternalAccountFiles.IMPERSONATED).toString());
        }
        if (externalAccounts.containsKey(ExternalAccountFiles.FEDERATED)) {
            env.put("WISIM_EXTERNAL_ACCOUNT_FEDERATED_FILE", stack.stateDir().resolve(ExternalAccountFiles.FEDERATED).toString());
        }
        // gcloud (and Python's requests, which its external-account refresh uses) verify STS and IAM
        // over TLS against the system's roots plus the local CA
        env.put("WISIM_CA_BUNDLE", stack.secrets().ca().bundleFile().toString());
        env.put("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE", stack.secrets().ca().bundleFile().toString());
        env.put("REQUESTS_CA_BUNDLE", stack.secrets().ca().bundleFile().toString());
        env.put("KUBECONFIG", stack.stateDir().resolve("kubeconfig").toString());
        return env;
    }
}
