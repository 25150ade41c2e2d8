package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.TestInputs;
import se.atmp2030.workbook.analyze.KpiCatalogueDoc;
import se.atmp2030.workbook.fixtures.InputsGenerator;
import se.atmp2030.workbook.fixtures.Targets;

/** The analyses as a user gets them: built from the command line, read back from the workbook. */
class AnalyticsEndToEndTest {
    /** The eight bullets of the 2024 edition's announcement (shared/seed), word for word. */
    static final List<String> BULLETS_2024 = List.of(
            "25 SME ATMP developers in Sweden – 183% increase in employees since 2018 – 201 new employees",
            "Over 700 Nordic job postings in ATMP between 2020-2024, Denmark with 519, Sweden second at 156",
            "ATMP clinical trials double from 2021 to 2024 and counting – at least 48 currently active",
            "77% increase in CAR T treatments from 2022-2024 and counting – 146 infusions given as standard of care",
            "Swedish SME developers receive over 16 million euros in EU funding",
            "Sweden is leading Europe in ATMP publications per capita and continues to increase",
            "7 recommended ATMPs in Sweden – 4 CAR T and 3 gene therapy. 6 more under investigation by TLV/NT-Rådet",
            "8 patients treated with Luxturna, 9 Zolgensma and 1 Libmeldy");

    @TempDir
    Path dir;

