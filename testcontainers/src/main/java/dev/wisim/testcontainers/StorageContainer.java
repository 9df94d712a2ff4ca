package dev.wisim.testcontainers;

/** The Cloud Storage JSON API subset ({@code wisim/resource-server}); objects on disk inside the container. */
public class StorageContainer extends WisimServiceContainer<StorageContainer> {

    public static final int PORT = 8083;
    public static final String ALIAS = "storage";

    public StorageContainer() {
        this(WisimImages.STORAGE);
    }

    public StorageContainer(String image) {
        super(image, ALIAS, PORT);
        withEnv("STORAGE_DATA_DIR", "/var/lib/wisim/storage");
    }

    /** IAM (tokeninfo, policies), as reached from this container. */
    public StorageContainer withIam(String iamUrl) {
        return withEnv("STORAGE_IAM_URL", iamUrl);
    }

    /** The base of {@code selfLink}, {@code mediaLink} and resumable-upload locations. */
    public StorageContainer withExternalUrl(String url) {
        return withEnv("STORAGE_EXTERNAL_URL", url);
    }
}
