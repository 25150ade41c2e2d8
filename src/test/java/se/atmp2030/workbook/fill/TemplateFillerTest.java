package se.atmp2030.workbook.fill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import se.atmp2030.workbook.analyze.Analysis;
import se.atmp2030.workbook.analyze.Changes;
import se.atmp2030.workbook.analyze.Kpi;
import se.atmp2030.workbook.analyze.Series;
import se.atmp2030.workbook.analyze.SeriesPoint;
import se.atmp2030.workbook.analyze.Trends;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;

/** The template mechanics on small templates made here, with analyses of a known shape. */
class TemplateFillerTest {
    private static final ReportInfo INFO = new ReportInfo("Test report", 2024, LocalDateTime.of(2024, 9, 1, 12, 0), "t", "in");

    @ParameterizedTest(name = "{0} years")
    @ValueSource(ints = {3, 30})
    void aTableAnchorInsertsRowsAndMovesWhatStandsBelowAndTheChartFollows(int years) throws IOException {
        XSSFWorkbook template = new XSSFWorkbook();
        XSSFSheet s = template.createSheet("S");
        s.createRow(0).createCell(0).setCellValue("${kpi.demo.count}");
        s.createRow(1).createCell(0).setCellValue("There are ${kpi.demo.count:over} of them in ${report.year}.");
        s.createRow(3).createCell(0).setCellValue("${table:series:demo.by_country:country}");
        s.createRow(5).createCell(0).setCellValue("below, merged");
        s.addMergedRegion(new CellRangeAddress(5, 5, 0, 2));
        s.createRow(6).createCell(1).setCellValue(21);
        s.getRow(6).createCell(2).setCellFormula("B7*2");
        XSSFName name = template.createName();
        name.setNameName("below");
        name.setRefersToFormula("S!$B$7");
        XSSFChart chart = barChart(s, 3, 8);

        XSSFWorkbook filled = fill(template, analysis(years));
        XSSFSheet out = filled.getSheet("S");
        int shift = years + 1 - 1; // the anchor row becomes the header; the data rows are inserted
        assertThat(out.getRow(0).getCell(0).getNumericCellValue()).as("S!A1, a KPI alone stays a number").isEqualTo(25);
        assertThat(out.getRow(0).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        assertThat(out.getRow(1).getCell(0).getStringCellValue()).as("S!A2, inside text")
                .isEqualTo("There are 25 of them in 2024.");
        assertThat(out.getRow(3).getCell(0).getStringCellValue()).as("S!A4 header").isEqualTo("Year");
        assertThat(out.getRow(3).getCell(3).getStringCellValue()).isEqualTo("C");
        assertThat(out.getRow(4 + years - 1).getCell(0).getNumericCellValue()).as("last year").isEqualTo(1994 + years);
        assertThat(out.getRow(5 + shift).getCell(0).getStringCellValue()).as("content below moved").isEqualTo("below, merged");
        assertThat(out.getMergedRegions()).containsExactly(new CellRangeAddress(5 + shift, 5 + shift, 0, 2));
        assertThat(out.getRow(6 + shift).getCell(2).getCellFormula()).as("formula moved with its row")
                .isEqualTo("B" + (7 + shift) + "*2");
        assertThat(filled.getName("below").getRefersToFormula()).isEqualTo("S!$B$" + (7 + shift));

        XSSFChart moved = filled.getSheet("S").getDrawingPatriarch().getCharts().get(0);
        XSSFClientAnchor anchor = (XSSFClientAnchor) filled.getSheet("S").getDrawingPatriarch().getShapes().get(0).getAnchor();
        assertThat(anchor.getRow1()).as("the chart below the table moved down").isEqualTo(8 + shift);
        XDDFChartData data = moved.getChartSeries().get(0);
        assertThat(data.getSeriesCount()).as("one series per member").isEqualTo(3);
        assertThat(data.getSeries(0).getCategoryData().getDataRangeReference()).isEqualTo("S!$A$5:$A$" + (4 + years));
        assertThat(data.getSeries(2).getValuesData().getDataRangeReference()).isEqualTo("S!$D$5:$D$" + (4 + years));
        String xml = moved.getCTChartSpace().xmlText();
        assertThat(xml).contains("<c:ptCount val=\"" + years + "\"/>")
                .contains("<c:f>S!$B$4</c:f>").as("series named from the header cell");
        assertThat(chart).isNotNull();
    }

    @Test
    void everyUnknownPlaceholderAndEveryChartWithoutATableIsReportedBeforeAnythingIsFilled() {
        XSSFWorkbook template = new XSSFWorkbook();
        XSSFSheet s = template.createSheet("Intro");
        s.createRow(0).createCell(0).setCellValue("${kpi.demo.cont}");
        s.createRow(2).createCell(1).setCellValue("Made for ${report.titel}");
        s.createRow(4).createCell(0).setCellValue("${table:series:demo.nothing}");
        barChart(s, 20, 8);
        Problems problems = new Problems();
        boolean filled = new TemplateFiller(template, new Styles(template),
                new TemplateModel(INFO, analysis(3), List.of()), "t.xlsx", problems).fill();
        assertThat(filled).isFalse();
        assertThat(problems.all()).extracting(Problem::toString).containsExactly(
                "t.xlsx: Intro!A5: ${table:series:demo.nothing}: unknown series \"demo.nothing\" (nearest: demo.total, demo.by_country)",
                "t.xlsx: Intro: chart \"Chart\": series 1 points at Intro!$B$22, where no table is filled (expected cells in the "
                        + "rows just under a ${table:...} anchor)",
                "t.xlsx: Intro!A1: placeholder ${kpi.demo.cont}: unknown KPI \"demo.cont\" (nearest: demo.count, demo.members.a, demo.members.b)",
                "t.xlsx: Intro!B3: placeholder ${report.titel}: unknown name \"report.titel\" (nearest: report.title, report.year, report.built_at)");
        assertThat(s.getRow(0).getCell(0).getStringCellValue()).as("nothing filled").isEqualTo("${kpi.demo.cont}");
    }

    @Test
    void aKpiGroupGetsALiveTotalWithItsValueCached() throws IOException {
        XSSFWorkbook template = new XSSFWorkbook();
        XSSFSheet s = template.createSheet("S");
        s.createRow(1).createCell(1).setCellValue("${table:kpis:demo.members}");
        XSSFSheet out = fill(template, analysis(3)).getSheet("S");
        assertThat(out.getRow(2).getCell(1).getStringCellValue()).isEqualTo("A");
        var total = out.getRow(5).getCell(2);
        assertThat(out.getRow(5).getCell(1).getStringCellValue()).isEqualTo("Total");
        assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
        assertThat(total.getCellFormula()).isEqualTo("SUM(C3:C5)");
        assertThat(total.getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
        assertThat(total.getNumericCellValue()).as("cached, so viewers that do not recalculate show it").isEqualTo(6);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static XSSFWorkbook fill(XSSFWorkbook template, Analysis analysis) throws IOException {
        Problems problems = new Problems();
        boolean ok = new TemplateFiller(template, new Styles(template), new TemplateModel(INFO, analysis, List.of()),
                "t.xlsx", problems).fill();
        assertThat(problems.all()).isEmpty();
        assertThat(ok).isTrue();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        template.write(bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** A clustered column chart whose one series points just under an anchor at (row, column A). */
    static XSSFChart barChart(XSSFSheet s, int anchorRow, int chartRow) {
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 6, chartRow, 12, chartRow + 10));
        chart.setTitleText("Chart");
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR,
                chart.createCategoryAxis(AxisPosition.BOTTOM), chart.createValueAxis(AxisPosition.LEFT));
        data.setBarDirection(BarDirection.COL);
        data.addSeries(XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(anchorRow + 1, anchorRow + 1, 0, 0)),
                XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(anchorRow + 1, anchorRow + 1, 1, 1)));
        chart.plot(data);
        return chart;
    }

