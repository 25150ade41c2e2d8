package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.SheetTable;
import se.atmp2030.workbook.TestInputs;

/**
 * Zero is zero and missing is missing, over the years a source covers: publications per million with years without
 * a publication, JobTech with years without a file, a gap inside an analyst source's years, a level (employees) that
 * falls in the year in progress, a file with rows after its retrieval day, a count whose last record is years before
 * the report year, an empty series, and members without rows. Every expected value is worked out here from the input
 * files the test writes or reads, not by the production code.
 */
class ZeroAndCoverageTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    /** Publications a year per country, 2019 to 2024; Finland has population data and no publication at all. */
    private static final Map<String, int[]> PUBLISHED = new LinkedHashMap<>();
    private static final Map<String, long[]> POPULATION = new LinkedHashMap<>();
    private static final Map<String, String> CITY = Map.of("Sweden", "Karolinska Institutet, Stockholm, Sweden.",
            "Denmark", "Rigshospitalet, Copenhagen, Denmark.", "Norway", "Oslo University Hospital, Oslo, Norway.",
            "Finland", "University of Helsinki, Helsinki, Finland.");

    static {
        PUBLISHED.put("Sweden", new int[] {4, 0, 6, 3, 0, 2});
        PUBLISHED.put("Denmark", new int[] {1, 2, 0, 0, 1, 0});
        PUBLISHED.put("Norway", new int[] {0, 1, 0, 0, 0, 0});
        PUBLISHED.put("Finland", new int[] {0, 0, 0, 0, 0, 0});
        // 2019 to 2023: Eurostat has no 2024 yet.
        POPULATION.put("SE", new long[] {10230185, 10327589, 10379295, 10452326, 10521556});
        POPULATION.put("DK", new long[] {5806081, 5822763, 5840045, 5873420, 5932654});
        POPULATION.put("NO", new long[] {5328212, 5367580, 5391369, 5425270, 5488984});
        POPULATION.put("FI", new long[] {5517919, 5525292, 5533793, 5548241, 5563970});
    }

    @Test
    void aCountryWithPopulationAndNoPublicationIsZeroInPerMillionRanksAndTrends() throws IOException {
        Path inputs = inputs();
        writePublications(inputs);
        writePopulation(inputs);
        Map<String, SheetTable> book = build(inputs, "Series", "KPIs", "Trends");
        SheetTable series = book.get("Series");
        String[] codes = {"SE", "DK", "NO", "FI"};
        int c = 0;
        for (Map.Entry<String, int[]> country : PUBLISHED.entrySet()) {
            Map<Integer, Map<String, Object>> got = series.series("publications.per_million", country.getKey());
            long[] people = POPULATION.get(codes[c++]);
            for (int y = 2019; y <= 2024; y++) {
                // 2024 has no population yet: the latest, 2023's, is used.
                double expected = country.getValue()[y - 2019] * 1e6 / people[Math.min(y, 2023) - 2019];
                assertThat((Double) got.get(y).get("value")).as(country.getKey() + " " + y).isCloseTo(expected, within(1e-9));
            }
            assertThat(got.get(2024).get("lower_bound")).as("2024 not over on 22 August 2024").isEqualTo(true);
        }
        assertThat((Double) series.series("publications.per_million", "Sweden").get(2023).get("yoy_abs"))
                .as("a fall to zero is shown").isCloseTo(-3 * 1e6 / POPULATION.get("SE")[3], within(1e-9));

        SheetTable kpis = book.get("KPIs");
        assertThat(kpis.row("key", "publications.sweden_per_million"))
                .as("2023, the latest complete year, though Sweden had none then").containsEntry("value", 0.0)
                .containsEntry("period", "2023");
        assertThat(kpis.row("key", "publications.leader_europe")).containsEntry("value", "Denmark");
        assertThat(kpis.row("key", "publications.sweden_rank_europe"))
                .as("Denmark is ahead; Sweden, Norway and Finland share second place at 0").containsEntry("value", 2.0);
        // The slope through 2019..2023 by the textbook formula.
        double[] x = {2019, 2020, 2021, 2022, 2023};
        double[] yv = new double[5];
        for (int i = 0; i < 5; i++) {
            yv[i] = PUBLISHED.get("Sweden")[i] * 1e6 / POPULATION.get("SE")[i];
        }
        assertThat((Double) kpis.row("key", "publications.sweden_trend_slope").get("value")).isCloseTo(slope(x, yv),
                within(1e-12));
        assertThat(book.get("Trends").trend("publications.per_million", "Finland").get("points"))
                .as("Finland's five complete years of zeros").isEqualTo(5.0);
    }

    @Test
    void aYearWithoutAJobTechFileIsMissingForSwedenAndTheTotalALowerBoundNamingIt() throws IOException {
        Path full = dir.resolve("full");
        Path reference = dir.resolve("reference.xlsx");
        TestInputs.copyTree(TestInputs.BUNDLED, full);
        Map<Integer, Double> swedenFull = new TreeMap<>();
        TestInputs.buildFresh(full, reference, "Series").get("Series").series("job_postings", "Sweden")
                .forEach((year, row) -> swedenFull.put(year, (Double) row.get("value")));

        Path inputs = inputs();
        Files.delete(inputs.resolve("job-postings/jobtech/2021.jsonl.zip"));
        // A file of 2018 with no ATMP ad: Sweden is covered that year, with 0 postings.
        Files.writeString(inputs.resolve("job-postings/jobtech/2018.jsonl"), ad("18000001", "Lagerarbetare", "2018-03-01")
                + ad("18000002", "Sjuksköterska till vårdcentral", "2018-09-14"), StandardCharsets.UTF_8);
        Map<String, SheetTable> book = build(inputs, "Series", "KPIs", "Sources");
        SheetTable series = book.get("Series");
        Map<Integer, Map<String, Object>> sweden = series.series("job_postings", "Sweden");
        assertThat(sweden).as("no file for 2021").doesNotContainKey(2021);
        assertThat(sweden.get(2018)).containsEntry("value", 0.0).containsEntry("lower_bound", false);
        for (int y = 2019; y <= 2024; y++) {
            if (y != 2021) {
                assertThat(sweden.get(y).get("value")).as("Sweden " + y).isEqualTo(swedenFull.get(y));
            }
        }
        Map<String, Object> total2021 = series.series("job_postings", null).get(2021);
        assertThat(total2021.get("lower_bound")).isEqualTo(true);
        assertThat((String) total2021.get("note")).contains("no source covers Sweden in 2021");
        SheetTable kpis = book.get("KPIs");
        double swedenSum = 0;
        for (int y = 2020; y <= 2024; y++) {
            swedenSum += y == 2021 ? 0 : swedenFull.get(y);
        }
        assertThat(kpis.row("key", "jobs.postings.sweden")).containsEntry("value", swedenSum);
        assertThat((String) kpis.row("key", "jobs.postings.sweden").get("note"))
                .isEqualTo("a lower bound: no source covers Sweden in 2021");
        assertThat((String) kpis.row("key", "jobs.nordic_total").get("note")).contains("no source covers Sweden in 2021");
        assertThat(book.get("Sources").row("dataset", "job_postings").get("notes").toString())
                .contains("JobTech ads cover Sweden in 2018–2020, 2022–2024");
    }

    @Test
    void aYearWithoutARowInsideAnAnalystSourcesYearsIsZero() throws IOException {
        Path inputs = inputs();
        Path nordic = inputs.resolve("job-postings/nordic-postings.csv");
        List<String> lines = Files.readAllLines(nordic, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        int[] denmark = new int[2030];
        for (String line : lines) {
            String[] cells = line.split(",");
            boolean danish2022 = cells.length > 2 && cells[2].equals("Denmark") && cells[1].startsWith("2022");
            if (!danish2022) {
                kept.add(line);
                if (cells[2].equals("Denmark")) {
                    denmark[Integer.parseInt(cells[1].substring(0, 4))]++;
                }
            }
        }
        assertThat(kept).as("the set-up: Denmark had postings in 2022").hasSizeLessThan(lines.size());
        Files.write(nordic, kept, StandardCharsets.UTF_8);
        Map<Integer, Map<String, Object>> got = build(inputs, "Series").get("Series").series("job_postings", "Denmark");
        assertThat(got.get(2022)).containsEntry("value", 0.0).containsEntry("lower_bound", false);
        assertThat(got.get(2023).get("value")).isEqualTo((double) denmark[2023]);
        assertThat(got.get(2021).get("value")).isEqualTo((double) denmark[2021]);
    }

    @Test
    void aLevelThatFallsInTheYearInProgressIsProvisionalAndComparedAsItIs() throws IOException {
        Path inputs = inputs();
        Path employees = inputs.resolve("companies/employees.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(employees, StandardCharsets.UTF_8));
        // Every company keeps its 2023 figure in 2024, the first four lose four employees each: 16 fewer.
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            int last = cells.length - 1;
            if (!cells[last - 1].isEmpty()) {
                cells[last] = String.valueOf(Long.parseLong(cells[last - 1]) - (i <= 4 ? 4 : 0));
                lines.set(i, String.join(",", cells));
            }
        }
        Files.write(employees, lines, StandardCharsets.UTF_8);
        TestInputs.setProperty(inputs, "from.employees", "2023");
        java.util.Set<String> smes = TestInputs.smes(inputs);
        double[] totals = new double[2];
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (smes.contains(cells[0]) && !cells[cells.length - 2].isEmpty()) {
                totals[0] += Double.parseDouble(cells[cells.length - 2]);
                totals[1] += Double.parseDouble(cells[cells.length - 1]);
            }
        }
        assertThat(totals[1] - totals[0]).as("the set-up, if the first four companies are SMEs").isLessThan(0);

        Map<String, SheetTable> book = build(inputs, "Series", "KPIs");
        Map<String, Object> point = book.get("Series").series("employees.sme", null).get(2024);
        assertThat(point).containsEntry("value", totals[1]).containsEntry("lower_bound", false)
                .containsEntry("yoy_abs", totals[1] - totals[0]);
        assertThat((String) point.get("note")).isEqualTo("2024 as on 30 August 2024, before the year was over: "
                + "provisional, it may still rise or fall");
        Map<String, Object> change = book.get("KPIs").row("key", "employees.change_since_baseline_abs");
        assertThat(change).containsEntry("value", totals[1] - totals[0]);
        assertThat((String) change.get("note")).contains("provisional");
        long fewer = Math.round(totals[0] - totals[1]);
        assertThat(sentences()).anyMatch(s -> s.endsWith("– " + fewer + " fewer employees"));
    }

    @Test
    void aFileWithRowsAfterItsRetrievalDayWasTakenLaterAndSaysSo() throws IOException {
        Path inputs = inputs();
        TestInputs.setProperty(inputs, "year", "2025");
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        appendLines(cart, "2025;Stockholm;Karolinska Universitetssjukhuset;Kymriah;DLBCL;3",
                "2025;Skåne;Skånes universitetssjukhus;Yescarta;DLBCL;2");
        Map<String, SheetTable> book = build(inputs, "Series", "Build report", "KPIs");
        Map<Integer, Map<String, Object>> got = book.get("Series").series("cart_infusions", null);
        assertThat(got.get(2025)).as("the year in progress when the rows of 2025 were written")
                .containsEntry("value", 5.0).containsEntry("lower_bound", true).doesNotContainKey("yoy_pct");
        assertThat(got.get(2024).get("lower_bound")).as("2024 was over: the file has rows of 2025").isEqualTo(false);
        assertThat(book.get("Build report").where(r -> "data newer than its retrieval date".equals(r.get("what"))))
                .singleElement().satisfies(r -> assertThat((String) r.get("note")).isEqualTo("report.properties says the "
                        + "data was taken on 30 August 2024 (retrieved.cart_infusions), but it has rows of 2025: it was "
                        + "taken on 1 January 2025 at the earliest, and that day is used; correct retrieved.cart_infusions to "
                        + "the day the file was downloaded or last brought up to date"));
        assertThat(book.get("KPIs").row("key", "cart.change_pct")).as("no fall is computed into a year not over")
                .doesNotContainKey("value");
    }

    @Test
    void aCountRunsToTheReportYearThoughItsLastRecordIsYearsBefore() throws IOException {
        Path inputs = inputs();
        Path assessments = inputs.resolve("recommendations/nt-radet-assessments.csv");
        List<String> lines = Files.readAllLines(assessments, CP1252);
        List<String> kept = new ArrayList<>(lines.subList(0, 1));
        Map<Integer, Integer> decided = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            if (cells[5].isEmpty() || cells[5].compareTo("2023") < 0) {
                kept.add(line);
                if (!cells[5].isEmpty()) {
                    decided.merge(Integer.parseInt(cells[5].substring(0, 4)), 1, Integer::sum);
                }
            }
        }
        Files.write(assessments, kept, CP1252);
        int first = decided.keySet().iterator().next();
        Map<Integer, Double> perYear = new TreeMap<>();
        build(inputs, "Series").get("Series").where(r -> "recommendations.decided".equals(r.get("series")))
                .forEach(r -> perYear.merge(((Double) r.get("year")).intValue(), (Double) r.get("value"), Double::sum));
        assertThat(perYear.keySet()).as("from the first decision to 2024, not to the last").startsWith(first).endsWith(2024);
        for (int y = first; y <= 2024; y++) {
            // Each member's series adds its own decisions; summed over the members, a year's decisions.
            assertThat(perYear.get(y)).as(String.valueOf(y)).isEqualTo((double) decided.getOrDefault(y, 0));
        }
    }

    @Test
    void anEmptySeriesMarksTheYearInProgressAndMembersWithoutRowsNameOnlyTheOnesWithRows() throws IOException {
        Path inputs = inputs();
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        Files.write(cart, Files.readAllLines(cart, CP1252).subList(0, 1), CP1252);
        Path patients = inputs.resolve("patients/patients-treated.csv");
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(patients, StandardCharsets.UTF_8)) {
            if (!line.startsWith("Luxturna") && !line.startsWith("Libmeldy")) {
                kept.add(line);
            }
        }
        Files.write(patients, kept, StandardCharsets.UTF_8);
        Map<String, SheetTable> book = build(inputs, "Series", "KPIs");
        Map<Integer, Map<String, Object>> empty = book.get("Series").series("cart_infusions", null);
        assertThat(empty.get(2024)).containsEntry("value", 0.0).containsEntry("lower_bound", true)
                .doesNotContainKey("yoy_abs");
        assertThat(empty.get(2023)).containsEntry("value", 0.0).containsEntry("lower_bound", false);
        SheetTable kpis = book.get("KPIs");
        assertThat((String) kpis.row("key", "patients.luxturna").get("note"))
                .isEqualTo("no rows for \"luxturna\" in patients_treated: counted as 0 (members with rows: patients.zolgensma)");
        assertThat((String) kpis.row("key", "patients.libmeldy").get("note"))
                .isEqualTo("no rows for \"libmeldy\" in patients_treated: counted as 0 (members with rows: patients.zolgensma)");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private Path inputs() {
        return TestInputs.copyOfBundled(dir);
    }

    private Map<String, SheetTable> build(Path inputs, String... sheets) throws IOException {
        return TestInputs.buildFresh(inputs, dir.resolve("book.xlsx"), sheets);
    }

    private static void writePublications(Path inputs) throws IOException {
        StringBuilder medline = new StringBuilder();
        int pmid = 90000000;
        for (Map.Entry<String, int[]> country : PUBLISHED.entrySet()) {
            for (int y = 2019; y <= 2024; y++) {
                for (int i = 0; i < country.getValue()[y - 2019]; i++) {
                    medline.append("PMID- ").append(++pmid).append('\n')
                            .append("DP  - ").append(y).append(" Mar\n")
                            .append("TI  - Advanced therapy study ").append(pmid).append(".\n")
                            .append("AD  - ").append(CITY.get(country.getKey())).append('\n')
                            .append("JT  - Journal of Advanced Therapies\n\n");
                }
            }
        }
        try (var files = Files.list(inputs.resolve("publications"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.writeString(inputs.resolve("publications/pubmed-atmp.txt"), medline, StandardCharsets.UTF_8);
    }

    private static void writePopulation(Path inputs) throws IOException {
        StringBuilder tsv = new StringBuilder("freq,unit,age,sex,geo\\TIME_PERIOD\t2019 \t2020 \t2021 \t2022 \t2023 \n");
        POPULATION.forEach((code, people) -> {
            tsv.append("A,NR,TOTAL,T,").append(code);
            for (long p : people) {
                tsv.append('\t').append(p).append(' ');
            }
            tsv.append('\n');
        });
        Files.writeString(inputs.resolve("population/demo_pjan.tsv"), tsv, StandardCharsets.UTF_8);
    }

    private static String ad(String id, String headline, String day) {
        return "{\"id\":\"" + id + "\",\"headline\":\"" + headline + "\",\"publication_date\":\"" + day + "T08:00:00\","
                + "\"description\":{\"text\":\"Vi söker dig.\"},\"employer\":{\"name\":\"Region Uppsala\"},"
                + "\"workplace_address\":{\"municipality\":\"Uppsala\",\"region\":\"Uppsala län\",\"country\":\"Sverige\"}}\n";
    }

    /** The least-squares slope, sum((x - mx)(y - my)) / sum((x - mx)^2). */
    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /** The numbered sentences of the Key insights sheet of the workbook last built. */
    private List<String> sentences() throws IOException {
        List<String> sentences = new ArrayList<>();
        try (var in = Files.newInputStream(dir.resolve("book.xlsx"));
             var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            for (org.apache.poi.ss.usermodel.Row row : workbook.getSheet("Key insights")) {
                var number = row.getCell(0);
                var text = row.getCell(1);
                if (number != null && number.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && text != null
                        && text.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    sentences.add(text.getStringCellValue());
                }
            }
        }
        return sentences;
    }


    private static void appendLines(Path file, String... lines) throws IOException {
        String text = Files.readString(file, CP1252);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder all = new StringBuilder(text.endsWith(eol) ? text : text + eol);
        for (String line : lines) {
            all.append(line).append(eol);
        }
        Files.write(file, all.toString().getBytes(CP1252));
    }

}
