package se.atmp2030.workbook.fill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * What a build wrote, kept in the workbook itself on a very hidden sheet, so that the next build can tell the analysts'
 * edits from its own output: the KPI values and sentences (for the Changes sheet), each cell it filled from a
 * placeholder, the chart titles and series names it set, and the template's sheets. LibreOffice and Excel keep the
 * sheet when they save the workbook.
 */
final class BuildRecord {
    static final String SHEET = "_build";

    /** One fact: its kind, its key (a KPI key, a cell address, a sheet name), and its value as text. */
    record Entry(String kind, String key, String value) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(String kind, String key, Object value) {
        entries.add(new Entry(kind, key, value == null ? "" : text(value)));
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Entries of one kind, by key, in the order written. */
    Map<String, String> of(String kind) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.stream().filter(e -> e.kind().equals(kind)).forEach(e -> map.put(e.key(), e.value()));
        return map;
    }

    void writeTo(Workbook workbook) {
        int existing = workbook.getSheetIndex(SHEET);
        if (existing >= 0) {
            workbook.removeSheetAt(existing);
        }
        Sheet sheet = workbook.createSheet(SHEET);
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("kind");
        header.createCell(1).setCellValue("key");
        header.createCell(2).setCellValue("value");
        for (int i = 0; i < entries.size(); i++) {
            Row row = sheet.createRow(i + 1);
            row.createCell(0).setCellValue(entries.get(i).kind());
            row.createCell(1).setCellValue(entries.get(i).key());
            row.createCell(2).setCellValue(entries.get(i).value());
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(SHEET), SheetVisibility.VERY_HIDDEN);
    }

    /** The record of an earlier build, or an empty one when the workbook has none. */
    static BuildRecord readFrom(Workbook workbook) {
        BuildRecord record = new BuildRecord();
        Sheet sheet = workbook.getSheet(SHEET);
        if (sheet == null) {
            return record;
        }
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            record.entries.add(new Entry(cellText(row.getCell(0)), cellText(row.getCell(1)), cellText(row.getCell(2))));
        }
        return record;
    }

    /** A cell's content as the record writes it, so that a value read back compares equal to the one written. */
    static String cellText(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            // LibreOffice saves a boolean as the formula TRUE() or FALSE() with a cached 1 or 0.
            String formula = cell.getCellFormula();
            if ("TRUE()".equals(formula) || "FALSE()".equals(formula)) {
                return String.valueOf("TRUE()".equals(formula));
            }
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> text(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }

    /** A value as text at full precision, for the KPI values the next build reports changes of. */
    static String exact(Object value) {
        if (value instanceof Double d && d != Math.rint(d)) {
            return Double.toString(d);
        }
        return text(value);
    }

    /**
     * A value as text for comparing cells, rounded to nine decimals: LibreOffice writes 15 significant digits, Java
     * 17, and a number saved by LibreOffice must still read as the one written.
     */
    static String text(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
                    : String.valueOf(Math.round(d * 1e9) / 1e9);
        }
        if (value instanceof Number n) {
            return text(n.doubleValue());
        }
        return String.valueOf(value);
    }
}