    /** A total series and one broken down by three countries over {@code years} years from 1995, and a few KPIs. */
    static Analysis analysis(int years) {
        List<Series> series = new ArrayList<>();
        TreeMap<Integer, Double> total = new TreeMap<>();
        for (int y = 0; y < years; y++) {
            total.put(1995 + y, 2.0 * y + 1);
        }
        series.add(new Series("demo.total", "Demo", null, null, "things", 1995, total, List.of()));
        for (String member : List.of("A", "B", "C")) {
            TreeMap<Integer, Double> values = new TreeMap<>();
            total.forEach((y, v) -> values.put(y, v + member.charAt(0) - 'A'));
            series.add(new Series("demo.by_country", "Demo", "country", member, "things", 1995, values, List.of()));
        }
        List<SeriesPoint> points = series.stream().flatMap(s -> Changes.of(s).stream()).toList();
        List<Kpi> kpis = new ArrayList<>(List.of(new Kpi("demo.count", "Count", 25.0, "companies", 2024, 2024, "d",
                List.of(), false, null, null)));
        for (Map.Entry<String, Double> m : Map.of("A", 1.0, "B", 2.0, "C", 3.0).entrySet()) {
            kpis.add(new Kpi("demo.members." + m.getKey().toLowerCase(), "Member", m.getValue(), "products", 2024, 2024,
                    "d", List.of(), false, null, m.getKey()));
        }
        kpis.sort(java.util.Comparator.comparing(Kpi::key));
        return new Analysis(series, points, series.stream().map(Trends::of).toList(), kpis, List.of());
    }
}
