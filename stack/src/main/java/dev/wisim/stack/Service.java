package dev.wisim.stack;

/** The five services of the stack, with their modules, fixed default ports and port overrides. */
public enum Service {
    APISERVER("apiserver-oidc", 6443, "WISIM_APISERVER_PORT"),
    METADATA("metadata-server", 8988, "WISIM_METADATA_PORT"),
    STS("sts", 8081, "WISIM_STS_PORT"),
    IAM("iam", 8082, "WISIM_IAM_PORT"),
    STORAGE("resource-server", 8083, "WISIM_STORAGE_PORT");

    private final String module;
    private final int defaultPort;
    private final String portVariable;

    Service(String module, int defaultPort, String portVariable) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The environment variable that overrides the default port. */
    public String portVariable() {
        return portVariable;
    }
}
