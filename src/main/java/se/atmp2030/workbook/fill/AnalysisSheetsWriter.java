package se.atmp2030.workbook.fill;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import se.atmp2030.workbook.analyze.Analysis;
import se.atmp2030.workbook.analyze.Insights;
import se.atmp2030.workbook.analyze.Kpi;
import se.atmp2030.workbook.analyze.SeriesPoint;
import se.atmp2030.workbook.analyze.Trend;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Table;

/**
 * The analysis sheets: Key insights (the headline sentences), KPIs ({@code tbl_kpis}), Series ({@code tbl_series}: every
 * series year by year with its changes) and Trends ({@code tbl_trends}). Every number is a value, not a formula, so that
 * viewers that do not recalculate (LibreOffice's preview, mail previewers, phones) show it.
 */
final class AnalysisSheetsWriter {
    private static final int INSIGHT_WIDTH_CHARS = 110;

    private final SXSSFWorkbook workbook;
    private final Styles styles;
    private final DataSheetWriter tables;

    AnalysisSheetsWriter(SXSSFWorkbook workbook, Styles styles, DataSheetWriter tables) {
        this.workbook = workbook;
        this.styles = styles;
        this.tables = tables;
    }

    void insights(ReportInfo info, List<Insights.Insight> insights) {
        Table.Builder table = Table.builder("insights")
                .column("number", ColumnType.INTEGER, "")
                .column("insight", ColumnType.TEXT, "")
                .column("kpis", ColumnType.TEXT, "");
        insights.forEach(i -> table.add((long) i.number(), i.text(), String.join(", ", i.kpis())));
        tables.write("Key insights", table.build(), "tbl_insights", "Key insights: " + info.title());
        SXSSFSheet sheet = workbook.getSheet("Key insights");
        sheet.setColumnWidth(1, INSIGHT_WIDTH_CHARS * 256);
        for (int r = 0; r < insights.size(); r++) {
            Row row = sheet.getRow(3 + r);
            Cell cell = row.getCell(1);
            cell.setCellStyle(styles.wrapped());
            row.getCell(0).setCellStyle(styles.centredTop());
            // Row heights are not measured on a headless machine. Column widths count the digit 0; an average
            // character of running text is narrower, so about 1.1 times as many fit on a line.
            int lines = Math.max(1, (int) Math.ceil(cell.getStringCellValue().length() / (INSIGHT_WIDTH_CHARS * 1.1)));
            row.setHeightInPoints(lines * 15f + 3f);
        }
        // On paper and in a PDF the sentences are what a reader wants; the KPI keys stay for the analysts on screen.
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, 1, 0, 3 + insights.size() - 1);
        sheet.getPrintSetup().setLandscape(true);
    }

    void kpis(List<Kpi> kpis) {
        Table.Builder table = Table.builder("kpis")
                .column("key", ColumnType.TEXT, "")
                .column("label", ColumnType.TEXT, "")
                .column("value", ColumnType.DECIMAL, "")
                .column("unit", ColumnType.TEXT, "")
                .column("period", ColumnType.TEXT, "")
                .column("definition", ColumnType.TEXT, "")
                .column("sources", ColumnType.TEXT, "")
                .column("note", ColumnType.TEXT, "");
        for (Kpi k : kpis) {
            String note = k.note() != null ? k.note()
                    : k.partial() ? "lower bound: " + k.to() + " was not over when the data was taken" : null;
            table.add(k.key(), k.label(), k.number(), k.unit(), k.period(), k.definition(), String.join(", ", k.sources()),
                    note);
        }
        // Each value in its KPI's own format; the unit stands in the next column, so euros show no "EUR" of their own.
        DataSheetWriter.RowStyles wrap = DataSheetWriter.RowStyles.wrapLongText(styles.wrapped());
        tables.write("KPIs", table.build(), "tbl_kpis", null,
                (row, column) -> column == 2 ? styles.ofUnitBesideIt((String) row[3]) : wrap.style(row, column));
        SXSSFSheet sheet = workbook.getSheet("KPIs");
        for (int r = 0; r < kpis.size(); r++) {
            Kpi k = kpis.get(r);
            Row row = sheet.getRow(r + 1);
            if (k.value() instanceof String text && row != null) {
                org.apache.poi.ss.usermodel.Cell cell = row.createCell(2);
                cell.setCellValue(text);
                cell.setCellStyle(row.getCell(0).getCellStyle()); // a text, aligned as the row's key is
            }
        }
    }

    void series(List<SeriesPoint> points) {
        Table.Builder table = Table.builder("series")
                .column("series", ColumnType.TEXT, "")
                .column("label", ColumnType.TEXT, "")
                .column("breakdown", ColumnType.TEXT, "")
                .column("member", ColumnType.TEXT, "")
                .column("unit", ColumnType.TEXT, "")
                .column("year", ColumnType.INTEGER, "")
                .column("value", ColumnType.DECIMAL, "")
                .column("lower_bound", ColumnType.BOOLEAN, "")
                .column("yoy_abs", ColumnType.DECIMAL, "")
                .column("yoy_pct", ColumnType.DECIMAL, "")
                .column("baseline_year", ColumnType.INTEGER, "")
                .column("change_since_baseline_abs", ColumnType.DECIMAL, "")
                .column("change_since_baseline_pct", ColumnType.DECIMAL, "")
                .column("note", ColumnType.TEXT, "");
        for (SeriesPoint p : points) {
            var s = p.series();
            table.add(s.key(), s.label(), s.breakdown(), s.member(), s.unit(), (long) p.year(), p.value(), p.lowerBound(),
                    p.yoyAbs(),
                    p.yoyPct(), (long) s.baseline(), p.baselineAbs(), p.baselinePct(), p.note());
        }
        tables.write("Series", table.build(), "tbl_series", null,
                DataSheetWriter.RowStyles.wrapLongText(styles.wrapped()));
    }

    void trends(List<Trend> trends) {
        Table.Builder table = Table.builder("trends")
                .column("series", ColumnType.TEXT, "")
                .column("label", ColumnType.TEXT, "")
                .column("breakdown", ColumnType.TEXT, "")
                .column("member", ColumnType.TEXT, "")
                .column("unit", ColumnType.TEXT, "")
                .column("first_year", ColumnType.INTEGER, "")
                .column("last_year", ColumnType.INTEGER, "")
                .column("points", ColumnType.INTEGER, "")
                .column("cagr", ColumnType.DECIMAL, "")
                .column("slope", ColumnType.DECIMAL, "")
                .column("r2", ColumnType.DECIMAL, "")
                .column("p_value", ColumnType.DECIMAL, "")
                .column("forecast_year", ColumnType.INTEGER, "")
                .column("forecast", ColumnType.DECIMAL, "")
                .column("lower_95", ColumnType.DECIMAL, "")
                .column("upper_95", ColumnType.DECIMAL, "")
                .column("indicative", ColumnType.BOOLEAN, "")
                .column("note", ColumnType.TEXT, "");
        for (Trend t : trends) {
            var s = t.series();
            table.add(s.key(), s.label(), s.breakdown(), s.member(), s.unit(), (long) t.firstYear(), (long) t.lastYear(),
                    (long) t.points(), t.cagr(), t.slope(), t.r2(), t.pValue(), (long) t.forecastYear(), t.forecast(),
                    t.lower95(), t.upper95(), t.indicative(), t.note());
        }
        tables.write("Trends", table.build(), "tbl_trends", null,
                DataSheetWriter.RowStyles.wrapLongText(styles.wrapped()));
    }

    /** Writes all four, in the workbook's order. */
    void write(ReportInfo info, Analysis analysis) {
        insights(info, analysis.insights());
        kpis(analysis.kpis());
        series(analysis.points());
        trends(analysis.trends());
    }
}
