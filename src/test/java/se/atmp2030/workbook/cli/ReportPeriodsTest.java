package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.SheetTable;
import se.atmp2030.workbook.TestInputs;

/**
 * The rules on units and periods, on input sets made from the bundled one: data after the report year, a year not over
 * with a fall, a company without a figure, a product assessed for two indications, countries whose source starts
 * later. Every expected number is worked out here from the input files, not by the production code.
 */
class ReportPeriodsTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void rowsAfterTheReportYearAreLeftOutOfEveryFigureAndSaidSo() throws IOException {
        Path inputs = inputs();
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        append(cart, CP1252, "2025;Stockholm;Karolinska Universitetssjukhuset;Kymriah;DLBCL;7",
                "2025;Skåne;Skånes universitetssjukhus;Yescarta;DLBCL;11");
        Map<Integer, Long> perYear = cartPerYear(cart);
        long upTo2024 = perYear.entrySet().stream().filter(e -> e.getKey() <= 2024).mapToLong(Map.Entry::getValue).sum();

        Map<String, SheetTable> book = build(inputs, "KPIs", "Series", "Trends", "Build report");
        SheetTable kpis = book.get("KPIs");
        assertThat(number(kpis, "cart.infusions_total")).isEqualTo(upTo2024);
        assertThat(number(kpis, "cart.infusions_last")).isEqualTo(perYear.get(2024));
        assertThat((Double) kpis.row("key", "cart.change_pct").get("value")).isCloseTo(
                (perYear.get(2024) - perYear.get(2022)) / (double) perYear.get(2022), within(1e-12));
        assertThat(book.get("Series").series("cart_infusions", null)).doesNotContainKey(2025).containsKey(2024);
        assertThat(book.get("Trends").trend("cart_infusions", null).get("last_year")).isEqualTo(2024.0)
                .as("the file has rows of 2025, so it was taken in 2025 and 2024 was over, whatever report.properties "
                        + "says: the trend runs to 2024");
        assertThat(book.get("Build report").where(r -> "data newer than its retrieval date".equals(r.get("what"))))
                .extracting(r -> r.get("where")).containsExactly("cart_infusions");
        assertThat(book.get("Build report").where(r -> "rows after the report year".equals(r.get("what"))
                && "cart_infusions".equals(r.get("where")))).singleElement()
                .satisfies(r -> assertThat((String) r.get("note")).startsWith("2 rows are dated after 2024"));
        assertThat(insights(inputs)).anyMatch(s -> s.endsWith("– " + upTo2024 + " infusions given as standard of care"));
    }

    @Test
    void anotherReportYearCutsEveryFigureAtItsEndAndIsComplete() throws IOException {
        Path inputs = inputs();
        TestInputs.setProperty(inputs, "year", "2023");
        Map<Integer, Long> perYear = cartPerYear(inputs.resolve("cart/cart-infusions.csv"));
        long upTo2023 = perYear.entrySet().stream().filter(e -> e.getKey() <= 2023).mapToLong(Map.Entry::getValue).sum();
        double change = (perYear.get(2023) - perYear.get(2022)) / (double) perYear.get(2022);

        Map<String, SheetTable> book = build(inputs, "KPIs", "Series", "Build report");
        SheetTable kpis = book.get("KPIs");
        assertThat(number(kpis, "cart.infusions_total")).isEqualTo(upTo2023);
        assertThat(number(kpis, "cart.infusions_last")).isEqualTo(perYear.get(2023));
        assertThat((Double) kpis.row("key", "cart.change_pct").get("value")).isCloseTo(change, within(1e-12));
        assertThat(kpis.row("key", "cart.change_pct")).as("2023 was over when the data was taken: no lower bound")
                .doesNotContainKey("note");
        assertThat(book.get("Series").series("cart_infusions", null)).doesNotContainKey(2024);
        assertThat(insights(inputs)).anyMatch(s -> s.startsWith(Math.round(change * 100) + "% increase in CAR T treatments "
                + "from 2022-2023 – " + upTo2023 + " infusions")).noneMatch(s -> s.contains("and counting"));
        assertThat(book.get("Build report").where(r -> "rows after the report year".equals(r.get("what"))))
                .extracting(r -> r.get("where")).contains("cart_infusions", "job_postings", "clinical_trials");
    }

    @Test
    void aFallIntoAYearNotOverIsNoComparisonAndTheSentenceSaysOnlyWhatIsKnown() throws IOException {
        Path inputs = inputs();
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        // Data taken on 30 June, with only the first rows of 2024 in: fewer than in 2022 so far.
        List<String> lines = Files.readAllLines(cart, CP1252);
        List<String> kept = new ArrayList<>(lines.subList(0, 1));
        int kept2024 = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("2024;") && kept2024++ >= 4) {
                continue;
            }
            kept.add(line);
        }
        Files.write(cart, kept, CP1252);
        TestInputs.setProperty(inputs, "retrieved.cart_infusions", "2024-06-30");
        Map<Integer, Long> perYear = cartPerYear(cart);
        assertThat(perYear.get(2024)).as("the set-up: 2024 so far below 2022").isLessThan(perYear.get(2022));

        Map<String, SheetTable> book = build(inputs, "KPIs", "Series", "Trends");
        Map<String, Object> change = book.get("KPIs").row("key", "cart.change_pct");
        assertThat(change).doesNotContainKey("value");
        assertThat((String) change.get("note")).contains("2024 was not complete and shows no rise so far");
        Map<String, Object> last = book.get("KPIs").row("key", "cart.infusions_last");
        assertThat(last.get("value")).isEqualTo((double) perYear.get(2024));
        assertThat((String) last.get("note")).startsWith("lower bound");
        Map<String, Object> point2024 = book.get("Series").series("cart_infusions", null).get(2024);
        assertThat(point2024.get("lower_bound")).isEqualTo(true);
        assertThat(point2024).doesNotContainKeys("yoy_abs", "yoy_pct", "change_since_baseline_abs");
        assertThat((String) point2024.get("note")).contains("2024 was not over when the data was taken (30 June 2024)");
        assertThat(book.get("Trends").trend("cart_infusions", null).get("last_year")).isEqualTo(2023.0);
        long total = perYear.values().stream().mapToLong(Long::longValue).sum();
        assertThat(insights(inputs)).contains(total + " CAR T infusions given as standard of care")
                .noneMatch(s -> s.contains("decrease in CAR T") || s.contains("and counting – " + total));
    }

    @Test
    void aCompanyWithoutAFigureMakesItsYearsTotalALowerBoundNamingIt() throws IOException {
        Path inputs = inputs();
        Path employees = inputs.resolve("companies/employees.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(employees, StandardCharsets.UTF_8));
        String[] header = lines.get(0).replace("\uFEFF", "").split(",");
        int column2021 = List.of(header).indexOf("2021");
        String blanked = null;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (!cells[column2021].isEmpty() && !cells[column2021 - 1].isEmpty() && blanked == null) {
                blanked = cells[1];
                cells[column2021] = "";
                lines.set(i, String.join(",", cells));
            }
        }
        Files.write(employees, lines, StandardCharsets.UTF_8);
        Set<String> smes = TestInputs.smes(inputs);
        Map<Integer, Double> totals = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (smes.contains(cells[0])) {
                for (int c = 2; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        totals.merge(Integer.parseInt(header[c]), Double.parseDouble(cells[c]), Double::sum);
                    }
                }
            }
        }

        Map<String, SheetTable> book = build(inputs, "Series", "Trends", "KPIs");
        Map<Integer, Map<String, Object>> series = book.get("Series").series("employees.sme", null);
        assertThat(series.get(2021).get("value")).isEqualTo(totals.get(2021));
        assertThat(series.get(2021).get("lower_bound")).isEqualTo(true);
        assertThat((String) series.get(2021).get("note")).contains("no figure for " + blanked);
        assertThat(series.get(2022)).as("no change from a lower bound").doesNotContainKey("yoy_abs");
        assertThat(series.get(2021)).as("nor into it, where it shows no rise")
                .satisfies(r -> assertThat(r.containsKey("yoy_abs")).isEqualTo(totals.get(2021) > totals.get(2020)));
        assertThat(series.get(2020).get("lower_bound")).isEqualTo(false);
        assertThat(book.get("Trends").trend("employees.sme", null).get("points"))
                .as("the trend leaves out 2021; the year not over is a provisional level, fitted as it is")
                .isEqualTo((double) totals.size() - 1);
        assertThat(number(book.get("KPIs"), "employees.change_since_baseline_abs"))
                .isEqualTo((long) (totals.get(2024) - totals.get(2018)));
    }

    @Test
    void aProductWithTwoIndicationsCountsOnceUnderItsMostAdvancedStatus() throws IOException {
        Path inputs = inputs();
        Path assessments = inputs.resolve("recommendations/nt-radet-assessments.csv");
        append(assessments, CP1252, "Yescarta;axikabtagenciloleucel;CAR T;Follikulärt lymfom;Under utredning;;NT-rådet",
                "Kymriah;tisagenlecleucel;CAR T;Follikulärt lymfom;Rekommenderas;2023-05-02;NT-rådet",
                "Zynteglo;betibeglogenautotemcel;Genterapi;Beta-talassemi, barn;Under utredning;;NT-rådet");
        // Counted here: each product once, by the best status any of its rows has.
        Map<String, Integer> best = new HashMap<>();
        Map<String, String> type = new HashMap<>();
        List<String> order = List.of("Rekommenderas", "Under utredning", "Rekommenderas ej");
        List<String> lines = Files.readAllLines(assessments, CP1252);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            best.merge(cells[0], order.indexOf(cells[4]), Math::min);
            type.put(cells[0], cells[2]);
        }
        long recommended = best.values().stream().filter(v -> v == 0).count();
        long carT = best.entrySet().stream().filter(e -> e.getValue() == 0 && type.get(e.getKey()).equals("CAR T")).count();
        long assessing = best.values().stream().filter(v -> v == 1).count();
        assertThat(lines.size() - 1).as("the set-up: more rows than products").isGreaterThan(best.size());

        SheetTable kpis = build(inputs, "KPIs").get("KPIs");
        assertThat(number(kpis, "recommendations.recommended")).isEqualTo(recommended);
        assertThat(number(kpis, "recommendations.recommended.car_t")).isEqualTo(carT);
        assertThat(number(kpis, "recommendations.under_assessment")).isEqualTo(assessing);
        assertThat(number(kpis, "recommendations.not_recommended")).isEqualTo(best.values().stream().filter(v -> v == 2).count());
        assertThat(insights(inputs)).anyMatch(s -> s.startsWith(recommended + " recommended ATMPs in Sweden – " + carT
                + " CAR T") && s.contains(assessing + " more under investigation"));
    }

    @Test
    void aCountryIsMissingNotZeroBeforeItsSourceCoversIt() throws IOException {
        Path inputs = inputs();
        // The years the job boards' file has ads for.
        List<String> nordic = Files.readAllLines(inputs.resolve("job-postings/nordic-postings.csv"), StandardCharsets.UTF_8);
        Set<Integer> boardYears = new HashSet<>();
        for (String line : nordic.subList(1, nordic.size())) {
            String[] cells = line.split(",");
            boardYears.add(Integer.parseInt(cells[1].substring(0, 4)));
        }
        int firstBoardYear = boardYears.stream().min(Integer::compare).orElseThrow();

        Map<String, SheetTable> book = build(inputs, "Series", "Trends");
        SheetTable series = book.get("Series");
        Map<Integer, Map<String, Object>> denmark = series.series("job_postings", "Denmark");
        Map<Integer, Map<String, Object>> sweden = series.series("job_postings", "Sweden");
        Map<Integer, Map<String, Object>> total = series.series("job_postings", null);
        int first = total.keySet().iterator().next();
        assertThat(first).as("the set-up: JobTech starts before the job boards").isLessThan(firstBoardYear);
        assertThat(denmark).doesNotContainKey(first).containsKey(firstBoardYear);
        assertThat(sweden).containsKey(first);
        assertThat(total.get(first).get("lower_bound")).isEqualTo(true);
        assertThat((String) total.get(first).get("note")).contains("no source covers Denmark");
        assertThat(total.get(firstBoardYear)).doesNotContainKey("yoy_pct");
        assertThat(book.get("Trends").trend("job_postings", null).get("first_year")).isEqualTo((double) firstBoardYear);
    }

    @Test
    void aDatasetWithoutARetrievalDateIsSaidAndItsLastYearCountsAsComplete() throws IOException {
        Path inputs = inputs();
        TestInputs.setProperty(inputs, "retrieved.cart_infusions", null);
        Map<String, SheetTable> book = build(inputs, "Build report", "Series");
        assertThat(book.get("Build report").where(r -> "no retrieval date".equals(r.get("what")))).singleElement()
                .satisfies(r -> assertThat(r.get("where")).isEqualTo("cart_infusions"));
        assertThat(book.get("Series").series("cart_infusions", null).get(2024).get("lower_bound")).isEqualTo(false);
        assertThat(insights(inputs)).noneMatch(s -> s.contains("CAR T treatments") && s.contains("and counting"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private Path inputs() {
        return TestInputs.copyOfBundled(dir);
    }

    private Map<String, SheetTable> build(Path inputs, String... sheets) throws IOException {
        return TestInputs.buildFresh(inputs, dir.resolve("book.xlsx"), sheets);
    }

    /** The Key insights sentences of the workbook last built from these inputs. */
    private List<String> insights(Path inputs) throws IOException {
        List<String> sentences = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dir.resolve("book.xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Row row : workbook.getSheet("Key insights")) {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && row.getCell(1) != null && row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && row.getRowNum() > 6) {
                    sentences.add(row.getCell(1).getStringCellValue());
                }
            }
        }
        return sentences;
    }

    private static long number(SheetTable kpis, String key) {
        Object value = kpis.row("key", key).get("value");
        assertThat(value).as(key).isInstanceOf(Double.class);
        double v = (Double) value;
        assertThat(v).as(key + " is a whole number").isEqualTo(Math.rint(v));
        return (long) v;
    }

    private static Map<Integer, Long> cartPerYear(Path cart) throws IOException {
        Map<Integer, Long> perYear = new TreeMap<>();
        List<String> lines = Files.readAllLines(cart, CP1252);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";");
            perYear.merge(Integer.parseInt(cells[0]), Long.parseLong(cells[5].strip()), Long::sum);
        }
        return perYear;
    }


    private static void append(Path file, Charset charset, String... lines) throws IOException {
        String text = Files.readString(file, charset);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder more = new StringBuilder(text.endsWith(eol) ? "" : eol);
        for (String line : lines) {
            more.append(line).append(eol);
        }
        Files.write(file, more.toString().getBytes(charset), StandardOpenOption.APPEND);
    }

}
