package se.atmp2030.workbook.fill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTAxDataSource;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx;
import se.atmp2030.workbook.ChartChecks;
import se.atmp2030.workbook.OoxmlSchemas;
import se.atmp2030.workbook.TestInputs;

/**
 * A template as Excel saves it, as far as that can be made here without Excel: series named by a literal, categories
 * as text references, theme colours, {@code varyColors} on, and the extension lists Excel adds to every series
 * ({@code c16:uniqueId}). Every chart still gets every series with the right references and caches, the theme colours
 * the analyst chose stay, and every part validates.
 */
class ExcelSavedTemplateTest {
    private static final String C16 = "http://schemas.microsoft.com/office/drawing/2014/chart";

    @TempDir
    Path dir;

    @Test
    void chartsOfAnExcelStyleTemplateAreReboundWithoutASecondReference() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.copy(Path.of("workbook-templates/key-insights.txt"), templates.resolve("key-insights.txt"));
        try (InputStream in = Files.newInputStream(Path.of("workbook-templates/atmp-annual-report.xlsx"));
             XSSFWorkbook template = new XSSFWorkbook(in)) {
            for (int s = 0; s < template.getNumberOfSheets(); s++) {
                XSSFSheet sheet = template.getSheetAt(s);
                if (sheet.getDrawingPatriarch() != null) {
                    sheet.getDrawingPatriarch().getCharts().forEach(ExcelSavedTemplateTest::asExcelSavesIt);
                }
            }
            try (OutputStream out = Files.newOutputStream(templates.resolve("atmp-annual-report.xlsx"))) {
                template.write(out);
            }
        }
        Path book = dir.resolve("book.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--templates", templates.toString(), "--out", book.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<ChartChecks.SeriesSeen> series = ChartChecks.referencesAndCaches(workbook);
            ChartChecks.SeriesSeen first = series.stream().filter(s -> s.sheet().equals("Employment and jobs")).findFirst()
                    .orElseThrow();
            assertThat(first.name()).as("named after its column now, the literal gave way").isEqualTo("Denmark");
            XSSFChart jobs = workbook.getSheet("Employment and jobs").getDrawingPatriarch().getCharts().get(0);
            assertThat(jobs.getCTChartSpace().xmlText()).as("the theme colour the template set stays")
                    .contains("schemeClr val=\"accent1\"");
        }
        assertThat(OoxmlSchemas.validate(book).errors()).isEmpty();
    }

    /** Makes a chart look as Excel writes it. */
    private static void asExcelSavesIt(XSSFChart chart) {
        List<XmlObject> series = new ArrayList<>();
        try (XmlCursor cursor = chart.getCTChartSpace().newCursor()) {
            cursor.selectPath("declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' .//c:ser");
            while (cursor.toNextSelection()) {
                series.add(cursor.getObject());
            }
        }
        for (XmlObject ser : series) {
            CTSerTx tx = (CTSerTx) first(ser, "c:tx");
            if (tx == null) {
                try (XmlCursor cursor = ser.newCursor()) {
                    cursor.toFirstChild();
                    cursor.toNextSibling(); // past c:idx to c:order
                    cursor.toEndToken();
                    cursor.toNextToken();
                    cursor.beginElement("tx", "http://schemas.openxmlformats.org/drawingml/2006/chart");
                }
                tx = (CTSerTx) first(ser, "c:tx");
            }
            if (tx.isSetStrRef()) {
                tx.unsetStrRef();
            }
            tx.setV("Series 1"); // a name typed in Excel: a literal
            CTAxDataSource cat = (CTAxDataSource) first(ser, "c:cat");
            if (cat != null && cat.isSetNumRef()) {
                String f = cat.getNumRef().getF();
                cat.unsetNumRef();
                cat.addNewStrRef().setF(f);
            }
            try (XmlCursor cursor = ser.newCursor()) {
                cursor.toEndToken();
                cursor.beginElement("extLst", "http://schemas.openxmlformats.org/drawingml/2006/chart");
                cursor.beginElement("ext", "http://schemas.openxmlformats.org/drawingml/2006/chart");
                cursor.insertAttributeWithValue("uri", "{C3380CC4-5D6E-409C-BE32-E72D297353CC}");
                cursor.beginElement("uniqueId", C16);
                cursor.insertAttributeWithValue("val", "{00000000-0001-0000-0000-000000000000}");
            }
        }
        // The first series of the first chart type in an accent colour of the theme, as Excel colours by default.
        XmlObject ser = series.get(0);
        XmlObject spPr = first(ser, "c:spPr");
        if (spPr != null) {
            try (XmlCursor cursor = spPr.newCursor()) {
                cursor.removeXml();
            }
        }
        try (XmlCursor cursor = ser.newCursor()) {
            cursor.selectPath("declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' ./c:tx");
            cursor.toNextSelection();
            cursor.toEndToken();
            cursor.toNextToken();
            cursor.beginElement("spPr", "http://schemas.openxmlformats.org/drawingml/2006/chart");
            cursor.beginElement("solidFill", "http://schemas.openxmlformats.org/drawingml/2006/main");
            cursor.beginElement("schemeClr", "http://schemas.openxmlformats.org/drawingml/2006/main");
            cursor.insertAttributeWithValue("val", "accent1");
        }
        try (XmlCursor cursor = chart.getCTChartSpace().newCursor()) {
            cursor.selectPath("declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' .//c:varyColors");
            while (cursor.toNextSelection()) {
                cursor.setAttributeText(new javax.xml.namespace.QName("val"), "1");
            }
        }
        assertThat(first(series.get(0), "c:tx")).isInstanceOf(CTSerTx.class);
    }

    private static XmlObject first(XmlObject ser, String element) {
        try (XmlCursor cursor = ser.newCursor()) {
            cursor.selectPath("declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' ./" + element);
            return cursor.toNextSelection() ? cursor.getObject() : null;
        }
    }
}
