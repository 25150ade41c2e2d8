package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx;
import se.atmp2030.workbook.TestInputs;

/**
 * The rebuild round trip: build; edit the result as an analyst would; change an input; rebuild. The edits are there,
 * the data is new, what could not be kept is reported, and the Changes sheet says what the new data changed.
 */
class RebuildTest {
    @TempDir
    Path dir;

    @Test
    void editsMadeWithPoiSurviveARebuildOnNewData() throws Exception {
        Path inputs = dir.resolve("inputs");
        Path book = buildOnce(inputs);
        edit(book);
        changeAnInput(inputs);
        TestInputs.Run rebuild = TestInputs.run("build", "--inputs", inputs.toString(), "--out", book.toString());
        assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();
        assertEditsKeptAndDataNew(book, true);
        try (var backups = Files.list(dir.resolve("backup"))) {
            assertThat(backups.toList()).as("the earlier workbook kept as a timestamped backup").hasSize(1);
        }
    }

    @Test
    void editsSavedByLibreOfficeSurviveARebuild() throws Exception {
        String soffice = onPath("soffice");
        if (soffice == null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("soffice is missing: .ci/run must install libreoffice-calc-nogui");
            }
            Assumptions.abort("LibreOffice is not installed");
        }
        Path inputs = dir.resolve("inputs");
        Path book = buildOnce(inputs);
        edit(book);
        // LibreOffice rewrites the whole file when it saves it.
        Path resaved = dir.resolve("resaved");
        Process process = new ProcessBuilder(soffice, "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", resaved.toString(), book.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
        Files.copy(resaved.resolve("report.xlsx"), book, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        changeAnInput(inputs);
        TestInputs.Run rebuild = TestInputs.run("build", "--inputs", inputs.toString(), "--out", book.toString());
        assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();
        assertEditsKeptAndDataNew(book, false);
    }

    @Test
    void freshStartsFromTheTemplateAlone() throws Exception {
        Path inputs = dir.resolve("inputs");
        Path book = buildOnce(inputs);
        edit(book);
        TestInputs.Run run = TestInputs.run("build", "--inputs", inputs.toString(), "--out", book.toString(), "--fresh");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (XSSFWorkbook workbook = open(book)) {
            assertThat(workbook.getSheet("My analysis")).isNull();
            XSSFSheet report = workbook.getSheet("Build report");
            for (int r = 1; report != null && r <= report.getLastRowNum(); r++) {
                assertThat(report.getRow(r).getCell(0).getStringCellValue()).as("no edit was carried, so none is listed; "
                        + "only what the analysis says of the data").isIn("no population", "population carried forward", "rows after the report year");
            }
            assertThat(commentary(workbook, "edit_clinical_trials_commentary")).startsWith("Commentary: write yours here");
        }
    }

    @Test
    void aWorkbookOpenInExcelIsNotReplaced() throws Exception {
        Path inputs = dir.resolve("inputs");
        Path book = buildOnce(inputs);
        byte[] before = Files.readAllBytes(book);
        Files.writeString(dir.resolve("~$report.xlsx"), "owner");
        TestInputs.Run run = TestInputs.run("build", "--inputs", inputs.toString(), "--out", book.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("error: " + book + " is open in Excel (lock file ~$report.xlsx): close it there "
                + "and build again; nothing was changed\n");
        assertThat(Files.readAllBytes(book)).isEqualTo(before);
    }

    @Test
    void aPdfBesideTheWorkbook() throws Exception {
        Assumptions.assumeTrue(onPath("soffice") != null || System.getenv("CI") != null, "LibreOffice is not installed");
        Path inputs = dir.resolve("inputs");
        TestInputs.copyTree(TestInputs.BUNDLED, inputs);
        Path book = dir.resolve("report.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--inputs", inputs.toString(), "--out", book.toString(), "--pdf");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Wrote " + book + "\nWrote " + dir.resolve("report.pdf") + "\n");
        assertThat(Files.size(dir.resolve("report.pdf"))).isGreaterThan(10_000);
    }

    // ---- the analyst's edits -------------------------------------------------------------------------------------------

    private Path buildOnce(Path inputs) {
        TestInputs.copyTree(TestInputs.BUNDLED, inputs);
        Path book = dir.resolve("report.xlsx");
        TestInputs.Run first = TestInputs.run("build", "--inputs", inputs.toString(), "--out", book.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        return book;
    }

    private static void edit(Path book) throws IOException {
        try (XSSFWorkbook workbook = open(book)) {
            cell(workbook, workbook.getName("edit_clinical_trials_commentary")).setCellValue("Our view: trials keep growing.");
            XSSFChart trials = workbook.getSheet("Clinical trials").getDrawingPatriarch().getCharts().get(0);
            trials.setTitleText("Trials per phase (our title)");
            XSSFChart jobs = workbook.getSheet("Employment and jobs").getDrawingPatriarch().getCharts().get(0);
            CTSerTx name = seriesText(jobs, 0);
            name.unsetStrRef();
            name.setV("DK");
            XSSFSheet mine = workbook.createSheet("My analysis");
            mine.createRow(0).createCell(0).setCellValue("Our own numbers");
            mine.createRow(1).createCell(1).setCellValue(42);
            mine.getRow(1).createCell(2).setCellFormula("B2*2");
            workbook.getSheet("Notes").createRow(4).createCell(0).setCellValue("Webinar on 25 October");
            XSSFSheet kpis = workbook.getSheet("KPIs");
            kpiRow(kpis, "trials.active").getCell(2).setCellValue(50);
            workbook.getSheet("Key insights").getRow(2).getCell(0).setCellValue(26);
            try (OutputStream out = Files.newOutputStream(book)) {
                workbook.write(out);
            }
        }
    }

    /** The bundled CAR T infusions of 2022 and of 2024 after {@link #changeAnInput}, summed here from the file. */
    private double[] cartInfusions2022And2024() throws IOException {
        double[] sums = new double[2];
        for (String line : Files.readAllLines(dir.resolve("inputs/cart/cart-infusions.csv"),
                java.nio.charset.Charset.forName("windows-1252"))) {
            String[] cells = line.split(";");
            if (cells[0].equals("2022")) {
                sums[0] += Double.parseDouble(cells[5].strip());
            } else if (cells[0].equals("2024")) {
                sums[1] += Double.parseDouble(cells[5].strip());
            }
        }
        return sums;
    }

    private static void changeAnInput(Path inputs) throws IOException {
        Files.write(inputs.resolve("cart/cart-infusions.csv"),
                "2024;Stockholm;Karolinska Universitetssjukhuset;Kymriah;DLBCL;5\r\n".getBytes("windows-1252"),
                StandardOpenOption.APPEND);
    }

    private void assertEditsKeptAndDataNew(Path book, boolean strict) throws IOException {
        try (XSSFWorkbook workbook = open(book)) {
            assertThat(commentary(workbook, "edit_clinical_trials_commentary")).isEqualTo("Our view: trials keep growing.");
            XSSFChart trials = workbook.getSheet("Clinical trials").getDrawingPatriarch().getCharts().get(0);
            assertThat(trials.getTitleText().getString()).isEqualTo("Trials per phase (our title)");
            assertThat(workbook.getSheet("My analysis").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(42);
            assertThat(workbook.getSheet("My analysis").getRow(1).getCell(2).getCellFormula()).isEqualTo("B2*2");
            assertThat(workbook.getSheet("Notes").getRow(4).getCell(0).getStringCellValue()).isEqualTo("Webinar on 25 October");
            if (strict) {
                XSSFChart jobs = workbook.getSheet("Employment and jobs").getDrawingPatriarch().getCharts().get(0);
                assertThat(seriesText(jobs, 0).getV()).as("a series renamed by hand").isEqualTo("DK");
            }

            XSSFRow active = kpiRow(workbook.getSheet("KPIs"), "trials.active");
            assertThat(active.getCell(2).getNumericCellValue()).as("the data is the build's, not the hand-typed 50").isEqualTo(48);
            assertThat(kpiRow(workbook.getSheet("KPIs"), "cart.infusions_total").getCell(2).getNumericCellValue()).isEqualTo(151);

            List<String> report = rows(workbook.getSheet("Build report"));
            assertThat(report).anyMatch(r -> r.startsWith("overwritten | KPIs!C") && r.contains("| 50 | the build had written 48"));
            assertThat(report).anyMatch(r -> r.startsWith("overwritten | 'Key insights'!A3 | 26 | the build had written 25"));

            XSSFSheet changeSheet = workbook.getSheet("Changes");
            for (int r = 1; r <= changeSheet.getLastRowNum(); r++) {
                XSSFRow row = changeSheet.getRow(r);
                if (row.getCell(1).getStringCellValue().equals("cart.change_pct")) {
                    double[] perYear = cartInfusions2022And2024();
                    assertThat(row.getCell(3).getNumericCellValue()).as("the old value at full precision")
                            .isEqualTo((perYear[1] - 5 - perYear[0]) / perYear[0]);
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo((perYear[1] - perYear[0]) / perYear[0]);
                    for (int c = 3; c <= 5; c++) {
                        assertThat(row.getCell(c).getCellStyle().getDataFormatString()).as("a change in percent reads as %")
                                .isEqualTo("0.0%");
                    }
                }
                if (row.getCell(1).getStringCellValue().equals("cart.infusions_total")) {
                    assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
                }
            }
            List<String> changes = rows(workbook.getSheet("Changes"));
            assertThat(changes).contains("KPI | cart.infusions_total | infusions | 146 | 151 | 5");
            assertThat(changes).contains("dataset | cart_infusions | rows | 117 | 118 | 1 | 0 rows removed | 1 rows added");
            assertThat(changes).as("only the dataset that changed, also after a LibreOffice save (booleans as TRUE())")
                    .filteredOn(r -> r.startsWith("dataset")).hasSize(1);
            assertThat(changes).anyMatch(r -> r.startsWith("insight | sentence 4 |") && r.contains("146 infusions")
                    && r.contains("151 infusions"));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private static XSSFWorkbook open(Path book) throws IOException {
        try (InputStream in = Files.newInputStream(book)) {
            return new XSSFWorkbook(in);
        }
    }

    private static String commentary(XSSFWorkbook workbook, String name) {
        return cell(workbook, workbook.getName(name)).getStringCellValue();
    }

    private static XSSFCell cell(XSSFWorkbook workbook, Name name) {
        CellReference ref = new AreaReference(name.getRefersToFormula(), org.apache.poi.ss.SpreadsheetVersion.EXCEL2007)
                .getFirstCell();
        return workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    private static CTSerTx seriesText(XSSFChart chart, int index) {
        try (var cursor = chart.getCTChartSpace().newCursor()) {
            cursor.selectPath("declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' .//c:ser/c:tx");
            int i = 0;
            while (cursor.toNextSelection()) {
                if (i++ == index) {
                    return (CTSerTx) cursor.getObject();
                }
            }
        }
        throw new AssertionError("no series " + index);
    }

    private static XSSFRow kpiRow(XSSFSheet kpis, String key) {
        for (var row : kpis) {
            if (row.getCell(0) != null && key.equals(row.getCell(0).toString())) {
                return (XSSFRow) row;
            }
        }
        throw new AssertionError("no KPI " + key);
    }

    /** Each row after the header as "a | b | c", numbers without decimals where whole. */
    private static List<String> rows(XSSFSheet sheet) {
        List<String> rows = new ArrayList<>();
        org.apache.poi.ss.usermodel.DataFormatter plain = new org.apache.poi.ss.usermodel.DataFormatter();
        for (var row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                var cell = row.getCell(c);
                cells.add(cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? plainNumber(cell.getNumericCellValue()) : plain.formatCellValue(cell));
            }
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }

    private static String plainNumber(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool).toString();
            }
        }
        return null;
    }
}
