package dev.wisim.testcontainers;

/** Google's Security Token Service ({@code wisim/sts}). */
public class StsContainer extends WisimServiceContainer<StsContainer> {

    public static final int PORT = 8081;
    public static final int HTTPS_PORT = 8441;
    public static final String ALIAS = "sts";

    public StsContainer() {
        this(WisimImages.STS);
    }

    public StsContainer(String image) {
        super(image, ALIAS, PORT);
        withEnv("STS_STATE_DIR", "/var/lib/wisim");
    }

    /** The GKE API (the clusters' discovery documents) and IAM, as reached from this container. */
    public StsContainer withUpstreams(String apiserverUrl, String iamUrl) {
        withEnv("STS_CONTAINER_API_URL", apiserverUrl);
        return withEnv("STS_IAM_URL", iamUrl);
    }
}
