package dev.wisim.testcontainers;

/** IAM, IAM Credentials, Resource Manager and Google's OAuth2 endpoints ({@code wisim/iam}). */
public class IamContainer extends WisimServiceContainer<IamContainer> {

    public static final int PORT = 8082;
    public static final int HTTPS_PORT = 8442;
    public static final String ALIAS = "iam";

    public IamContainer() {
        this(WisimImages.IAM);
    }

    public IamContainer(String image) {
        super(image, ALIAS, PORT);
        withEnv("IAM_STATE_DIR", "/var/lib/wisim");
    }

    /** STS, whose federated tokens IAM accepts, as reached from this container. */
    public IamContainer withSts(String stsUrl) {
        return withEnv("IAM_STS_URL", stsUrl);
    }

    /** Where clients reach IAM: the {@code token_uri} of the key files it hands out. */
    public IamContainer withExternalUrl(String url) {
        return withEnv("IAM_EXTERNAL_URL", url);
    }
}
