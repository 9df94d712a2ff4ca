package dev.wisim.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The images of wisim's services, {@code wisim/<module>:<version>}, at this library's version (never
 * {@code latest}). In a wisim checkout {@code ./mvnw -B package -DskipTests} builds them where a Docker
 * engine answers ({@code deploy/containers/build-images.sh}); {@code docker compose build} too.
 */
public final class WisimImages {

    public static final String VERSION = version();
    public static final String APISERVER = "wisim/apiserver-oidc:" + VERSION;
    public static final String METADATA_SERVER = "wisim/metadata-server:" + VERSION;
    public static final String STS = "wisim/sts:" + VERSION;
    public static final String IAM = "wisim/iam:" + VERSION;
    public static final String STORAGE = "wisim/resource-server:" + VERSION;

    private WisimImages() {
    }

    private static String version() {
        try (InputStream in = WisimImages.class.getResourceAsStream("wisim.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("wisim.properties is missing from the jar", e));
        }
    }
}
