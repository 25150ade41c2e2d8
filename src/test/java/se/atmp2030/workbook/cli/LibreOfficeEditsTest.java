package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.ChartChecks;
import se.atmp2030.workbook.LibreOffice;
import se.atmp2030.workbook.OoxmlSchemas;
import se.atmp2030.workbook.TestInputs;

/**
 * Edits and restyling made in LibreOffice itself, driven through UNO, survive the rebuild: the template saved by
 * LibreOffice (unchanged, then restyled) builds every chart intact, the analysts' own formulas on names and tables
 * compute the new values, fonts and column widths hold over several save-and-rebuild cycles.
 */
class LibreOfficeEditsTest {
    @TempDir
    Path dir;

    @Test
    void theTemplateSavedUnchangedByLibreOfficeBuildsEveryChartIntact() throws Exception {
        Path templates = templatesSavedBy(new LibreOffice.Ops());
        Path book = build(templates, "report.xlsx");
        try (XSSFWorkbook workbook = open(book)) {
            List<ChartChecks.SeriesSeen> series = ChartChecks.referencesAndCaches(workbook);
            assertThat(series).as("every series of the seven charts, one per member for the wide tables").hasSizeGreaterThan(15);
            XSSFCell header = workbook.getSheet("Employment and jobs").getRow(5).getCell(1);
            assertThat(header.getStringCellValue()).isEqualTo("Denmark");
            assertThat(((XSSFCellStyle) header.getCellStyle()).getFillForegroundXSSFColor().getARGBHex())
                    .as("the header's fill is an RGB colour, not an index into LibreOffice's palette").isEqualTo("FF99CCFF");
            String pdfText = LibreOffice.pdfText(book, dir);
            ChartChecks.drawn(dir.resolve("report.pdf"), pdfText, series, dir);
        }
        assertThat(OoxmlSchemas.validate(book).errors()).isEmpty();
    }

    @Test
    void aTemplateRestyledInLibreOfficeKeepsItsStylingAndItsChartsFollowTheData() throws Exception {
        Path templates = templatesSavedBy(new LibreOffice.Ops()
                .style("Companies", "A2", Map.of("font", "Georgia", "size", 12))
                .style("Employment and jobs", "A6:E6", Map.of("fill", "FFCC00", "bold", true))
                .insertRows("Companies", 2, 2)
                .moveChart("Clinical trials", 0, 16000, 2500, 14000, 9000)
                .text("EU funding", "A2", "EU funding to our SMEs: ${kpi.funding.sme_total_eur:#,##0} euros.")
                .addSheet("Method")
                .text("Method", "A1", "How we counted")
                .formula("Cover", "A30", "=\"Report: \"&\"${report.title}\"&\" (\"&\"${kpi.trials.active}\"&\" active trials)\""));
        Path book = build(templates, "restyled.xlsx");
        try (XSSFWorkbook workbook = open(book)) {
            ChartChecks.referencesAndCaches(workbook);
            XSSFSheet jobs = workbook.getSheet("Employment and jobs");
            XSSFCellStyle header = (XSSFCellStyle) jobs.getRow(5).getCell(2).getCellStyle();
            assertThat(header.getFillForegroundXSSFColor().getARGBHex()).as("the anchor row's fill, the analyst's")
                    .isEqualTo("FFFFCC00");
            assertThat(header.getFont().getBold()).isTrue();
            XSSFSheet companies = workbook.getSheet("Companies");
            assertThat(companies.getRow(3).getCell(0).getCellStyle().getFontIndex()).satisfies(i ->
                    assertThat(workbook.getFontAt(i).getFontName()).isEqualTo("Georgia"));
            assertThat(companies.getRow(7).getCell(0).getStringCellValue()).as("the table moved down with the rows "
                    + "inserted above its anchor").isEqualTo("Year");
            XSSFClientAnchor moved = (XSSFClientAnchor) workbook.getSheet("Clinical trials").getDrawingPatriarch()
                    .getShapes().stream().filter(shape -> shape instanceof org.apache.poi.xssf.usermodel.XSSFGraphicFrame)
                    .findFirst().orElseThrow().getAnchor();
            assertThat(moved.getRow1()).as("the chart stays where the analyst moved it").isBetween(0, 2);
            assertThat(workbook.getSheet("EU funding").getRow(1).getCell(0).getStringCellValue())
                    .matches("EU funding to our SMEs: [\\d,]+ euros\\.");
            assertThat(workbook.getSheet("Method").getRow(0).getCell(0).getStringCellValue()).isEqualTo("How we counted");
            XSSFCell formula = workbook.getSheet("Cover").getRow(29).getCell(0);
            assertThat(formula.getCellFormula()).as("the placeholders inside the formula have their values")
                    .isEqualTo("\"Report: \"&\"Swedish ATMP Annual Report 2024\"&\" (\"&\"48\"&\" active trials)\"");
            assertThat(formula.getStringCellValue()).as("its result is cached anew, not the template's ${...}")
                    .isEqualTo("Report: Swedish ATMP Annual Report 2024 (48 active trials)");
        }
        assertThat(OoxmlSchemas.validate(book).errors()).isEmpty();
    }

