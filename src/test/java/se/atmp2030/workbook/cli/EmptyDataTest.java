package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.TestInputs;

/**
 * Empty is a valid answer: inputs with no Swedish ATMP trial, no CORDIS participant matched to the register, no
 * publication with a country, a product with no rows, and a population that ends before the publications all build,
 * with zeros where a count is zero, missing values with a note where a measure is missing, and sentences that read well
 * or are left out with a notice. {@code validate} and {@code build} agree on each.
 */
class EmptyDataTest {
    @TempDir
    Path dir;

    @Test
    void noAtmpTrialWithASwedishSite() throws IOException {
        Path inputs = copy("no-swedish-trial");
        Path csv = inputs.resolve("clinical-trials/ctg-studies.csv");
        Files.writeString(csv, Files.readString(csv).replace("Sweden", "Norway"));
        Files.delete(inputs.resolve("clinical-trials/ctg-studies-page1.json"));
        try (XSSFWorkbook book = buildAgreeingWithValidate(inputs)) {
            Map<String, Row> kpis = rowsByFirstColumn(book.getSheet("KPIs"));
            assertThat(number(kpis.get("trials.swedish_atmp_total"), 2)).isZero();
            assertThat(number(kpis.get("trials.started_last"), 2)).isZero();
            assertThat(kpis.get("trials.started_ratio").getCell(2)).as("a ratio to zero is empty, not Infinity")
                    .satisfiesAnyOf(c -> assertThat(c).isNull(), c -> assertThat(c.getCellType()).isEqualTo(CellType.BLANK));
            // from.trials = 2021 in report.properties, report year 2024: a count of 0 for each of those years.
            assertThat(seriesValues(book, "trials.swedish_atmp_started", null))
                    .isEqualTo(Map.of(2021, 0.0, 2022, 0.0, 2023, 0.0, 2024, 0.0));
            assertThat(insights(book)).contains("No ATMP trials with a Swedish site started so far in 2024 – no trials currently active");
            XSSFSheet section = book.getSheet("Clinical trials");
            assertThat(rowTexts(section)).as("the table by phase has no phase: it shows its total")
                    .anyMatch(r -> r.equals(List.of("Year", "Total")));
        }
    }

    @Test
    void noCordisParticipantMatchesTheRegister() throws IOException {
        Path inputs = copy("no-cordis-match");
        try (Stream<Path> zips = Files.list(inputs.resolve("eu-funding"))) {
            for (Path zip : zips.toList()) {
                unmatchSwedishParticipants(zip);
            }
        }
        try (XSSFWorkbook book = buildAgreeingWithValidate(inputs)) {
            Map<String, Row> kpis = rowsByFirstColumn(book.getSheet("KPIs"));
            assertThat(number(kpis.get("funding.sme_total_eur"), 2)).isZero();
            assertThat(number(kpis.get("funding.sme_companies"), 2)).isZero();
            // No from.eu_funding in report.properties: the five years up to the report year.
            assertThat(seriesValues(book, "eu_funding.atmp_developers", null))
                    .isEqualTo(Map.of(2020, 0.0, 2021, 0.0, 2022, 0.0, 2023, 0.0, 2024, 0.0));
            assertThat(insights(book)).contains("No EU funding recorded for Swedish SME developers");
        }
    }

    @Test
    void noPublicationWithACountryLeavesItsSentenceOutAndSaysSo() throws IOException {
        Path inputs = copy("no-publications");
        Path medline = inputs.resolve("publications/pubmed-atmp.txt");
        List<String> kept = new ArrayList<>();
        boolean inAffiliation = false;
        for (String line : Files.readAllLines(medline, StandardCharsets.UTF_8)) {
            inAffiliation = line.startsWith("AD  -") || inAffiliation && line.startsWith("      ");
            if (!inAffiliation) {
                kept.add(line);
            }
        }
        Files.write(medline, kept, StandardCharsets.UTF_8);
        try (XSSFWorkbook book = buildAgreeingWithValidate(inputs)) {
            assertThat(book.getSheet("data_publications").getLastRowNum()).as("only the header").isZero();
            Map<String, Row> kpis = rowsByFirstColumn(book.getSheet("KPIs"));
            assertThat(kpis.get("publications.sweden_per_million").getCell(7).getStringCellValue())
                    .startsWith("no data for it");
            assertThat(insights(book)).hasSize(7).noneMatch(s -> s.contains("publications"));
            List<List<String>> report = rowTexts(book.getSheet("Build report"));
            int line = lineOf("publications.sweden_rank_europe");
            assertThat(report).anyMatch(r -> r.get(0).equals("sentence left out")
                    && r.get(1).endsWith("key-insights.txt:" + line)
                    && r.get(3).startsWith("no value for publications.sweden_rank_europe, publications.leader_europe, "
                            + "publications.sweden_trend_slope"));
            assertThat(rowTexts(book.getSheet("Publications"))).as("the latest-year table says there is nothing")
                    .anyMatch(r -> r.size() > 0 && r.get(0).equals("No data"));
        }
    }

