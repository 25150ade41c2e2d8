package se.atmp2030.workbook.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * A temporary folder of this run's own, for POI's streamed sheets and the workbook written aside: never the shared
 * {@code /tmp/poifiles} that POI uses by default, which a second user on the same machine cannot write to. Made on
 * first use, private to the user, and removed when the JVM ends.
 */
public final class TempFolder {
    private static Path folder;

    private TempFolder() {
    }

    /** The folder, made (and given to POI) on first call. */
    public static synchronized Path get() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            folder = Files.createTempDirectory("atmp-workbook-");
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
            Path made = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(made)));
        }
        return folder;
    }

    private static void remove(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the JVM is ending; what remains is in the system's temporary folder
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
