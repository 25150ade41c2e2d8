package se.atmp2030.workbook.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.SourceFile;

/**
 * Finds the files of the inputs folder that no collector read, so that none is skipped without a word: an archive the
 * tool cannot open (a RAR, a 7z) is a problem, since the data in it was surely meant to be read; any other file is a
 * warning, printed by {@code validate}, logged by {@code build} and noted on the Sources sheet of the collector whose
 * folder it is in. A spreadsheet saved as .xlsx where a CSV is read gets a hint on how to save it.
 */
final class UnreadFiles {
    /** Files at the top of the inputs folder that are not data. */
    private static final Set<String> TOP_LEVEL = Set.of("report.properties", "readme.md", "readme.txt", "readme",
            se.atmp2030.workbook.collect.AtmpRules.FILE);
    /** What operating systems and spreadsheet programs leave beside files. */
    private static final Set<String> JUNK = Set.of("thumbs.db", "desktop.ini");

    private UnreadFiles() {
    }

    /**
     * Reports the unread files; returns, per collector, the notes for its first dataset.
     *
     * @param display how the user names the inputs folder, e.g. {@code inputs}
     */
    static Map<Collector, List<String>> check(Path inputs, String display, List<Collector> collectors,
                                              List<Dataset> datasets, Set<Collector> incomplete, Problems problems)
            throws IOException {
        Set<String> read = new HashSet<>();
        for (Dataset dataset : datasets) {
            dataset.provenance().files().stream().map(SourceFile::path).forEach(read::add);
        }
        Map<String, Collector> byFolder = new LinkedHashMap<>();
        for (Collector collector : collectors) {
            for (InputSpec spec : collector.inputs()) {
                byFolder.putIfAbsent(folder(spec.glob()), collector);
            }
        }
        Map<Collector, List<String>> notes = new LinkedHashMap<>();
        if (!Files.isDirectory(inputs)) {
            return notes;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(inputs)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path relative = inputs.relativize(file);
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            // fetch's folder (queries, manifest, files still arriving) is fetch's, not a collector's.
            boolean fetchs = relative.getNameCount() > 1
                    && relative.getName(0).toString().equals(se.atmp2030.workbook.fetch.Manifest.FOLDER);
            if (isHidden(relative) || name.startsWith("~$") || JUNK.contains(lower) || fetchs
                    || relative.getNameCount() == 1 && TOP_LEVEL.contains(lower)) {
                continue;
            }
            String shown = display + "/" + relative.toString().replace('\\', '/');
            if (read.contains(shown) || ignored(relative, collectors)) {
                continue;
            }
            Collector owner = relative.getNameCount() > 1 ? byFolder.get(relative.getName(0).toString()) : null;
            if (owner != null && incomplete.contains(owner)) {
                continue;
            }
            String why = owner == null
                    ? "not read: no collector reads " + (relative.getNameCount() > 1
                    ? "the folder " + display + "/" + relative.getName(0) + " (a plugin may be missing; see the collectors command)"
                    : "files at the top of the inputs folder (put it in the folder of its dataset)")
                    : "not read by " + owner.name() + " (it reads " + String.join("; ",
                    owner.inputs().stream().map(InputSpec::format).toList()) + ")" + hint(lower);
            String archive = archive(lower);
            if (archive != null) {
                problems.add(new Problem(shown, 0, null, "is " + archive + ", which the tool cannot open: unpack it into "
                        + "this folder, or download the .zip form of the file instead"));
            } else {
                problems.warn(shown, why);
            }
            if (owner != null) {
                notes.computeIfAbsent(owner, c -> new ArrayList<>()).add(shown + ": " + why);
            }
        }
        return notes;
    }

    /** The folder a glob reads, relative to the inputs: its first path segment. */
    static String folder(String glob) {
        int slash = glob.indexOf('/');
        return slash < 0 ? "" : glob.substring(0, slash);
    }

    private static boolean ignored(Path relative, List<Collector> collectors) {
        String path = relative.toString().replace('\\', '/');
        for (Collector collector : collectors) {
            for (String glob : collector.ignores()) {
                if (java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(path))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String archive(String name) {
        if (name.endsWith(".rar")) {
            return "a RAR archive";
        }
        if (name.endsWith(".7z")) {
            return "a 7-Zip archive";
        }
        if (name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar.bz2")
                || name.endsWith(".tar.xz")) {
            return "a tar archive";
        }
        return null;
    }

    private static String hint(String name) {
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".ods")) {
            return "; to use this sheet, save it from Excel with Save As, CSV UTF-8, into the same folder";
        }
        return "";
    }
}
