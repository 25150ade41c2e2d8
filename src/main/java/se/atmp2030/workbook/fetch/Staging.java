package se.atmp2030.workbook.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a source's files wait until they are all there and checked: {@code inputs/fetch/.<dataset>/}, which no
 * collector reads. Half-fetched files stay there between runs, so that the next fetch resumes them.
 */
final class Staging {
    private Staging() {
    }

    static Path folder(Path inputs, String dataset) throws IOException {
        return Files.createDirectories(inputs.resolve(Query.FOLDER).resolve("." + dataset));
    }

    /** Moves a checked file into the folder its collector reads, replacing the one before. */
    static Path publish(Path staged, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            return Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            return Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes what is left in the staging folder but half-fetched files (and what they are a part of). */
    static void clean(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder) && !p.getFileName().toString().contains(".partial")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The validators of an earlier download, when its file is still the one fetched. */
    static String[] validators(Manifest manifest, Path inputs, String file) throws IOException {
        Manifest.Entry entry = manifest.entry(file).orElse(null);
        return entry == null || !entry.stillIn(inputs) ? new String[] {null, null}
                : new String[] {entry.etag(), entry.lastModified()};
    }
}
