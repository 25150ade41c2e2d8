package se.atmp2030.workbook.collect.trials;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.Reading;

/**
 * The ClinicalTrials.gov files of the inputs, each a CSV download or a JSON file, including those inside the zips the
 * website hands out ({@code ctg-studies.json.zip}: one {@code NCT….json} per study, in shard folders in the full
 * registry download). Zips stay open until {@link #close()}.
 */
final class StudyFiles implements Closeable {
    static final InputSpec CSV = new InputSpec("clinical-trials/**.csv",
            "ClinicalTrials.gov CSV download (ctg-studies.csv)", false);
    static final InputSpec JSON = new InputSpec("clinical-trials/**.json",
            "ClinicalTrials.gov JSON: an API v2 page {\"studies\":[...]}, the website's array of studies, or one study",
            false);
    static final InputSpec ZIP = new InputSpec("clinical-trials/**.zip",
            "ClinicalTrials.gov JSON download as a zip of one file per study (ctg-studies.json.zip)", false);

    /** One file to read: a file of the inputs folder or an entry of a zip in it. */
    record StudyFile(Path path, String display, boolean json) {
    }

    private final List<StudyFile> files = new ArrayList<>();
    private final List<FileSystem> zips = new ArrayList<>();

    /** Lists the files; records each one read (with its checksum) in {@code reading}. */
    static StudyFiles list(CollectContext context, Reading reading) throws IOException {
        StudyFiles result = new StudyFiles();
        for (Path path : context.files(CSV)) {
            if (path.getFileName().toString().equalsIgnoreCase(Overrides.FILE)) {
                continue; // the analysts' corrections, not a download
            }
            reading.file(context.sourceFile(path, CSV.format()));
            result.files.add(new StudyFile(path, context.display(path), false));
        }
        for (Path path : context.files(JSON)) {
            reading.file(context.sourceFile(path, JSON.format()));
            result.files.add(new StudyFile(path, context.display(path), true));
        }
        for (Path zip : context.files(ZIP)) {
            reading.file(context.sourceFile(zip, ZIP.format()));
            result.entries(zip, context.display(zip), context.problems());
        }
        return result;
    }

    private void entries(Path zip, String display, Problems problems) {
        FileSystem fs;
        try {
            fs = FileSystems.newFileSystem(zip, (ClassLoader) null);
        } catch (IOException | RuntimeException e) {
            problems.add(display, 0, null, "cannot be opened as a zip archive (" + e.getMessage()
                    + "): download it again, or unpack it and keep its .json files here");
            return;
        }
        zips.add(fs);
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(fs.getPath("/"))) {
            entries = walk.filter(Files::isRegularFile).limit(se.atmp2030.workbook.collect.ZipGuard.MAX_ENTRIES + 1L)
                    .sorted().toList();
            se.atmp2030.workbook.collect.ZipGuard.watch(fs, new se.atmp2030.workbook.collect.ZipGuard.Budget(zip, display));
        } catch (IOException e) {
            problems.add(display, 0, null, "cannot be read as a zip archive (" + e.getMessage() + ")");
            return;
        }
        if (entries.size() > se.atmp2030.workbook.collect.ZipGuard.MAX_ENTRIES) {
            problems.add(display, 0, null, "the zip holds more than " + se.atmp2030.workbook.collect.ZipGuard.MAX_ENTRIES
                    + " files (expected one per study, as ClinicalTrials.gov's download has)");
            return;
        }
        int before = files.size();
        for (Path entry : entries) {
            String name = entry.toString().substring(1);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                files.add(new StudyFile(entry, display + "!" + name, true));
            } else if (lower.endsWith(".csv")) {
                files.add(new StudyFile(entry, display + "!" + name, false));
            } else {
                problems.warn(display + "!" + name, "not read (expected the .json or .csv files of a ClinicalTrials.gov "
                        + "download)");
            }
        }
        if (files.size() == before) {
            problems.add(display, 0, null, "the zip holds no .json or .csv file (expected the ClinicalTrials.gov JSON "
                    + "download, one NCT….json per study)");
        }
    }

    List<StudyFile> files() {
        return files;
    }

    @Override
    public void close() throws IOException {
        for (FileSystem fs : zips) {
            fs.close();
        }
    }
}
