package se.atmp2030.workbook.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.atmp2030.workbook.collect.InvalidValueException;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.ReportSettings;
import se.atmp2030.workbook.collect.Values;

/**
 * Reads {@code inputs/report.properties}: {@code key = value} lines, {@code #} comments. Known keys: {@code year},
 * {@code title}, {@code retrieved.<dataset>} (the day that dataset's files were downloaded, YYYY-MM-DD) and
 * {@code from.<topic>} (the year a topic's headline changes count from). Read by
 * hand rather than with {@link java.util.Properties} so that a mistake names its line.
 */
public final class SettingsReader {
    static final String FILE = "report.properties";

    /** The settings; {@code sources}: the {@code source.<dataset>} addresses that replace a registry's own. */
    public record Settings(ReportSettings report, String title, Map<String, java.net.URI> sources) {
        Settings(ReportSettings report, String title) {
            this(report, title, Map.of());
        }
    }

    private SettingsReader() {
    }

    /** A registry's address for fetch: http or https, nothing else. */
    private static java.net.URI address(String value) throws InvalidValueException {
        try {
            java.net.URI uri = new java.net.URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // below
        }
        throw new InvalidValueException(value, "is not a web address", "https://..., the registry's address or a "
                + "mirror's");
    }

    /**
     * @param yearOverride {@code --year}, or {@code null} to take the file's
     */
    public static Settings read(Path inputs, String inputsDisplay, Integer yearOverride, Problems problems) throws IOException {
        Path path = inputs.resolve(FILE);
        String file = inputsDisplay + "/" + FILE;
        Map<String, LocalDate> retrieved = new HashMap<>();
        Map<String, Integer> from = new HashMap<>();
        Map<String, java.net.URI> sources = new HashMap<>();
        Integer year = null;
        boolean yearSeen = false;
        String title = null;
        List<String> lines = Files.exists(path) ? se.atmp2030.workbook.collect.TextLines.read(path, file, problems) : List.of();
        if (lines == null) {
            lines = List.of();
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\uFEFF", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(file, i + 1, null, "\"" + line + "\" is not a setting (expected key = value)");
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            try {
                if (key.equals("year")) {
                    year = Values.year(value);
                } else if (key.equals("title")) {
                    title = value;
                } else if (key.startsWith("retrieved.")) {
                    retrieved.put(key.substring("retrieved.".length()), Values.retrievalDate(value));
                } else if (key.startsWith("from.")) {
                    from.put(key.substring("from.".length()), Values.year(value));
                } else if (key.startsWith("source.")) {
                    sources.put(key.substring("source.".length()), address(value));
                } else {
                    problems.add(file, i + 1, null, "unknown setting \"" + key
                            + "\" (expected year, title, retrieved.<dataset>, from.<topic> or source.<dataset>)");
                }
            } catch (InvalidValueException e) {
                problems.add(new Problem(file, i + 1, "setting \"" + key + "\"", e.getMessage()));
                yearSeen |= key.equals("year");
            }
        }
        if (yearOverride != null) {
            year = yearOverride;
        }
        if (year == null && !yearSeen) {
            problems.add(file, 0, null, "the report year is not set (add the line year = 2024, or give --year 2024)");
        }
        if (year == null) {
            year = 0;
        }
        if (title == null) {
            title = "Swedish ATMP Annual Report " + year;
        }
        return new Settings(new ReportSettings(year, retrieved, from), title, Map.copyOf(sources));
    }
}
