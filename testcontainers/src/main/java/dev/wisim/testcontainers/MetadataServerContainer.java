package dev.wisim.testcontainers;

/** The GKE metadata server of the cluster's node ({@code wisim/metadata-server}). */
public class MetadataServerContainer extends WisimServiceContainer<MetadataServerContainer> {

    public static final int PORT = 8988;
    public static final String ALIAS = "metadata";

    public MetadataServerContainer() {
        this(WisimImages.METADATA_SERVER);
    }

    public MetadataServerContainer(String image) {
        super(image, ALIAS, PORT);
        withCluster("demo-project", "us-central1", "my-cluster-name");
    }

    public MetadataServerContainer withCluster(String projectId, String location, String name) {
        withEnv("METADATA_PROJECT_ID", projectId);
        withEnv("METADATA_CLUSTER_LOCATION", location);
        return withEnv("METADATA_CLUSTER_NAME", name);
    }

    /** The services the relay calls, as reached from this container. */
    public MetadataServerContainer withUpstreams(String apiserverUrl, String stsUrl, String iamUrl) {
        withEnv("METADATA_APISERVER_URL", apiserverUrl);
        withEnv("METADATA_STS_URL", stsUrl);
        return withEnv("METADATA_IAM_URL", iamUrl);
    }

    /** The pod ({@code NAMESPACE/NAME}) a caller is taken for when nothing else tells it apart (callers on the host). */
    public MetadataServerContainer withDefaultPod(String namespaceAndName) {
        return withEnv("METADATA_DEFAULT_POD", namespaceAndName);
    }
}
