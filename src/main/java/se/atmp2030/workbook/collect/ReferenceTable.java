package se.atmp2030.workbook.collect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A list the tool ships as data beside a class (countries, regions, ATMP products): tab-separated, UTF-8, lines
 * starting with {@code #} are comments, the first other line is the header. Read once, when its class is loaded.
 */
public final class ReferenceTable {
    private ReferenceTable() {
    }

    /** The rows after the header, each cut at its tabs (empty cells kept). */
    public static List<String[]> rows(Class<?> owner, String resource) {
        InputStream found = owner.getResourceAsStream(resource);
        if (found == null) {
            throw new IllegalStateException("the list " + resource + " is missing from the jar");
        }
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = found;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the list " + resource + " does not read", e);
        }
        return rows;
    }
}
