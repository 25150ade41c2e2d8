package se.atmp2030.workbook.collect.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Countries;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.InvalidValueException;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.Values;

/**
 * Population on 1 January per country and year from Eurostat's {@code demo_pjan} TSV (plain or {@code .tsv.gz} as
 * downloaded), for per-million figures. The first column packs the dimensions ({@code A,NR,TOTAL,T,SE}); values may
 * carry a flag ({@code 10551707 p}); {@code :} is missing. Only the total over ages and sexes, in persons, is kept, and
 * only countries: aggregates such as {@code EU27_2020} are left out.
 */
final class PopulationCollector implements Collector {
    static final InputSpec FILES = new InputSpec("population/*.{tsv,tsv.gz}",
            "Eurostat demo_pjan TSV (population on 1 January)", true);
    private static final Map<String, String> WANTED = Map.of("unit", "NR", "age", "TOTAL", "sex", "T", "freq", "A");
    /** The dimensions of demo_pjan besides freq, which older bulk files leave out. */
    private static final List<String> DIMENSIONS = List.of("unit", "age", "sex", "geo");

    @Override
    public String name() {
        return "population";
    }

    @Override
    public String description() {
        return "Population per country and year (Eurostat demo_pjan)";
    }

    @Override
    public List<String> datasets() {
        return List.of("population");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(FILES);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Table.Builder table = Table.builder("population")
                .column("country_code", ColumnType.TEXT, "Eurostat geo code (EU style: EL Greece, UK United Kingdom)")
                .column("country", ColumnType.TEXT, "Country")
                .column("year", ColumnType.INTEGER, "Year (population on 1 January)")
                .column("population", ColumnType.INTEGER, "Persons")
                .column("flag", ColumnType.TEXT, "Eurostat flag: p provisional, e estimated, b break in series");
        Reading reading = new Reading();
        Left left = new Left();
        for (Path path : context.files(FILES)) {
            reading.file(context.sourceFile(path, FILES.format()));
            read(path, context.display(path), context.problems(), reading, table, left);
        }
        if (left.otherBreakdowns > 0) {
            reading.note(left.otherBreakdowns + " rows of other breakdowns (by age, by sex, other units) left out: only "
                    + "the total population is used");
        }
        if (!left.aggregates.isEmpty()) {
            reading.note("rows of groups of countries or parts of one left out: " + String.join(", ", left.aggregates));
        }
        if (!left.unknown.isEmpty()) {
            String codes = String.join(", ", left.unknown);
            context.problems().warn(context.display("population"), "geo codes that are not countries the tool knows were "
                    + "left out: " + codes);
        }
        return List.of(new Dataset(table.build(), "Population (Eurostat)",
                reading.provenance("Eurostat, Population on 1 January (demo_pjan)",
                        "https://ec.europa.eu/eurostat/databrowser/view/demo_pjan/default/table",
                        context.settings().retrieved("population"))));
    }

    /** What was left out, for the notes: other breakdowns, aggregates (EU27_2020, EA20) and codes not known. */
    private static final class Left {
        long otherBreakdowns;
        final java.util.SortedSet<String> aggregates = new java.util.TreeSet<>();
        final java.util.SortedSet<String> unknown = new java.util.TreeSet<>();
    }

