package dev.wisim.stack;

/**
 * The five services of the stack, with their modules and fixed default ports: every service has a
 * plain-HTTP port (the others call it, and a packet capture sees every hop); the API server's main
 * port is HTTPS (kubectl sends credentials only over TLS), with its plain port beside it; STS and IAM
 * also speak HTTPS (Java's external-account credentials accept only https URLs).
 */
public enum Service {
    APISERVER("apiserver-oidc", 6080, "WISIM_APISERVER_HTTP_PORT", 6443, "WISIM_APISERVER_PORT"),
    METADATA("metadata-server", 8988, "WISIM_METADATA_PORT", 0, null),
    STS("sts", 8081, "WISIM_STS_PORT", 8441, "WISIM_STS_HTTPS_PORT"),
    IAM("iam", 8082, "WISIM_IAM_PORT", 8442, "WISIM_IAM_HTTPS_PORT"),
    STORAGE("resource-server", 8083, "WISIM_STORAGE_PORT", 0, null);

    private final String module;
    private final int httpPort;
    private final String httpPortVariable;
    private final int httpsPort;
    private final String httpsPortVariable;

    Service(String module, int httpPort, String httpPortVariable, int httpsPort, String httpsPortVariable) {
        this.module = module;
        this.httpPort = httpPort;
        this.httpPortVariable = httpPortVariable;
        this.httpsPort = httpsPort;
        this.httpsPortVariable = httpsPortVariable;
    }

    public String module() {
        return module;
    }

    public int defaultHttpPort() {
        return httpPort;
    }

    /** The environment variable that overrides the plain-HTTP port. */
    public String httpPortVariable() {
        return httpPortVariable;
    }

    public boolean speaksTls() {
        return httpsPort > 0;
    }

    public int defaultHttpsPort() {
        return httpsPort;
    }

    public String httpsPortVariable() {
        return httpsPortVariable;
    }
}
