package se.atmp2030.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A generated sheet of a built workbook read back as rows of values by header (numbers as Double, booleans as
 * Boolean, text as String, blanks absent), for tests that check what the workbook says against their own calculation.
 */
public final class SheetTable {
    private final List<Map<String, Object>> rows;

    private SheetTable(List<Map<String, Object>> rows) {
        this.rows = rows;
    }

    /** Reads every sheet named here from one workbook. */
    public static Map<String, SheetTable> read(Path book, String... sheets) throws IOException {
        Map<String, SheetTable> tables = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (String name : sheets) {
                XSSFSheet sheet = Objects.requireNonNull(workbook.getSheet(name), "no sheet " + name);
                tables.put(name, of(sheet, 0));
            }
        }
        return tables;
    }

    /** The table whose header is on the given row of the sheet. */
    public static SheetTable of(XSSFSheet sheet, int headerRow) {
        Row header = sheet.getRow(headerRow);
        List<String> names = new ArrayList<>();
        for (Cell cell : header) {
            while (names.size() < cell.getColumnIndex()) {
                names.add(null);
            }
            names.add(cell.getStringCellValue());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Cell cell : row) {
                if (cell.getColumnIndex() >= names.size() || names.get(cell.getColumnIndex()) == null) {
                    continue;
                }
                CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
                Object value = switch (type) {
                    case NUMERIC -> cell.getNumericCellValue();
                    case BOOLEAN -> cell.getBooleanCellValue();
                    case STRING -> cell.getStringCellValue().isEmpty() ? null : cell.getStringCellValue();
                    default -> formatter.formatCellValue(cell).isEmpty() ? null : formatter.formatCellValue(cell);
                };
                if (value != null) {
                    values.put(names.get(cell.getColumnIndex()), value);
                }
            }
            if (!values.isEmpty()) {
                rows.add(values);
            }
        }
        return new SheetTable(rows);
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    public List<Map<String, Object>> where(Predicate<Map<String, Object>> filter) {
        return rows.stream().filter(filter).toList();
    }

    /** The one row whose column holds this value (a number compares as a number). */
    public Map<String, Object> row(String column, Object value) {
        List<Map<String, Object>> found = where(r -> same(r.get(column), value));
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows with " + column + " = " + value);
        }
        return found.get(0);
    }

    /** The rows of a series on the Series sheet: {@code year -> row}, for the total when {@code member} is null. */
    public Map<Integer, Map<String, Object>> series(String key, String member) {
        Map<Integer, Map<String, Object>> byYear = new java.util.TreeMap<>();
        where(r -> key.equals(r.get("series")) && Objects.equals(member, r.get("member")))
                .forEach(r -> byYear.put(((Double) r.get("year")).intValue(), r));
        return byYear;
    }

    /** The row of a series' trend on the Trends sheet, for the total when {@code member} is null. */
    public Map<String, Object> trend(String key, String member) {
        List<Map<String, Object>> found = where(r -> key.equals(r.get("series")) && Objects.equals(member, r.get("member")));
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " trends of " + key + " " + member);
        }
        return found.get(0);
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