    @Test
    void theBundledInputsGiveThe2024HeadlinesWithThePublishedFigures() throws IOException {
        Path out = dir.resolve("report.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Cover");
            assertThat(workbook.getSheetName(1)).isEqualTo("Key insights");
            assertThat(insights(workbook)).containsExactlyElementsOf(BULLETS_2024);

            Map<String, XSSFRow> kpis = kpiRows(workbook);
            assertThat(workbook.getTable("tbl_kpis")).isNotNull();
            XSSFRow change = kpis.get("employees.change_since_baseline_pct");
            assertThat(change.getCell(2).getNumericCellValue()).isCloseTo(201.0 / 110, within(1e-12));
            assertThat(change.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(change.getCell(4).getStringCellValue()).as("period").isEqualTo("2018–2024");
            assertThat(kpis.get("jobs.top_country").getCell(2).getStringCellValue()).isEqualTo("Denmark");
            assertThat(kpis.get("trials.active").getCell(7).getStringCellValue())
                    .isEqualTo("lower bound: 2024 was not over when the data was taken");
            assertThat(kpis.get("funding.sme_total_eur").getCell(2).getNumericCellValue()).isCloseTo(16_412_385.40, within(0.01));
            assertThat(kpis.get("patients.luxturna").getCell(2).getNumericCellValue()).isEqualTo(8);

            XSSFSheet series = workbook.getSheet("Series");
            Map<String, Integer> column = EndToEndTest.header(series);
            assertThat(column.keySet()).contains("series", "year", "value", "yoy_abs", "yoy_pct", "change_since_baseline_abs",
                    "change_since_baseline_pct");
            XSSFRow employees2024 = find(series, column, "employees.sme", null, 2024);
            assertThat(employees2024.getCell(column.get("value")).getNumericCellValue()).isEqualTo(311);
            assertThat(employees2024.getCell(column.get("change_since_baseline_abs")).getNumericCellValue()).isEqualTo(201);
            XSSFRow cart2024 = find(series, column, "cart_infusions", null, 2024);
            assertThat(cart2024.getCell(column.get("yoy_abs")).getNumericCellValue()).isEqualTo(10);

            XSSFSheet trends = workbook.getSheet("Trends");
            Map<String, Integer> tc = EndToEndTest.header(trends);
            assertThat(tc.keySet()).containsAll(List.of("cagr", "slope", "r2", "p_value", "forecast_year", "forecast",
                    "lower_95", "upper_95", "indicative"));
            for (int r = 1; r <= trends.getLastRowNum(); r++) {
                XSSFRow row = trends.getRow(r);
                for (String stat : List.of("cagr", "slope", "r2", "p_value", "forecast", "lower_95", "upper_95")) {
                    var cell = row.getCell(tc.get(stat));
                    if (cell != null) {
                        assertThat(cell.getCellType()).as("Trends row " + (r + 1) + " " + stat + " is a value, not a formula")
                                .isEqualTo(CellType.NUMERIC);
                        assertThat(Double.isFinite(cell.getNumericCellValue())).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void anotherInputSetGivesOtherSentences(@TempDir Path inputs) throws IOException {
        Targets other = Targets.another();
        InputsGenerator.write(other, 7L, inputs);
        Path out = dir.resolve("other.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--inputs", inputs.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(insights(workbook)).containsExactly(
                    "12 SME ATMP developers in Sweden – 138% increase in employees since 2018 – 55 new employees",
                    "Over 180 Nordic job postings in ATMP between 2020-2024, Sweden first with 90",
                    "ATMP clinical trials triple from 2021 to 2024 and counting – at least 11 currently active",
                    "50% increase in CAR T treatments from 2022-2024 and counting – 37 infusions given as standard of care",
                    "Swedish SME developers receive over 2.5 million euros in EU funding",
                    "Sweden is leading Europe in ATMP publications per capita and continues to increase",
                    "3 recommended ATMPs in Sweden – 2 CAR T and 1 gene therapy. 3 more under investigation by TLV/NT-Rådet",
                    "2 patients treated with Luxturna, 4 Zolgensma and 2 Libmeldy");
        }
    }

    @Test
    void aSentenceNamingAnUnknownKpiStopsTheBuildAndNamesTheNearestKeys(@TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve("key-insights.txt"),
                "# mine\n${kpi.companies.sme_count} developers\nAt least ${kpi.trials.actives} active trials\n",
                StandardCharsets.UTF_8);
        Files.copy(Path.of("workbook-templates/atmp-annual-report.xlsx"), templates.resolve("atmp-annual-report.xlsx"));
        Path out = dir.resolve("never.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--templates", templates.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().replace(templates.toString(), "workbook-templates")).startsWith("error: 1 problem in the inputs:\n"
                + "  workbook-templates/key-insights.txt:3: placeholder ${kpi.trials.actives}: unknown KPI \"trials.actives\" "
                + "(nearest: trials.active, trials.started_last, trials.started_from)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void theKpiCatalogueDocumentIsGeneratedFromTheCode() throws IOException {
        assertThat(Files.readString(Path.of("workbook-templates/KPIS.md"))).as("run: java -jar target/atmp-workbook.jar kpis "
                + "> workbook-templates/KPIS.md").isEqualTo(KpiCatalogueDoc.markdown());
        assertThat(TestInputs.run("kpis").out()).isEqualTo(KpiCatalogueDoc.markdown());
    }

    /** The sentences under the "Key insight" header, wherever the template put it. */
    static List<String> insights(XSSFWorkbook workbook) {
        XSSFSheet sheet = workbook.getSheet("Key insights");
        List<String> texts = new ArrayList<>();
        boolean under = false;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            String text = row == null || row.getCell(1) == null ? "" : row.getCell(1).toString();
            if (under && text.isEmpty()) {
                break;
            }
            if (under) {
                texts.add(text);
            }
            under |= text.equals("Key insight");
        }
        return texts;
    }

    static Map<String, XSSFRow> kpiRows(XSSFWorkbook workbook) {
        XSSFSheet sheet = workbook.getSheet("KPIs");
        Map<String, XSSFRow> rows = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            rows.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
        }
        return rows;
    }

    private static XSSFRow find(XSSFSheet sheet, Map<String, Integer> column, String series, String member, int year) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            var memberCell = row.getCell(column.get("member"));
            if (row.getCell(column.get("series")).getStringCellValue().equals(series)
                    && (member == null ? memberCell == null : member.equals(memberCell.getStringCellValue()))
                    && row.getCell(column.get("year")).getNumericCellValue() == year) {
                return row;
            }
        }
        throw new AssertionError("no row " + series + " " + member + " " + year);
    }
}
