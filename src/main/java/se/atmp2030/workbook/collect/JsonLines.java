package se.atmp2030.workbook.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads JSON records as registries deliver them, one at a time, so that a file of a million ads never sits in memory:
 * JSON Lines (one object per line) or a JSON array of objects, plain, gzipped ({@code .jsonl.gz}) or inside a zip
 * ({@code 2023.jsonl.zip} from JobTech, or its older {@code 2019.zip} holding {@code 2019.json}, an array). A file's
 * form is told from its first character, not its name.
 */
public final class JsonLines {
    private static final ObjectMapper MAPPER = se.atmp2030.workbook.collect.Json.MAPPER;
    private static final JsonFactory FACTORY = se.atmp2030.workbook.collect.Json.FACTORY;

    private JsonLines() {
    }

    /** Calls {@code action} for each object; a line or item that is not a JSON object is reported and skipped. */
    public static void forEach(Path path, String file, Problems problems, Consumer<JsonRecord> action) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            zip(path, file, problems, action);
            return;
        }
        try (InputStream raw = Files.newInputStream(path);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            read(in, file, problems, action);
        } catch (ZipException e) {
            problems.add(file, 0, null, "cannot be read as gzip (" + e.getMessage() + "): download it again");
        }
    }

    private static void zip(Path path, String file, Problems problems, Consumer<JsonRecord> action) throws IOException {
        // ZipFile reads the central directory at the end of the archive: a file cut short is an error, not a short year.
        try (ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > ZipGuard.MAX_ENTRIES) {
                problems.add(file, 0, null, "the zip holds " + zip.size() + " files, more than " + ZipGuard.MAX_ENTRIES
                        + " (expected the ads of one year in one or a few files)");
                return;
            }
            ZipGuard.Budget budget = new ZipGuard.Budget(path, file);
            boolean any = false;
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String entryName = entry.getName().toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || entryName.startsWith("__macosx/")) {
                    continue;
                }
                if (entryName.endsWith(".jsonl") || entryName.endsWith(".json")) {
                    any = true;
                    try (InputStream in = ZipGuard.guard(zip.getInputStream(entry), budget)) {
                        read(in, file + "!" + entry.getName(), problems, action);
                    }
                } else if (entryName.matches(".*\\.(zip|gz|7z|rar|tar|tgz|bz2|xz)$")) {
                    // Ads inside an archive inside the zip would be a year with fewer ads, unseen.
                    problems.add(file + "!" + entry.getName(), 0, null, "an archive inside the zip is not read (expected "
                            + ".jsonl or .json files): unpack it and zip its files, or keep them beside the zip");
                } else {
                    problems.warn(file + "!" + entry.getName(), "not read (expected .jsonl or .json files in the zip)");
                }
            }
            if (!any) {
                problems.add(file, 0, null, "the zip holds no .jsonl or .json file (expected the ads of one year)");
            }
        } catch (ZipException e) {
            problems.add(file, 0, null, "cannot be opened as a zip archive (" + e.getMessage()
                    + "): download it again");
        }
    }

    /** Reads a stream as JSON Lines, or as a JSON array when its first character is {@code [}. */
    private static void read(InputStream raw, String file, Problems problems, Consumer<JsonRecord> action)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(8);
        int first = firstCharacter(in);
        in.reset();
        if (first == '[') {
            array(in, file, problems, action);
        } else {
            lines(in, file, problems, action);
        }
    }

    private static int firstCharacter(InputStream in) throws IOException {
        int c;
        int read = 0;
        while ((c = in.read()) >= 0 && read++ < 7) {
            if (c != 0xEF && c != 0xBB && c != 0xBF && !Character.isWhitespace(c)) {
                return c;
            }
        }
        return -1;
    }

    private static void array(InputStream in, String file, Problems problems, Consumer<JsonRecord> action)
            throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.nextToken();
            forEachObject(parser, file, problems, "an item of the array is not a JSON object (expected one object per ad)",
                    (node, line) -> action.accept(new JsonRecord(node, problems, file, line)));
        } catch (JsonProcessingException e) {
            problems.add(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "the file is not valid JSON (" + se.atmp2030.workbook.collect.Json.message(e) + ")");
        }
    }

    private static void lines(InputStream in, String file, Problems problems, Consumer<JsonRecord> action)
            throws IOException {
        BoundedLines reader = new BoundedLines(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.next()) != null) {
            long number = reader.number();
            if (reader.tooLong()) {
                problems.add(file, number, null, "the line is longer than " + BoundedLines.MAX_LINE / (1024 * 1024)
                        + " MB and was not read (expected one ad per line, a few kilobytes each): the file is damaged or "
                        + "not JSON Lines");
                continue;
            }
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(file, number, null, "the line is not valid JSON (" + Json.message(e) + ")");
                continue;
            }
            if (!node.isObject()) {
                problems.add(file, number, null, "the line is not a JSON object (expected one object per line)");
                continue;
            }
            action.accept(new JsonRecord(node, problems, file, number));
        }
    }

    /** What to do with one object of an array, and the line it starts on. */
    @FunctionalInterface
    public interface ObjectAction {
        void accept(JsonNode object, long line);
    }

    /**
     * Reads the items of the array the parser stands at the start of, one at a time, up to its end; an item that is
     * not an object is reported with {@code notObject} and skipped.
     *
     * @return the number of items that were not objects
     */
    public static int forEachObject(JsonParser parser, String file, Problems problems, String notObject,
                                    ObjectAction action) throws IOException {
        int skipped = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            long line = parser.currentTokenLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            if (token != JsonToken.START_OBJECT) {
                problems.add(file, line, null, notObject);
                skipped++;
                continue;
            }
            action.accept(node, line);
        }
        return skipped;
    }

    /** The file forms {@link #forEach} reads, for messages. */
    public static final List<String> FORMS = List.of(".jsonl", ".jsonl.gz", ".jsonl.zip", ".zip", ".json");
}
