package se.atmp2030.workbook.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source's query, kept where analysts can read and change it: {@code inputs/fetch/<dataset>.txt}, {@code key = value}
 * lines and {@code #} comments. A missing file is written from the tool's own copy first, so that the query used is
 * always the one in the folder.
 */
public record Query(String file, Map<String, String> values) {
    static final String FOLDER = Manifest.FOLDER;

    /** The query of a dataset; written from the jar's default when the inputs have none. */
    static Query of(Path inputs, String dataset) throws IOException, FetchException {
        Path file = inputs.resolve(FOLDER).resolve(dataset + ".txt");
        String display = FOLDER + "/" + dataset + ".txt";
        if (!Files.isRegularFile(file)) {
            try (InputStream in = Query.class.getResourceAsStream(dataset + ".txt")) {
                if (in == null) {
                    throw new IllegalStateException("no default query for " + dataset + " in the jar");
                }
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String text = line.replace("\uFEFF", "").strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new FetchException(dataset, "inputs/" + display + ":" + number + ": \"" + text + "\" is not "
                        + "key = value (expected the query's settings, one per line)");
            }
            values.merge(text.substring(0, eq).strip(), text.substring(eq + 1).strip(), (a, b) -> a + " " + b);
        }
        return new Query(display, values);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    String required(String dataset, String key) throws FetchException {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new FetchException(dataset, "inputs/" + file + " has no " + key + " (expected a line " + key + " = ...)");
        }
        return value;
    }

    /** The query as one line for the manifest and the Sources sheet. */
    String summary() {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(text.length() == 0 ? "" : "; ").append(k).append(" = ").append(v));
        return text.toString();
    }
}
