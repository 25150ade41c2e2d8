package se.atmp2030.workbook.fill;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.atmp2030.workbook.analyze.Analysis;
import se.atmp2030.workbook.analyze.Insights;
import se.atmp2030.workbook.analyze.Kpi;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Table;

/**
 * What changed since the previous build, as one pivot-ready table: every KPI whose value differs (old, new, change),
 * rows added and removed per dataset (rows compared by their full content), and the headline sentences that changed.
 */
final class Changes {
    private Changes() {
    }

    static Table table(XSSFWorkbook previous, BuildRecord before, Analysis analysis, List<Dataset> datasets) {
        Table.Builder table = Table.builder("changes")
                .column("kind", ColumnType.TEXT, "")
                .column("item", ColumnType.TEXT, "")
                .column("unit", ColumnType.TEXT, "")
                .column("old", ColumnType.DECIMAL, "")
                .column("new", ColumnType.DECIMAL, "")
                .column("change", ColumnType.DECIMAL, "")
                .column("old_text", ColumnType.TEXT, "")
                .column("new_text", ColumnType.TEXT, "");
        Map<String, String> oldKpis = before.of("kpi");
        for (Kpi kpi : analysis.kpis()) {
            String now = kpi.value() == null ? "" : BuildRecord.exact(kpi.value());
            String was = oldKpis.get(kpi.key());
            Double oldNumber = was == null ? null : number(was);
            Double newNumber = kpi.number();
            if (was == null || was.equals(now) || same(oldNumber, newNumber)) {
                continue;
            }
            table.add("KPI", kpi.key(), kpi.unit(), oldNumber, newNumber,
                    oldNumber != null && newNumber != null ? newNumber - oldNumber : null,
                    oldNumber == null ? was : null, newNumber == null ? now : null);
        }
        for (Dataset dataset : datasets) {
            String name = WorkbookWriter.dataSheetName(dataset.name());
            if (previous.getSheet(name) == null) {
                continue;
            }
            Map<String, Integer> old = new HashMap<>();
            int columns = dataset.table().columns().size();
            // A dataset longer than a sheet continued on "<name> (2)", "<name> (3)", ...
            for (int part = 1; previous.getSheet(part == 1 ? name : name + " (" + part + ")") != null; part++) {
                for (Row row : previous.getSheet(part == 1 ? name : name + " (" + part + ")")) {
                    if (row.getRowNum() > 0) {
                        old.merge(key(row, columns), 1, Integer::sum);
                    }
                }
            }
            int oldRows = old.values().stream().mapToInt(Integer::intValue).sum();
            int added = 0;
            for (Object[] values : dataset.table().rows()) {
                String key = key(values, dataset.table());
                Integer n = old.get(key);
                if (n == null || n == 0) {
                    added++;
                } else {
                    old.put(key, n - 1);
                }
            }
            int removed = old.values().stream().mapToInt(Integer::intValue).sum();
            if (added > 0 || removed > 0) {
                table.add("dataset", dataset.name(), "rows", (double) oldRows, (double) dataset.table().rowCount(),
                        (double) (dataset.table().rowCount() - oldRows), removed + " rows removed", added + " rows added");
            }
        }
        Map<String, String> oldInsights = before.of("insight");
        for (Insights.Insight insight : analysis.insights()) {
            String was = oldInsights.get(String.valueOf(insight.number()));
            if (was != null && !was.equals(insight.text())) {
                table.add("insight", "sentence " + insight.number(), null, null, null, null, was, insight.text());
            }
        }
        return table.build();
    }

    /** Two numbers equal to nine significant digits: an earlier build recorded its values rounded. */
    private static boolean same(Double a, Double b) {
        return a != null && b != null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static Double number(String text) {
        try {
            return text.isEmpty() ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A previous data row as text, cell by cell, the way {@link #key(Object[], Table)} writes a new one. */
    private static String key(Row row, int columns) {
        StringBuilder key = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            key.append(BuildRecord.cellText(row.getCell(c))).append('\u001F');
        }
        return key.toString();
    }

    private static String key(Object[] values, Table table) {
        StringBuilder key = new StringBuilder();
        for (Object v : values) {
            String text;
            if (v == null) {
                text = "";
            } else if (v instanceof LocalDate date) {
                text = BuildRecord.text(DateUtil.getExcelDate(date));
            } else if (v instanceof String s) {
                text = s.length() > DataSheetWriter.MAX_CELL_TEXT ? s.substring(0, DataSheetWriter.MAX_CELL_TEXT - 1) + "…" : s;
            } else {
                text = BuildRecord.text(v);
            }
            key.append(text).append('\u001F');
        }
        return key.toString();
    }
}
