package se.atmp2030.workbook.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads JSON Lines (one JSON object per line) as registries deliver them, plain or inside a zip
 * ({@code 2023.jsonl.zip} from JobTech), one line at a time, so that a file of a million ads never sits in memory.
 */
public final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {
    }

    /** Calls {@code action} for each object; a line that is not JSON is reported and skipped. */
    public static void forEach(Path path, String file, Problems problems, Consumer<JsonRecord> action) throws IOException {
        try (InputStream raw = Files.newInputStream(path)) {
            if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(raw)) {
                    ZipEntry entry;
                    while ((entry = zip.getNextEntry()) != null) {
                        if (!entry.isDirectory() && entry.getName().endsWith(".jsonl")) {
                            read(zip, file + "!" + entry.getName(), problems, action);
                        }
                    }
                }
            } else {
                read(raw, file, problems, action);
            }
        }
    }

    private static void read(InputStream in, String file, Problems problems, Consumer<JsonRecord> action) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
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
                problems.add(file, number, null, "the line is not valid JSON (" + e.getOriginalMessage() + ")");
                continue;
            }
            if (!node.isObject()) {
                problems.add(file, number, null, "the line is not a JSON object (expected one object per line)");
                continue;
            }
            action.accept(new JsonRecord(node, problems, file, number));
        }
    }
}