    private static void read(Path path, String file, Problems problems, Reading reading, Table.Builder table, Left left)
            throws IOException {
        try (InputStream raw = Files.newInputStream(path);
             InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                problems.add(file, 0, null, "the file is empty (expected the Eurostat TSV header freq,unit,age,sex,geo\\TIME_PERIOD)");
                return;
            }
            String[] headerCells = header.replace("\uFEFF", "").split("\t", -1);
            List<String> dims = dimensions(headerCells[0]);
            if (dims == null) {
                problems.add(file, 1, null, "is not a Eurostat TSV: its first column is \"" + shorten(headerCells[0])
                        + "\" (expected freq,unit,age,sex,geo\\TIME_PERIOD: download demo_pjan as TSV)");
                return;
            }
            List<String> missing = DIMENSIONS.stream().filter(d -> !dims.contains(d)).toList();
            if (!missing.isEmpty()) {
                problems.add(file, 1, null, "is not the population dataset demo_pjan: its dimensions are "
                        + String.join(", ", dims) + ", without " + String.join(", ", missing)
                        + " (expected freq, unit, age, sex, geo: download demo_pjan, Population on 1 January, as TSV)");
                return;
            }
            int geo = dims.indexOf("geo");
            List<Integer> years = new ArrayList<>();
            for (int i = 1; i < headerCells.length; i++) {
                // Column names, not records: Eurostat's latest year may lie beyond the report's.
                String cell = headerCells[i].strip();
                if (!cell.matches("(19|20)\\d\\d")) {
                    problems.add(file, 1, null, "header column " + (i + 1) + ": \"" + Problem.shorten(cell)
                            + "\" is not a year (expected a year such as 2024)");
                    return;
                }
                years.add(Integer.parseInt(cell));
            }
            String line;
            long number = 1;
            long totals = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                String[] keys = cells[0].split(",", -1);
                if (keys.length != dims.size()) {
                    problems.add(file, number, headerCells[0], "\"" + cells[0] + "\" has " + keys.length
                            + " parts (expected " + dims.size() + ": " + String.join(",", dims) + ")");
                    reading.record(false);
                    continue;
                }
                if (!wanted(dims, keys)) {
                    left.otherBreakdowns++;
                    continue;
                }
                totals++;
                String code = keys[geo].strip();
                var country = code.length() == 2 ? Countries.byCode(code) : java.util.Optional.<Countries.Country>empty();
                if (country.isEmpty()) {
                    (Countries.isAggregate(code) ? left.aggregates : left.unknown).add(code);
                    continue;
                }
                boolean ok = true;
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < years.size() && i + 1 < cells.length; i++) {
                    String cell = cells[i + 1].strip();
                    if (cell.isEmpty() || cell.startsWith(":")) {
                        continue;
                    }
                    String[] valueAndFlag = cell.split("\\s+", 2);
                    try {
                        long persons = persons(valueAndFlag[0]);
                        rows.add(new Object[] {code, country.get().name(), (long) years.get(i), persons,
                                valueAndFlag.length > 1 ? valueAndFlag[1] : null});
                    } catch (InvalidValueException e) {
                        problems.add(file, number, String.valueOf(years.get(i)), e.getMessage());
                        ok = false;
                    }
                }
                reading.record(ok);
                if (ok) {
                    rows.forEach(table::add);
                }
            }
            if (totals == 0 && number > 1) {
                problems.add(file, 0, null, "has no row of the total population (unit NR, age TOTAL, sex T) "
                        + "(expected demo_pjan with all ages and both sexes; download the full dataset as TSV)");
            }
        }
    }

    /**
     * A head count as Eurostat writes it: {@code 10551707}, or in the data browser's own custom extracts with a zero
     * fraction, {@code 76875.0}, which is the same whole number. Any other fraction is no head count.
     */
    static long persons(String raw) throws InvalidValueException {
        int point = raw.indexOf('.');
        if (point > 0 && raw.substring(point + 1).matches("0+")) {
            return Values.nonNegativeInteger(raw.substring(0, point));
        }
        if (point > 0 && raw.substring(point + 1).matches("\\d+")) {
            throw new InvalidValueException(raw, "is not a whole number of persons",
                    "a whole head count such as 76875, or 76875.0 as Eurostat sometimes writes it");
        }
        return Values.nonNegativeInteger(raw);
    }

    /** The dimensions packed in the first column, {@code freq,unit,age,sex,geo\TIME_PERIOD} (older files: {@code geo\time}). */
    private static List<String> dimensions(String first) {
        int slash = first.indexOf('\\');
        if (slash < 0) {
            return null;
        }
        List<String> dims = new ArrayList<>();
        for (String d : first.substring(0, slash).split(",")) {
            dims.add(d.strip());
        }
        return dims;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static boolean wanted(List<String> dims, String[] keys) {
        for (int i = 0; i < dims.size(); i++) {
            String want = WANTED.get(dims.get(i));
            if (want != null && !want.equals(keys[i])) {
                return false;
            }
        }
        return true;
    }
}
