package dev.wisim.apiserver.kubelet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kubelet's atomic writer: files go into a fresh timestamped directory, a {@code ..data} link is
 * swapped to it with one rename, and each visible file is a link through {@code ..data}, so a reader
 * never sees half a token.
 */
final class VolumeFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'..'yyyy_MM_dd_HH_mm_ss.SSSSSSSSS").withZone(ZoneOffset.UTC);

    private VolumeFiles() {
    }

    static void write(Path volume, Map<String, byte[]> files, Instant now) throws IOException {
        Files.createDirectories(volume);
        Path fresh = volume.resolve(STAMP.format(now));
        Files.createDirectories(fresh);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(fresh.resolve(file.getKey()), file.getValue());
        }
        Path previous = Files.isSymbolicLink(volume.resolve("..data")) ? volume.resolve(Files.readSymbolicLink(volume.resolve("..data"))) : null;
        Path staging = volume.resolve("..data_tmp");
        Files.deleteIfExists(staging);
        Files.createSymbolicLink(staging, fresh.getFileName());
        Files.move(staging, volume.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (String name : files.keySet()) {
            Path link = volume.resolve(name);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createSymbolicLink(link, Path.of("..data").resolve(name));
                } catch (FileAlreadyExistsException ignored) {
                    // created concurrently
                }
            }
        }
        if (previous != null && !previous.getFileName().equals(fresh.getFileName())) {
            delete(previous);
        }
    }

    /** Removes a pod's whole volume directory. */
    static void remove(Path podDir) {
        delete(podDir);
    }

    private static void delete(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