    @Test
    void editsMadeInLibreOfficeWithFormulasOnNamesAndTablesGetTheNewValues() throws Exception {
        Path inputs = bundledInputsBuiltAs("book.xlsx");
        Path book = dir.resolve("book.xlsx");
        Path edited = dir.resolve("edited.xlsx");
        LibreOffice.edit(book, edited, new LibreOffice.Ops()
                .named("edit_clinical_trials_commentary", "Trials: ask the regions about the summer dip")
                .text("Notes", "A5", "Webinar on 25 October")
                .chartTitle("Employment and jobs", 0, "Job ads in the Nordics")
                .seriesName("Employment and jobs", 0, 0, "DK")
                .number("Key insights", "A3", 26)
                .addSheet("My analysis")
                .text("My analysis", "A1", "Twice the active trials")
                .formula("My analysis", "B1", "=kpi_trials_active*2")
                .text("My analysis", "A2", "All CAR T infusions")
                .formula("My analysis", "B2", "=SUM(tbl_cart_infusions[infusions])")
                .text("My analysis", "A3", "Companies, plus one")
                .formula("My analysis", "B3", "=$KPIs.C2+1")
                .formula("My analysis", "B4", "=B2/B1")
                .style("My analysis", "A1:A3", Map.of("bold", true, "fill", "FFF2CC"))
                .formula("Notes", "A12", "=kpi_companies_sme_count"));
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        Files.write(cart, "2024;Skåne;Skånes universitetssjukhus;Kymriah;DLBCL;5\r\n".getBytes(
                java.nio.charset.Charset.forName("windows-1252")), java.nio.file.StandardOpenOption.APPEND);
        Path rebuilt = rebuiltFrom(edited, inputs);

        long infusions = sumLastColumn(cart);
        try (XSSFWorkbook workbook = open(rebuilt)) {
            assertThat(text(workbook, "edit_clinical_trials_commentary")).isEqualTo("Trials: ask the regions about the summer dip");
            assertThat(workbook.getSheet("Notes").getRow(4).getCell(0).getStringCellValue()).isEqualTo("Webinar on 25 October");
            XSSFChart jobs = workbook.getSheet("Employment and jobs").getDrawingPatriarch().getCharts().get(0);
            assertThat(jobs.getTitleText().getString()).isEqualTo("Job ads in the Nordics");
            assertThat(ChartChecks.seriesNames(jobs).get(0)).as("the series renamed in LibreOffice")
                    .isEqualTo("DK");
            XSSFSheet mine = workbook.getSheet("My analysis");
            assertThat(mine.getRow(0).getCell(1).getCellFormula()).isEqualTo("kpi_trials_active*2");
            assertThat(mine.getRow(1).getCell(1).getCellFormula()).isEqualTo("SUM(tbl_cart_infusions[infusions])");
            assertThat(mine.getRow(1).getCell(1).getNumericCellValue()).as("cached: the new total, for viewers that "
                    + "do not recalculate").isEqualTo(infusions);
            assertThat(mine.getRow(0).getCell(1).getNumericCellValue()).isEqualTo(2 * activeSwedishAtmpTrials(workbook));
            assertThat(mine.getRow(3).getCell(1).getNumericCellValue())
                    .isCloseTo((double) infusions / (2 * activeSwedishAtmpTrials(workbook)), within(1e-9));
            XSSFCellStyle bold = (XSSFCellStyle) mine.getRow(0).getCell(0).getCellStyle();
            assertThat(bold.getFont().getBold()).isTrue();
            assertThat(bold.getFillForegroundXSSFColor().getARGBHex()).isEqualTo("FFFFF2CC");
            assertThat(workbook.getSheet("Notes").getRow(11).getCell(0).getNumericCellValue()).isEqualTo(25);
            assertThat(workbook.getCTWorkbook().getCalcPr().getFullCalcOnLoad()).as("Excel recalculates on load").isTrue();
            List<String> report = EmptyDataTest.rowTexts(workbook.getSheet("Build report")).stream()
                    .map(r -> String.join(" | ", r)).toList();
            assertThat(report).anyMatch(r -> r.startsWith("overwritten | 'Key insights'!A3 | 26 | the build had written 25"));
        }
        Map<String, LibreOffice.Value> computed = LibreOffice.edit(rebuilt, null, new LibreOffice.Ops()
                .recalculate().get("My analysis", "B1").get("My analysis", "B2").get("My analysis", "B3"));
        assertThat(computed.get("My analysis!B2").value()).as("LibreOffice computes the same").isEqualTo(infusions);
        assertThat(computed.get("My analysis!B2").error()).isZero();
        assertThat(computed.get("My analysis!B3").value()).isEqualTo(28);
    }

