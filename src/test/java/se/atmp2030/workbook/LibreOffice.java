package se.atmp2030.workbook;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes the edits an analyst makes, in LibreOffice itself: a headless LibreOffice driven through UNO
 * ({@code src/test/resources/libreoffice/edit.py}, run by Debian's Python with python3-uno) opens a workbook, applies
 * the operations, and saves it as .xlsx with Calc's own filter or reads values back. Edits made through POI only prove
 * POI's assumptions; these are LibreOffice's.
 *
 * <pre>{@code
 * LibreOffice.Values values = LibreOffice.edit(book, edited, new LibreOffice.Ops()
 *         .addSheet("My analysis").formula("My analysis", "B1", "=kpi_trials_active*2"));
 * }</pre>
 *
 * Formulas are given as a LibreOffice user types them (Calc syntax: {@code $KPIs.C2}, names and table references as in
 * Excel). CI installs LibreOffice and python3-uno ({@code .ci/run}); on a machine without them the tests that need them
 * are skipped, except under CI, where they fail.
 */
public final class LibreOffice {
    private static final Path SCRIPT = Path.of("src/test/resources/libreoffice/edit.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LibreOffice() {
    }

    /** The operations to apply, in order. */
    public static final class Ops {
        private final List<Map<String, Object>> list = new ArrayList<>();

        private Ops op(String kind, Object... keysAndValues) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("op", kind);
            for (int i = 0; i < keysAndValues.length; i += 2) {
                op.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
            list.add(op);
            return this;
        }

        public Ops text(String sheet, String cell, String text) {
            return op("set", "sheet", sheet, "cell", cell, "text", text);
        }

        public Ops number(String sheet, String cell, double number) {
            return op("set", "sheet", sheet, "cell", cell, "number", number);
        }

        public Ops formula(String sheet, String cell, String formula) {
            return op("set", "sheet", sheet, "cell", cell, "formula", formula);
        }

        /** Writes into the cell a defined name refers to (the commentary cells, {@code edit_...}). */
        public Ops named(String name, String text) {
            return op("set", "name", name, "text", text);
        }

        public Ops addSheet(String name) {
            return op("addSheet", "name", name);
        }

        /** Styles a range: any of bold (Boolean), font (String), size (Number), fill and colour (RRGGBB), format. */
        public Ops style(String sheet, String range, Map<String, Object> style) {
            Map<String, Object> op = new LinkedHashMap<>(style);
            op.put("op", "style");
            op.put("sheet", sheet);
            op.put("range", range);
            list.add(op);
            return this;
        }

        /** Column width in hundredths of a millimetre, as LibreOffice counts. */
        public Ops columnWidth(String sheet, String column, int width) {
            return op("columnWidth", "sheet", sheet, "column", column, "width", width);
        }

        /** Inserts rows before a 0-based row. */
        public Ops insertRows(String sheet, int row, int count) {
            return op("insertRows", "sheet", sheet, "row", row, "count", count);
        }

        public Ops chartTitle(String sheet, int chart, String title) {
            return op("chartTitle", "sheet", sheet, "index", chart, "title", title);
        }

        /** Renames a series by hand: a name typed in, no longer the header cell. */
        public Ops seriesName(String sheet, int chart, int series, String name) {
            return op("seriesName", "sheet", sheet, "index", chart, "series", series, "name", name);
        }

        /** Moves and resizes a chart; positions and sizes in hundredths of a millimetre. */
        public Ops moveChart(String sheet, int chart, int x, int y, int width, int height) {
            return op("moveChart", "sheet", sheet, "index", chart, "x", x, "y", y, "width", width, "height", height);
        }

        /**
         * Gives a table a totals row, as Calc does it: the range grown by a row marked as totals, a label in its first
         * column, and {@code SUBTOTAL(code;F2:F118)} under each column named in {@code functions}.
         */
        public Ops totalsRow(String table, String label, Map<String, Integer> functions) {
            return op("totalsRow", "table", table, "label", label, "functions", functions);
        }

        public Ops recalculate() {
            return op("recalculate");
        }

        /** Reads a cell back (after {@link #recalculate()}, its value as LibreOffice computes it). */
        public Ops get(String sheet, String cell) {
            return op("get", "sheet", sheet, "cell", cell, "key", sheet + "!" + cell);
        }
    }

    /** A cell as LibreOffice reads it: value, text shown, formula, error code (0 for none). */
    public record Value(double value, String string, String formula, int error) {
    }

    /** Whether LibreOffice and its Python bridge are here; under CI their absence is a failure. */
    public static void require() {
        boolean soffice = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "soffice")));
        boolean uno = false;
        if (Files.isExecutable(PYTHON)) {
            try {
                Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import uno").redirectErrorStream(true).start();
                uno = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                uno = false;
            }
        }
        if (!soffice || !uno) {
            if (System.getenv("CI") != null) {
                fail("LibreOffice or python3-uno is missing: .ci/run must install libreoffice-calc-nogui and python3-uno");
            }
            Assumptions.abort("LibreOffice with python3-uno is not installed (apt-get install -y libreoffice-calc-nogui "
                    + "python3-uno)");
        }
    }

    /** Opens {@code open} in LibreOffice, applies the operations and saves as {@code save} (or not, if null). */
    public static Map<String, Value> edit(Path open, Path save, Ops ops) throws IOException, InterruptedException {
        require();
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("open", open.toAbsolutePath().toString());
        job.put("save", save == null ? null : save.toAbsolutePath().toString());
        job.put("ops", ops.list);
        Path jobFile = Files.createTempFile("atmp-lo-job", ".json");
        Path output = Files.createTempFile("atmp-lo-out", ".txt");
        try {
            JSON.writeValue(jobFile.toFile(), job);
            Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toAbsolutePath().toString(), jobFile.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("LibreOffice did not finish in 5 minutes: " + Files.readString(output));
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail("LibreOffice failed (" + process.exitValue() + "): " + printed);
            }
            String last = printed.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}");
            Map<String, Value> values = new LinkedHashMap<>();
            JsonNode read = JSON.readTree(last).path("values");
            read.fields().forEachRemaining(e -> values.put(e.getKey(), new Value(e.getValue().path("value").asDouble(),
                    e.getValue().path("string").asText(), e.getValue().path("formula").asText(),
                    e.getValue().path("error").asInt())));
            return values;
        } finally {
            Files.deleteIfExists(jobFile);
            Files.deleteIfExists(output);
        }
    }

    /** Converts a workbook to PDF in LibreOffice and returns the PDF's text (pdftotext -layout), spaces folded. */
    public static String pdfText(Path book, Path dir) throws IOException, InterruptedException {
        require();
        Path profile = Files.createTempDirectory(dir, "profile");
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), book.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        if (!soffice.waitFor(240, TimeUnit.SECONDS)) {
            soffice.destroyForcibly();
            fail("LibreOffice did not convert " + book + " in time");
        }
        String name = book.getFileName().toString().replaceFirst("\\.xlsx$", "");
        Path pdf = dir.resolve(name + ".pdf");
        Path text = dir.resolve(name + ".txt");
        Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), text.toString()).redirectErrorStream(true)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || !Files.exists(text)) {
            fail("pdftotext did not read " + pdf);
        }
        return Files.readString(text).replaceAll("[ \\t]+", " ");
    }
}
