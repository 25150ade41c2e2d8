package se.atmp2030.workbook.fill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.TestInputs;

/**
 * An analyst restyles the template the way Excel lets them: moves and resizes a chart, retitles and recolours it,
 * changes fonts, and inserts a row above a table (Excel then moves the chart's references along). The build still
 * fills it right.
 */
class RestyledTemplateTest {
    private static final Path TEMPLATES = Path.of("workbook-templates");

    @Test
    void aRestyledAndResavedTemplateStillBuilds(@TempDir Path dir) throws IOException {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        Files.copy(TEMPLATES.resolve("key-insights.txt"), templates.resolve("key-insights.txt"));
        try (InputStream in = Files.newInputStream(TEMPLATES.resolve("atmp-annual-report.xlsx"));
             XSSFWorkbook template = new XSSFWorkbook(in)) {
            XSSFSheet jobs = template.getSheet("Employment and jobs");
            // A row inserted above the table: Excel moves the anchor cell and the chart's references down by one.
            jobs.shiftRows(3, jobs.getLastRowNum(), 1);
            XSSFChart chart = jobs.getDrawingPatriarch().getCharts().get(0);
            XDDFChartData data = chart.getChartSeries().get(0);
            data.getSeries(0).replaceData(
                    XDDFDataSourcesFactory.fromNumericCellRange(jobs, new CellRangeAddress(7, 7, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(jobs, new CellRangeAddress(7, 7, 1, 1)));
            chart.plot(data);
            // Moved and resized below the table, retitled, and the first series recoloured.
            XSSFClientAnchor anchor = (XSSFClientAnchor) jobs.getDrawingPatriarch().getShapes().get(0).getAnchor();
            anchor.setCol1(0);
            anchor.setCol2(10);
            anchor.setRow1(20);
            anchor.setRow2(44);
            chart.setTitleText("Job postings, Nordic countries");
            data.getSeries(0).setFillProperties(new org.apache.poi.xddf.usermodel.XDDFSolidFillProperties(
                    org.apache.poi.xddf.usermodel.XDDFColor.from(new byte[] {(byte) 0xAA, 0x00, 0x00})));
            chart.plot(data);
            // Other fonts on the section title.
            XSSFFont font = template.createFont();
            font.setFontName("Georgia");
            font.setFontHeightInPoints((short) 22);
            var style = template.createCellStyle();
            style.setFont(font);
            jobs.getRow(0).getCell(0).setCellStyle(style);
            try (OutputStream out = Files.newOutputStream(templates.resolve("atmp-annual-report.xlsx"))) {
                template.write(out);
            }
        }

        Path out = dir.resolve("report.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--templates", templates.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet jobs = workbook.getSheet("Employment and jobs");
            assertThat(jobs.getRow(6).getCell(0).getStringCellValue()).as("the table's header, one row lower").isEqualTo("Year");
            XSSFChart chart = jobs.getDrawingPatriarch().getCharts().get(0);
            assertThat(chart.getTitleText().getString()).isEqualTo("Job postings, Nordic countries");
            XDDFChartData data = chart.getChartSeries().get(0);
            assertThat(data.getSeriesCount()).isEqualTo(4);
            assertThat(data.getSeries(0).getValuesData().getDataRangeReference())
                    .isEqualTo("'Employment and jobs'!$B$8:$B$13");
            assertThat(data.getSeries(0).getShapeProperties().getFillProperties())
                    .as("the analyst's colour stays").isInstanceOf(org.apache.poi.xddf.usermodel.XDDFSolidFillProperties.class);
            assertThat(chart.getCTChartSpace().xmlText()).contains("AA0000");
            XSSFClientAnchor anchor = (XSSFClientAnchor) jobs.getDrawingPatriarch().getShapes().get(0).getAnchor();
            assertThat(anchor.getRow1()).as("the chart moved with the rows inserted above it: five more years and the "
                    + "footnote on 2024, a year not over").isEqualTo(20 + 6 + 1);
            assertThat(jobs.getRow(12).getCell(0).getCellStyle().getDataFormatString()).as("2024 reads 2024*")
                    .isEqualTo("0\"*\"");
            assertThat(jobs.getRow(13).getCell(0).getStringCellValue()).startsWith("* 2024 was not over");
            assertThat((int) anchor.getCol2()).isEqualTo(10);
            assertThat(jobs.getRow(0).getCell(0).getCellStyle().getFont().getFontName()).isEqualTo("Georgia");
        }
    }
}