    @Test
    void aTotalsRowGivenInLibreOfficeIsKeptOverTheNewRowsAndFormulasOnItGetTheNewTotal() throws Exception {
        Path inputs = bundledInputsBuiltAs("book.xlsx");
        Path book = dir.resolve("book.xlsx");
        Path edited = dir.resolve("edited.xlsx");
        LibreOffice.edit(book, edited, new LibreOffice.Ops()
                .totalsRow("tbl_cart_infusions", "Total", Map.of("infusions", 109, "centre", 103))
                .totalsRow("tbl_job_postings", "All", Map.of("year", 102))
                .addSheet("Mine")
                .formula("Mine", "A1", "=tbl_cart_infusions[[#Totals];[infusions]]")
                .formula("Mine", "A2", "=tbl_cart_infusions[[#Totals];[centre]]*2")
                .formula("Mine", "A3", "=SUM(tbl_kpis[[#Totals];[value]])"));
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        Files.write(cart, ("2024;Skåne;Skånes universitetssjukhus;Kymriah;DLBCL;5\r\n"
                + "2024;Skåne;Skånes universitetssjukhus;Yescarta;DLBCL;3\r\n").getBytes(
                java.nio.charset.Charset.forName("windows-1252")), java.nio.file.StandardOpenOption.APPEND);
        Path rebuilt = rebuiltFrom(edited, inputs);

        long infusions = sumLastColumn(cart);
        long rows = Files.readAllLines(cart, java.nio.charset.Charset.forName("windows-1252")).stream().skip(1)
                .filter(l -> !l.isBlank()).count();
        try (XSSFWorkbook workbook = open(rebuilt)) {
            XSSFSheet data = workbook.getSheet("data_cart_infusions");
            org.apache.poi.xssf.usermodel.XSSFTable table = data.getTables().get(0);
            assertThat(table.getCTTable().getTotalsRowCount()).isEqualTo(1);
            assertThat(table.getEndRowIndex()).as("header, the new rows, the totals row").isEqualTo(rows + 1);
            assertThat(table.getCTTable().getAutoFilter().getRef()).as("no filter button on the totals")
                    .isEqualTo("A1:F" + (rows + 1));
            Row totals = data.getRow((int) rows + 1);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(totals.getCell(5).getCellFormula()).as("over the whole column, not the old B2:B118")
                    .isEqualTo("SUBTOTAL(109,tbl_cart_infusions[infusions])");
            assertThat(totals.getCell(5).getNumericCellValue()).isEqualTo(infusions);
            assertThat(totals.getCell(2).getNumericCellValue()).as("COUNTA of the centres").isEqualTo(rows);
            XSSFSheet mine = workbook.getSheet("Mine");
            assertThat(mine.getRow(0).getCell(0).getNumericCellValue()).as("cached for viewers").isEqualTo(infusions);
            assertThat(mine.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(2 * rows);
            List<String> report = EmptyDataTest.rowTexts(workbook.getSheet("Build report")).stream()
                    .map(r -> String.join(" | ", r)).toList();
            assertThat(report).anyMatch(r -> r.startsWith("formula | Mine!A3 |") && r.contains("a totals row in table tbl_kpis"));
            assertThat(report).noneMatch(r -> r.contains("Mine!A1") || r.contains("Mine!A2"));
            XSSFSheet postings = workbook.getSheet("data_job_postings");
            int postingsEnd = postings.getTables().get(0).getEndRowIndex();
            assertThat(postings.getRow(postingsEnd).getCell(0).getStringCellValue()).isEqualTo("All");
            var pivotSource = workbook.getPivotTables().stream()
                    .map(p -> p.getPivotCacheDefinition().getCTPivotCacheDefinition().getCacheSource().getWorksheetSource())
                    .filter(w -> w.getSheet().equals("data_job_postings")).findFirst().orElseThrow();
            assertThat(pivotSource.getRef()).as("the pivot reads the rows, not the totals").endsWith("" + postingsEnd);
        }
        assertThat(OoxmlSchemas.validate(rebuilt).errors()).isEmpty();
        Map<String, LibreOffice.Value> computed = LibreOffice.edit(rebuilt, null, new LibreOffice.Ops()
                .recalculate().get("Mine", "A1").get("Mine", "A2"));
        assertThat(computed.get("Mine!A1").value()).as("LibreOffice computes the same").isEqualTo(infusions);
        assertThat(computed.get("Mine!A1").error()).isZero();
        assertThat(computed.get("Mine!A2").value()).isEqualTo(2 * rows);

        // Saved again by LibreOffice (which keeps the cell's SUBTOTAL but not the column's function) and rebuilt.
        Path again = dir.resolve("again.xlsx");
        LibreOffice.edit(rebuilt, again, new LibreOffice.Ops().text("Notes", "A20", "saved once more"));
        TestInputs.Run run = TestInputs.run("build", "--inputs", inputs.toString(), "--out", again.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (XSSFWorkbook workbook = open(again)) {
            XSSFSheet data = workbook.getSheet("data_cart_infusions");
            Row totals = data.getRow(data.getTables().get(0).getEndRowIndex());
            assertThat(totals.getCell(5).getCellFormula()).isEqualTo("SUBTOTAL(109,tbl_cart_infusions[infusions])");
            assertThat(totals.getCell(5).getNumericCellValue()).isEqualTo(infusions);
            assertThat(workbook.getSheet("Mine").getRow(0).getCell(0).getNumericCellValue()).isEqualTo(infusions);
        }
    }

    @Test
    void fontsAndColumnWidthsHoldOverThreeSaveAndRebuildCycles() throws Exception {
        Path book = dir.resolve("cycle.xlsx");
        assertThat(TestInputs.run("build", "--out", book.toString(), "--fresh").exitCode()).isZero();
        Path saved = dir.resolve("saved.xlsx");
        LibreOffice.edit(book, saved, new LibreOffice.Ops().addSheet("Mine").text("Mine", "A1", "A wide column")
                .columnWidth("Mine", "A", 6000));
        Files.copy(saved, book, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(TestInputs.run("build", "--out", book.toString()).exitCode()).isZero();
        int[] first = widths(book);
        String firstFont = defaultFont(book);
        for (int cycle = 0; cycle < 3; cycle++) {
            LibreOffice.edit(book, saved, new LibreOffice.Ops().text("Notes", "A20", "cycle " + cycle));
            Files.copy(saved, book, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            TestInputs.Run run = TestInputs.run("build", "--out", book.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(defaultFont(book)).as("the default font, the template's").isEqualTo(firstFont).isEqualTo("Calibri 11");
        int[] last = widths(book);
        for (int i = 0; i < first.length; i++) {
            assertThat(last[i]).as("column width " + i + " after three cycles").isCloseTo(first[i], within(first[i] / 50));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    /** The template saved by LibreOffice after the operations, in a templates folder of its own. */
    private Path templatesSavedBy(LibreOffice.Ops ops) throws IOException, InterruptedException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.copy(Path.of("workbook-templates/key-insights.txt"), templates.resolve("key-insights.txt"));
        LibreOffice.edit(Path.of("workbook-templates/atmp-annual-report.xlsx"),
                templates.resolve("atmp-annual-report.xlsx"), ops);
        return templates;
    }

    private Path build(Path templates, String name) {
        Path book = dir.resolve(name);
        TestInputs.Run run = TestInputs.run("build", "--templates", templates.toString(), "--out", book.toString(),
                "--fresh");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return book;
    }

    /** A copy of the bundled inputs, and the workbook built from them under {@code name}; returns the inputs. */
    private Path bundledInputsBuiltAs(String name) throws IOException {
        Path inputs = dir.resolve("inputs");
        TestInputs.copyTree(TestInputs.BUNDLED, inputs);
        TestInputs.Run run = TestInputs.run("build", "--inputs", inputs.toString(), "--out", dir.resolve(name).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return inputs;
    }

    /** The edited workbook rebuilt in place (a copy of it) from the inputs. */
    private Path rebuiltFrom(Path edited, Path inputs) throws IOException {
        Path rebuilt = dir.resolve("rebuilt.xlsx");
        Files.copy(edited, rebuilt);
        TestInputs.Run run = TestInputs.run("build", "--inputs", inputs.toString(), "--out", rebuilt.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return rebuilt;
    }

    private static XSSFWorkbook open(Path book) throws IOException {
        try (InputStream in = Files.newInputStream(book)) {
            return new XSSFWorkbook(in);
        }
    }

    private static String text(XSSFWorkbook workbook, String name) {
        CellReference ref = new AreaReference(workbook.getName(name).getRefersToFormula(),
                org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell();
        return workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue();
    }

    /** The infusions of the CAR T file, summed here from its last column. */
    private static long sumLastColumn(Path csv) throws IOException {
        long sum = 0;
        List<String> lines = Files.readAllLines(csv, java.nio.charset.Charset.forName("windows-1252"));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] cells = line.split(";");
                sum += Long.parseLong(cells[cells.length - 1].strip());
            }
        }
        return sum;
    }

    /** Active ATMP trials with a Swedish site, counted here from the data sheet's flags. */
    private static long activeSwedishAtmpTrials(XSSFWorkbook workbook) {
        XSSFSheet trials = workbook.getSheet("data_clinical_trials");
        Map<String, Integer> column = new java.util.HashMap<>();
        for (Cell cell : trials.getRow(0)) {
            column.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        long n = 0;
        for (Row row : trials) {
            if (row.getRowNum() > 0 && row.getCell(column.get("atmp")).getBooleanCellValue()
                    && row.getCell(column.get("swedish_site")).getBooleanCellValue()
                    && row.getCell(column.get("active")).getBooleanCellValue()) {
                n++;
            }
        }
        return n;
    }

    private static int[] widths(Path book) throws IOException {
        try (XSSFWorkbook workbook = open(book)) {
            XSSFSheet mine = workbook.getSheet("Mine");
            XSSFSheet companies = workbook.getSheet("Companies");
            return new int[] {mine.getColumnWidth(0), companies.getColumnWidth(0), companies.getColumnWidth(1),
                    workbook.getSheet("Notes").getColumnWidth(0)};
        }
    }

    private static String defaultFont(Path book) throws IOException {
        try (XSSFWorkbook workbook = open(book)) {
            var font = workbook.getFontAt(workbook.getCellStyleAt(0).getFontIndex());
            return font.getFontName() + " " + font.getFontHeightInPoints();
        }
    }
}
