package dev.wisim.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFilesTest {

    @TempDir
    Path state;

    @Test
    void forgettingTheWorldRemovesWhatTheServicesWroteAndKeepsWhatClientsTrust() throws IOException {
        Path iamKeys = write("iam/keys.json");
        Path object = write("storage/demo-bucket/hello.txt");
        Path podVolume = write("pods/demo/test-pod/token");
        Path env = write("stack.env");
        Path kubeconfig = write("kubeconfig");
        Path ca = write("tls/ca.pem");
        Path adminToken = write("kube-admin-token");
        Path keyPool = write("key-pool/rsa.json");

        StackFiles.forgetWorld(state);

        assertThat(iamKeys.getParent()).doesNotExist();
        assertThat(object.getParent().getParent()).doesNotExist();
        assertThat(podVolume.getParent().getParent().getParent()).doesNotExist();
        assertThat(env).doesNotExist();
        assertThat(kubeconfig).doesNotExist();
        assertThat(ca).exists();
        assertThat(adminToken).exists();
        assertThat(keyPool).exists();
    }

    @Test
    void forgettingAnEmptyStateDirectoryIsNoError() {
        StackFiles.forgetWorld(state);
        assertThat(state).isEmptyDirectory();
    }

    private Path write(String name) throws IOException {
        Path file = state.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
        return file;
    }
}