    @Test
    void aProductWithNoRowsCountsZeroPatients() throws IOException {
        Path inputs = copy("no-luxturna");
        Path csv = inputs.resolve("patients/patients-treated.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Map<String, Integer> patients = new HashMap<>();
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("Luxturna,")) {
                kept.add(line);
                String[] cells = line.split(",");
                if (!cells[0].equals("Product")) {
                    patients.merge(cells[0], Integer.parseInt(cells[cells.length - 1].strip()), Integer::sum);
                }
            }
        }
        Files.write(csv, kept, StandardCharsets.UTF_8);
        try (XSSFWorkbook book = buildAgreeingWithValidate(inputs)) {
            Map<String, Row> kpis = rowsByFirstColumn(book.getSheet("KPIs"));
            assertThat(number(kpis.get("patients.luxturna"), 2)).isZero();
            assertThat(kpis.get("patients.luxturna").getCell(7).getStringCellValue())
                    .startsWith("no rows for \"luxturna\" in patients_treated: counted as 0");
            assertThat(insights(book)).contains("No patients treated with Luxturna, " + patients.get("Zolgensma")
                    + " Zolgensma and " + patients.get("Libmeldy") + " Libmeldy");
            assertThat(rowTexts(book.getSheet("Build report"))).anyMatch(r -> r.get(0).equals("KPI taken as 0")
                    && r.get(1).equals("kpi.patients.luxturna"));
        }
    }

    @Test
    void aPopulationThatEndsBeforeThePublicationsUsesItsLatestYearAndSaysSo() throws IOException {
        Path inputs = copy("population-lag");
        Path tsv = inputs.resolve("population/demo_pjan.tsv");
        List<String> cut = new ArrayList<>();
        Map<String, Double> swedenPopulation2022 = new HashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t");
            // The header runs 2014 ... 2024: keep up to 2022, as if Eurostat had not published 2023 and 2024 yet.
            cut.add(String.join("\t", java.util.Arrays.copyOf(cells, cells.length - 2)));
            if (cells[0].equals("A,NR,TOTAL,T,SE")) {
                swedenPopulation2022.put("SE", Double.parseDouble(cells[cells.length - 3].strip().split(" ")[0]));
            }
        }
        Files.write(tsv, cut, StandardCharsets.UTF_8);
        try (XSSFWorkbook book = buildAgreeingWithValidate(inputs)) {
            long swedish2024 = countRows(book.getSheet("data_publications"), "Sweden", 2024);
            Map<String, String> notes = new HashMap<>();
            Map<Integer, Double> perMillion = seriesValues(book, "publications.per_million", "Sweden", notes);
            assertThat(perMillion.get(2024)).isCloseTo(swedish2024 * 1e6 / swedenPopulation2022.get("SE"), within(1e-9));
            assertThat(notes.get("2024")).isEqualTo("population of 2022 used: Eurostat has none for 2024 yet; "
                    + "2024 was not over when the data was taken (22 August 2024): a lower bound");
            assertThat(rowsByFirstColumn(book.getSheet("Sources")).get("population").getCell(10).getStringCellValue())
                    .contains("the population data has no 2024 yet: per-million figures for 2024 use each country's "
                            + "latest population (2022)");
        }
    }

    @Test
    void wholeDatasetsEmptyBuildAWorkbookThatValidatesAgainstTheSchemas() throws Exception {
        Path inputs = copy("empty-datasets");
        Path nordic = inputs.resolve("job-postings/nordic-postings.csv");
        Files.writeString(nordic, Files.readAllLines(nordic, StandardCharsets.UTF_8).get(0) + "\n");
        try (Stream<Path> zips = Files.list(inputs.resolve("job-postings/jobtech"))) {
            for (Path zip : zips.toList()) {
                Files.delete(zip);
            }
        }
        Files.writeString(inputs.resolve("job-postings/jobtech/2024.jsonl"), "{\"id\":\"1\",\"headline\":\"Lagerarbetare\","
                + "\"publication_date\":\"2024-01-02T08:00:00\",\"description\":{\"text\":\"Truckkort krävs.\"}}\n");
        try (Stream<Path> zips = Files.list(inputs.resolve("eu-funding"))) {
            for (Path zip : zips.toList()) {
                unmatchSwedishParticipants(zip);
            }
        }
        try (XSSFWorkbook book = buildAgreeingWithValidate(inputs)) {
            assertThat(book.getSheet("data_job_postings").getLastRowNum()).isZero();
            assertThat(insights(book)).contains("No Nordic job postings in ATMP between 2020-2024");
            assertThat(number(rowsByFirstColumn(book.getSheet("KPIs")).get("jobs.postings.sweden"), 2)).isZero();
        }
        se.atmp2030.workbook.OoxmlSchemas.Result schemas = se.atmp2030.workbook.OoxmlSchemas.validate(
                dir.resolve("empty-datasets.xlsx"));
        assertThat(schemas.errors()).as("empty pivots, tables and charts are still valid OOXML").isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private Path copy(String name) {
        Path inputs = dir.resolve(name);
        TestInputs.copyTree(TestInputs.BUNDLED, inputs);
        return inputs;
    }

    /** Validates, builds, checks that both say yes, and opens the workbook. */
    private XSSFWorkbook buildAgreeingWithValidate(Path inputs) throws IOException {
        TestInputs.Run validate = TestInputs.run("validate", "--inputs", inputs.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("No problems found");
        Path out = dir.resolve(inputs.getFileName() + ".xlsx");
        TestInputs.Run build = TestInputs.run("build", "--inputs", inputs.toString(), "--out", out.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        return new XSSFWorkbook(Files.newInputStream(out));
    }

    private static int lineOf(String kpi) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("workbook-templates/key-insights.txt"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#") && lines.get(i).contains(kpi)) {
                return i + 1;
            }
        }
        throw new AssertionError(kpi + " is in no sentence");
    }

    /** Each CORDIS participant in Sweden made a university that no register company matches. */
    private static void unmatchSwedishParticipants(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                entries.put(e.getName(), bytes.toByteArray());
            }
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(';').setQuoteMode(QuoteMode.ALL).get();
        StringWriter out = new StringWriter();
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(entries.get("organization.csv"),
                StandardCharsets.UTF_8)), format); CSVPrinter printer = new CSVPrinter(out, format)) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.toList());
                if (header == null) {
                    header = values;
                } else if (values.get(header.indexOf("country")).equals("SE")) {
                    values.set(header.indexOf("vatNumber"), "");
                    values.set(header.indexOf("name"), "KAROLINSKA INSTITUTET");
                }
                printer.printRecord(values);
            }
        }
        entries.put("organization.csv", out.toString().getBytes(StandardCharsets.UTF_8));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    private static List<String> insights(XSSFWorkbook book) {
        return AnalyticsEndToEndTest.insights(book);
    }

    /** The Series sheet's values of one series (a total when member is null), by year. */
    private static Map<Integer, Double> seriesValues(XSSFWorkbook book, String key, String member) {
        return seriesValues(book, key, member, new HashMap<>());
    }

    private static Map<Integer, Double> seriesValues(XSSFWorkbook book, String key, String member,
                                                     Map<String, String> notes) {
        XSSFSheet sheet = book.getSheet("Series");
        Map<String, Integer> column = header(sheet);
        Map<Integer, Double> values = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String rowMember = text(row.getCell(column.get("member")));
            if (text(row.getCell(column.get("series"))).equals(key)
                    && (member == null ? rowMember.isEmpty() : member.equals(rowMember))) {
                int year = (int) row.getCell(column.get("year")).getNumericCellValue();
                Cell value = row.getCell(column.get("value"));
                values.put(year, value == null || value.getCellType() == CellType.BLANK ? null : value.getNumericCellValue());
                notes.put(String.valueOf(year), text(row.getCell(column.get("note"))));
            }
        }
        return values;
    }

    private static long countRows(XSSFSheet sheet, String country, int year) {
        Map<String, Integer> column = header(sheet);
        long n = 0;
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (text(row.getCell(column.get("country"))).equals(country)
                    && row.getCell(column.get("year")).getNumericCellValue() == year) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, Integer> header(XSSFSheet sheet) {
        Map<String, Integer> column = new HashMap<>();
        for (Cell cell : sheet.getRow(0)) {
            column.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return column;
    }

    private static Map<String, Row> rowsByFirstColumn(XSSFSheet sheet) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : sheet) {
            rows.put(text(row.getCell(0)), row);
        }
        return rows;
    }

    private static double number(Row row, int column) {
        return row.getCell(column).getNumericCellValue();
    }

    static List<List<String>> rowTexts(XSSFSheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> texts = new ArrayList<>();
            for (int c = row.getFirstCellNum(); c >= 0 && c < row.getLastCellNum(); c++) {
                texts.add(text(row.getCell(c)));
            }
            while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
                texts.remove(texts.size() - 1);
            }
            if (!texts.isEmpty()) {
                rows.add(texts);
            }
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())
                    ? String.valueOf((long) cell.getNumericCellValue()) : String.valueOf(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case FORMULA -> cell.getCellFormula();
            default -> "";
        };
    }
}
