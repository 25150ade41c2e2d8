package se.atmp2030.workbook.fill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFPivotTable;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.OoxmlSchemas;
import se.atmp2030.workbook.TestInputs;

/** The workbook built from the bundled inputs and the committed template, read back part by part. */
class ReportWorkbookTest {
    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void build() {
        file = dir.resolve("report.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--out", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void everyPartValidatesAgainstTheOoxmlSchemas() throws Exception {
        OoxmlSchemas.Result result = OoxmlSchemas.validate(file);
        assertThat(result.errors()).isEmpty();
        assertThat(result.validated()).as("workbook, sheets, tables, charts, drawings, pivots, styles").isGreaterThan(40);
    }

    @Test
    void chartsArePointedAtTheFilledTablesWithTheirPointsCached() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            XSSFSheet jobs = workbook.getSheet("Employment and jobs");
            XSSFChart chart = jobs.getDrawingPatriarch().getCharts().get(0);
            XDDFChartData data = chart.getChartSeries().get(0);
            assertThat(data.getSeriesCount()).as("one series per Nordic country").isEqualTo(4);
            int header = findRow(jobs, "Year");
            int lastYear = header + 6;
            assertThat(data.getSeries(0).getCategoryData().getDataRangeReference())
                    .isEqualTo("'Employment and jobs'!$A$" + (header + 2) + ":$A$" + (lastYear + 1));
            assertThat(data.getSeries(0).getValuesData().getPointCount()).isEqualTo(6);
            assertThat(chart.getCTChartSpace().xmlText()).contains("<c:v>519</c:v>".replace("519", "135.0"));
            int charts = 0;
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                var drawing = workbook.getSheetAt(s).getDrawingPatriarch();
                charts += drawing == null ? 0 : drawing.getCharts().size();
            }
            assertThat(charts).as("line, clustered, stacked (2), doughnut, bar, column").isEqualTo(7);
        }
    }

    @Test
    void pivotsCarryTheirCacheRecordsAndCellsAndRefreshOnOpen() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            List<XSSFPivotTable> pivots = workbook.getPivotTables();
            assertThat(pivots).hasSize(3);
            XSSFPivotTable trials = pivots.get(0);
            var cache = trials.getPivotCacheDefinition().getCTPivotCacheDefinition();
            assertThat(cache.getRefreshOnLoad()).isTrue();
            assertThat(cache.getCacheSource().getWorksheetSource().getSheet()).isEqualTo("data_clinical_trials");
            assertThat(cache.getRecordCount()).isEqualTo(459);
            assertThat(trials.getPivotCacheRecords() == null ? recordsOf(trials) : trials.getPivotCacheRecords()
                    .getCtPivotCacheRecords().sizeOfRArray()).isEqualTo(459);
            XSSFSheet sheet = workbook.getSheet("Pivots");
            String ref = trials.getCTPivotTableDefinition().getLocation().getRef();
            var area = new org.apache.poi.ss.util.AreaReference(ref, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
            var grand = sheet.getRow(area.getLastCell().getRow()).getCell(area.getLastCell().getCol());
            assertThat(grand.getNumericCellValue()).as("the grand total is in the cells, for viewers that do not refresh")
                    .isEqualTo(459);
        }
    }

    @Test
    void theFundingPivotHoldsTheRegistersDevelopersOnlySoItsTotalIsTheKpi() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            XSSFPivotTable funding = workbook.getPivotTables().get(2);
            var def = funding.getCTPivotTableDefinition();
            XSSFSheet data = workbook.getSheet("data_eu_funding");
            java.util.Map<String, Integer> column = new java.util.HashMap<>();
            data.getRow(0).forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
            // The developers' total, added up here from the data sheet.
            double developers = 0;
            double everyone = 0;
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                var row = data.getRow(r);
                double amount = row.getCell(column.get("ec_contribution")).getNumericCellValue();
                everyone += amount;
                if (row.getCell(column.get("atmp_developer")).getBooleanCellValue()) {
                    developers += amount;
                }
            }
            assertThat(everyone).as("the set-up: participants that are no developers").isGreaterThan(developers);
            assertThat(def.getPageFields().getPageFieldArray(0).getFld()).isEqualTo(column.get("atmp_developer"));
            var area = new org.apache.poi.ss.util.AreaReference(def.getLocation().getRef(),
                    org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
            XSSFSheet sheet = workbook.getSheet("Pivots");
            double grand = sheet.getRow(area.getLastCell().getRow()).getCell(area.getLastCell().getCol()).getNumericCellValue();
            assertThat(grand).isCloseTo(developers, org.assertj.core.data.Offset.offset(0.005));
            var kpis = sheet.getWorkbook().getSheet("KPIs");
            double kpi = 0;
            for (var row : kpis) {
                if ("funding.atmp_developers_total_eur".equals(row.getCell(0).getStringCellValue())) {
                    kpi = row.getCell(2).getNumericCellValue();
                }
            }
            assertThat(grand).as("the pivot's total is the KPI's").isCloseTo(kpi, org.assertj.core.data.Offset.offset(0.005));
            assertThat(sheet.getRow(area.getFirstCell().getRow() - 2).getCell(0).getStringCellValue())
                    .as("the filter stands above the pivot, as Excel shows a report filter").isEqualTo("atmp_developer");
        }
    }

    @Test
    void handedOutReady() throws IOException {
        try (XSSFWorkbook workbook = open()) {
            assertThat(workbook.getName("kpi_trials_active").getRefersToFormula()).startsWith("KPIs!$C$");
            var ref = new org.apache.poi.ss.util.CellReference(workbook.getName("kpi_trials_active").getRefersToFormula());
            assertThat(workbook.getSheet("KPIs").getRow(ref.getRow()).getCell(ref.getCol()).getNumericCellValue()).isEqualTo(48);
            assertThat(workbook.getProperties().getCoreProperties().getTitle()).isEqualTo("Swedish ATMP Annual Report 2024");
            assertThat(workbook.getProperties().getExtendedProperties().getCompany()).isEqualTo("ATMP2030");
            assertThat(workbook.getPackage().getPartsByContentType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml")).as("no external links").isEmpty();
            assertThat(workbook.getNumCellStyles()).as("styles reused, far below Excel's 64,000").isLessThan(200);
            int lastVisible = 0;
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                if (workbook.getSheetVisibility(s) != org.apache.poi.ss.usermodel.SheetVisibility.VISIBLE) {
                    assertThat(sheet.getSheetName()).as("only the build's own record is hidden").isEqualTo("_build");
                    continue;
                }
                lastVisible = s;
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName() + " fits the page width").isTrue();
                assertThat(sheet.getFooter().getRight()).as(sheet.getSheetName() + " numbers its pages").isEqualTo("Page &P of &N");
            }
            assertThat(workbook.getSheetName(0)).isEqualTo("Cover");
            assertThat(workbook.getSheetName(lastVisible)).isEqualTo("Notes");
            assertThat(workbook.getSheetIndex("KPIs")).isGreaterThan(workbook.getSheetIndex("Pivots"));
            assertThat(workbook.getSheet("Cover").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Swedish ATMP Annual Report 2024");
        }
    }

    private static int recordsOf(XSSFPivotTable pivot) {
        for (var part : pivot.getPivotCacheDefinition().getRelations()) {
            if (part instanceof org.apache.poi.xssf.usermodel.XSSFPivotCacheRecords records) {
                return records.getCtPivotCacheRecords().sizeOfRArray();
            }
        }
        return -1;
    }

    private static int findRow(XSSFSheet sheet, String text) {
        for (var row : sheet) {
            if (row.getCell(0) != null && text.equals(row.getCell(0).toString())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no " + text + " in " + sheet.getSheetName());
    }

    private static XSSFWorkbook open() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }
}
