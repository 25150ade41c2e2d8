package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.TestInputs;

/** The command line on the bundled inputs, and the workbook it writes reopened with POI. */
class EndToEndTest {
    static final List<String> DATASETS = List.of("affiliations_review", "cart_infusions", "classification_review",
            "clinical_trials", "companies", "employees", "eu_funding", "job_postings", "patients_treated", "population",
            "publications", "recommendations");

    @TempDir
    static Path out;
    static Path workbookFile;
    static TestInputs.Run build;
    static List<String> log;

    @BeforeAll
    static void build() {
        workbookFile = out.resolve("report.xlsx");
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("se.atmp2030");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            build = TestInputs.run("build", "--out", workbookFile.toString());
        } finally {
            logger.detachAppender(appender);
        }
        log = appender.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO)
                .map(e -> e.getFormattedMessage()).toList();
    }

    @Test
    void buildSaysWhatItWroteAndExitsZero() {
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out()).isEqualTo("Wrote " + workbookFile + "\n");
        assertThat(log).as("one log line per dataset with records read, rejected and time, one for the analyses and one for the workbook").hasSize(14)
                .anyMatch(l -> l.matches("clinical-trials: 467 records read, 0 rejected, 459 rows in clinical_trials \\(\\d+\\.\\d\\d s\\)"))
                .last().asString().startsWith("workbook: 12 data tables written to " + workbookFile);
    }

    @Test
    void everyDatasetIsAnExcelTableWithOneRowPerRecord() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            Map<String, XSSFTable> tables = new HashMap<>();
            workbook.forEach(sheet -> ((XSSFSheet) sheet).getTables().forEach(t -> tables.put(t.getName(), t)));
            for (String dataset : DATASETS) {
                XSSFTable table = tables.get("tbl_" + dataset);
                assertThat(table).as("tbl_" + dataset).isNotNull();
                assertThat(table.getSheetName()).isEqualTo("data_" + dataset);
                XSSFSheet sheet = table.getXSSFSheet();
                assertThat(table.getStartCellReference().formatAsString()).as(dataset + " starts at A1").isEqualTo("A1");
                assertThat(table.getEndCellReference().getRow()).as(dataset + ": header + one row per record (an empty "
                        + "dataset keeps one blank row: a table needs one)").isEqualTo(Math.max(sheet.getLastRowNum(), 1));
                assertThat(table.getCTTable().getAutoFilter()).as(dataset + " has filter buttons").isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).as(dataset + " header frozen").isTrue();
                assertThat(sheet.getMergedRegions()).as(dataset + " has no merged cells").isEmpty();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    assertThat((Object) sheet.getRow(r)).as(dataset + " row " + (r + 1) + " is not blank").isNotNull();
                }
            }
            assertThat(rows(workbook, "clinical_trials")).isEqualTo(459);
            assertThat(rows(workbook, "companies")).isEqualTo(27);
            assertThat(rows(workbook, "publications")).isEqualTo(4051);
        }
    }

    @Test
    void cellsAreTypedNumbersDatesAndBooleans() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            XSSFSheet trials = workbook.getSheet("data_clinical_trials");
            Map<String, Integer> column = header(trials);
            XSSFRow row = trials.getRow(1);
            XSSFCell start = row.getCell(column.get("start_date"));
            assertThat(start.getCellType()).as("clinical_trials start_date is a number").isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(start)).as("clinical_trials start_date shows as a date").isTrue();
            assertThat(start.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            XSSFCell year = row.getCell(column.get("start_year"));
            assertThat(year.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(year.getCellStyle().getDataFormatString()).as("a year shows as 2024, not 2,024").isEqualTo("0");
            assertThat(row.getCell(column.get("atmp")).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(row.getCell(column.get("atmp")).getCellStyle().getDataFormatString())
                    .as("a boolean reads TRUE or FALSE in LibreOffice too, never 1 or 0").isEqualTo("\"TRUE\";\"TRUE\";\"FALSE\"");
            XSSFSheet kpis = workbook.getSheet("KPIs");
            for (int r = 1; r <= kpis.getLastRowNum(); r++) {
                if (kpis.getRow(r).getCell(0).getStringCellValue().equals("funding.sme_total_eur")) {
                    assertThat(kpis.getRow(r).getCell(2).getCellStyle().getDataFormatString())
                            .as("euros without a second EUR: the unit column says it").isEqualTo("#,##0");
                    assertThat(kpis.getRow(r).getCell(3).getStringCellValue()).isEqualTo("EUR");
                }
            }
            XSSFSheet funding = workbook.getSheet("data_eu_funding");
            XSSFCell ec = funding.getRow(1).getCell(header(funding).get("ec_contribution"));
            assertThat(ec.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(ec.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            XSSFSheet recommendations = workbook.getSheet("data_recommendations");
            XSSFCell decided = recommendations.getRow(1).getCell(header(recommendations).get("decision_date"));
            assertThat(decided.getLocalDateTimeCellValue().toLocalDate()).isBefore(LocalDate.of(2025, 1, 1));
        }
    }

    @Test
    void sourcesSheetGivesEachDatasetsProvenance() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            XSSFSheet sources = workbook.getSheet("Sources");
            Map<String, Integer> column = header(sources);
            Map<String, XSSFRow> byDataset = new HashMap<>();
            for (int r = 1; r <= sources.getLastRowNum(); r++) {
                byDataset.put(sources.getRow(r).getCell(0).getStringCellValue(), sources.getRow(r));
            }
            assertThat(byDataset.keySet()).containsExactlyInAnyOrderElementsOf(DATASETS);
            XSSFRow trials = byDataset.get("clinical_trials");
            assertThat(trials.getCell(column.get("records_read")).getNumericCellValue()).isEqualTo(467);
            assertThat(trials.getCell(column.get("retrieved")).getLocalDateTimeCellValue().toLocalDate())
                    .as("from report.properties").isEqualTo(LocalDate.of(2024, 8, 26));
            assertThat(trials.getCell(column.get("link")).getHyperlink().getAddress()).isEqualTo("https://clinicaltrials.gov/");
            XSSFSheet files = workbook.getSheet("Source files");
            String shaOfCsv = null;
            for (int r = 1; r <= files.getLastRowNum(); r++) {
                if (files.getRow(r).getCell(1).getStringCellValue().equals("inputs/clinical-trials/ctg-studies.csv")) {
                    shaOfCsv = files.getRow(r).getCell(4).getStringCellValue();
                }
            }
            assertThat(shaOfCsv).isEqualTo(sha256(Path.of("inputs/clinical-trials/ctg-studies.csv")));
        }
    }

    @Test
    void validateSummarisesEachDatasetAndWritesNothing(@TempDir Path cwdFree) {
        TestInputs.Run run = TestInputs.run("validate");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Report year 2024, inputs inputs:")
                .containsPattern("clinical_trials\\s+459\\s+467\\s+0\n      inputs/clinical-trials/ctg-studies.csv\n")
                .contains("(8 studies found in more than one file (or twice in one) kept once: the most recently updated "
                        + "copy (Last Update Posted), 8 from inputs/clinical-trials/ctg-studies.csv; 8 classified on "
                        + "another copy with more intervention text (descriptions, other names))")
                .endsWith("No problems found.\n");
    }

    @Test
    void collectorsListsEachCollectorItsFilesAndFormats() {
        TestInputs.Run run = TestInputs.run("collectors");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("clinical-trials (built-in)", "reads clinical-trials/**.csv (optional)",
                "ClinicalTrials.gov CSV download (ctg-studies.csv)", "eu-funding (built-in)", "requires: companies");
        assertThat(run.out().lines().filter(l -> !l.startsWith(" ")).count()).isEqualTo(9);
    }

    @Test
    void aMissingInputsFolderIsOneClearProblem() {
        TestInputs.Run run = TestInputs.run("validate", "--inputs", "no-such-folder");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: 1 problem in the inputs:\n"
                + "  no-such-folder: the inputs folder does not exist (run the command from the project folder, "
                + "or give the folder with --inputs DIR)\n");
    }

    @Test
    void aWrongOptionIsAUsageErrorWithAHint() {
        TestInputs.Run run = TestInputs.run("build", "--year", "twenty");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: Invalid value for option '--year': 'twenty' is not an int\n"
                + "Run with --help to see the commands and options.\n");
    }

    @Test
    void aBrokenBuildWritesNothingAndLeavesTheEarlierWorkbookAsItWas(@TempDir Path inputs) throws IOException {
        BrokenInputsTest.breakInputs(Path.of("src/test/resources/broken/trials-bad-values"), inputs);
        byte[] before = Files.readAllBytes(workbookFile);
        TestInputs.Run run = TestInputs.run("build", "--inputs", inputs.toString(), "--out", workbookFile.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errWith(inputs)).contains("error: 6 problems in the inputs:\n"
                + "  inputs/clinical-trials/ctg-studies.csv:4: column \"Start Date\": \"2023-13\" is not a date "
                + "(expected YYYY-MM or YYYY-MM-DD)\n");
        assertThat(run.err()).as("no stack trace for a user's mistake").doesNotContain("Exception", "\tat ");
        assertThat(Files.readAllBytes(workbookFile)).isEqualTo(before);
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .as("no temporary file left behind").containsExactly("report.xlsx");
        }
    }

    private static XSSFWorkbook open() throws IOException {
        try (InputStream in = Files.newInputStream(workbookFile)) {
            return new XSSFWorkbook(in);
        }
    }

    private static int rows(XSSFWorkbook workbook, String sheet) {
        return workbook.getSheet("data_" + sheet).getLastRowNum();
    }

    static Map<String, Integer> header(XSSFSheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        sheet.getRow(0).forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
        return columns;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
