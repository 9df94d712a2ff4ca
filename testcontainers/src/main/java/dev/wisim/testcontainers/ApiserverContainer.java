package dev.wisim.testcontainers;

/** The Kubernetes API server and OIDC issuer of one GKE cluster ({@code wisim/apiserver-oidc}). */
public class ApiserverContainer extends WisimServiceContainer<ApiserverContainer> {

    public static final int PORT = 6080;
    public static final int HTTPS_PORT = 6443;
    public static final String ALIAS = "apiserver";

    public ApiserverContainer() {
        this(WisimImages.APISERVER);
    }

    public ApiserverContainer(String image) {
        super(image, ALIAS, PORT);
        withEnv("APISERVER_STATE_DIR", "/var/lib/wisim");
        withCluster("demo-project", "us-central1", "my-cluster-name");
    }

    /** The cluster: its project, location and name make its issuer and workload pool. */
    public ApiserverContainer withCluster(String projectId, String location, String name) {
        withEnv("APISERVER_PROJECT_ID", projectId);
        withEnv("APISERVER_LOCATION", location);
        return withEnv("APISERVER_CLUSTER_NAME", name);
    }

    /** A static bearer token that is the cluster's admin (for kubectl or fabric8 over HTTPS). */
    public ApiserverContainer withAdminToken(String token) {
        return withEnv("APISERVER_ADMIN_TOKEN", token);
    }
}
