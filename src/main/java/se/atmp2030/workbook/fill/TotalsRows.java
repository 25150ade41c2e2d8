package se.atmp2030.workbook.fill;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STTotalsRowFunction;
import se.atmp2030.workbook.collect.ColumnType;

/**
 * The totals rows analysts switch on for the generated tables (Excel's Table Design, Total Row; LibreOffice's "Contains
 * totals row" with AutoSum below), so that a rebuilt table keeps its totals row with the same functions over the new
 * rows, and formulas such as {@code tbl_cart_infusions[[#Totals],[infusions]]} keep working.
 *
 * <p>Excel records each column's function on the table ({@code totalsRowFunction="sum"}); LibreOffice records only that
 * there is a totals row, and the analyst's {@code SUBTOTAL(109,F2:F118)} in the cell, whose range would miss the new rows:
 * both become {@code SUBTOTAL(109,tbl_x[column])}, over the whole column whatever its length.
 */
final class TotalsRows {
    /** One column's cell in the totals row: a label, a SUBTOTAL function code, or a formula of the analyst's own. */
    record Total(String label, int code, String formula) {
        static Total label(String text) {
            return new Total(text, 0, null);
        }

        static Total function(int code) {
            return new Total(null, code, null);
        }

        static Total custom(String formula) {
            return new Total(null, 0, formula);
        }
    }

    private static final Pattern SUBTOTAL = Pattern.compile("^\\s*SUBTOTAL\\(\\s*(\\d{1,3})\\s*[,;]", Pattern.CASE_INSENSITIVE);
    /** Excel's totals functions and the SUBTOTAL code each writes into the cell. */
    private static final Map<String, Integer> CODES = Map.of("average", 101, "countNums", 102, "count", 103, "max", 104,
            "min", 105, "stdDev", 107, "sum", 109, "var", 110);

    private TotalsRows() {
    }

    /** The totals rows of the workbook's tables: by lower-case table name, each column's total by column name. */
    static Map<String, Map<String, Total>> read(XSSFWorkbook workbook) {
        Map<String, Map<String, Total>> totals = new HashMap<>();
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            XSSFSheet sheet = workbook.getSheetAt(s);
            for (XSSFTable table : sheet.getTables()) {
                if (!table.getCTTable().isSetTotalsRowCount() || table.getCTTable().getTotalsRowCount() < 1) {
                    continue;
                }
                XSSFRow row = sheet.getRow(table.getEndRowIndex());
                Map<String, Total> columns = new LinkedHashMap<>();
                var list = table.getCTTable().getTableColumns().getTableColumnList();
                for (int c = 0; c < list.size(); c++) {
                    XSSFCell cell = row == null ? null : row.getCell(table.getStartColIndex() + c);
                    Total total = of(list.get(c), cell);
                    if (total != null) {
                        columns.put(list.get(c).getName(), total);
                    }
                }
                totals.put(table.getName().toLowerCase(Locale.ROOT), columns);
            }
        }
        return totals;
    }

    private static Total of(CTTableColumn column, XSSFCell cell) {
        if (column.isSetTotalsRowFunction() && column.getTotalsRowFunction() != STTotalsRowFunction.NONE) {
            if (column.getTotalsRowFunction() == STTotalsRowFunction.CUSTOM) {
                return column.isSetTotalsRowFormula() ? Total.custom(column.getTotalsRowFormula().getStringValue()) : null;
            }
            return Total.function(CODES.get(column.getTotalsRowFunction().toString()));
        }
        if (cell != null && cell.getCellType() == CellType.FORMULA) {
            String formula = Formulas.text(cell);
            Matcher subtotal = SUBTOTAL.matcher(formula);
            if (subtotal.find()) {
                int code = Integer.parseInt(subtotal.group(1));
                if (code >= 1 && code <= 11 || code >= 101 && code <= 111) {
                    return Total.function(code);
                }
            }
            return Total.custom(formula);
        }
        if (column.isSetTotalsRowLabel()) {
            return Total.label(column.getTotalsRowLabel());
        }
        if (cell != null && cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isBlank()) {
            return Total.label(cell.getStringCellValue());
        }
        return null;
    }

    /** Excel's name for a SUBTOTAL code's totals function, or {@code custom} for those the Total Row menu lacks. */
    static STTotalsRowFunction.Enum function(int code) {
        for (Map.Entry<String, Integer> entry : CODES.entrySet()) {
            if (entry.getValue() == code) {
                return STTotalsRowFunction.Enum.forString(entry.getKey());
            }
        }
        return STTotalsRowFunction.CUSTOM;
    }

    /**
     * What SUBTOTAL gives over one column's values (no hidden rows in a fresh table): computed here so that viewers that
     * do not recalculate show it. {@code null} where Excel shows an error (an average of nothing).
     */
    static final class Accumulator {
        private final ColumnType type;
        private long numbers;
        private long nonBlank;
        private double sum;
        private double product = 1;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double mean;
        private double squares; // Welford's running sum of squared deviations

        Accumulator(ColumnType type) {
            this.type = type;
        }

        void add(Object value) {
            if (value == null) {
                return;
            }
            nonBlank++;
            double x;
            switch (type) {
                case INTEGER -> x = ((Long) value).doubleValue();
                case DECIMAL -> x = (Double) value;
                case DATE -> x = DateUtil.getExcelDate((LocalDate) value);
                default -> {
                    return;
                }
            }
            numbers++;
            sum += x;
            product *= x;
            min = Math.min(min, x);
            max = Math.max(max, x);
            double delta = x - mean;
            mean += delta / numbers;
            squares += delta * (x - mean);
        }

        Double result(int code) {
            return switch (code % 100) {
                case 1 -> numbers == 0 ? null : sum / numbers;
                case 2 -> (double) numbers;
                case 3 -> (double) nonBlank;
                case 4 -> numbers == 0 ? 0.0 : max;
                case 5 -> numbers == 0 ? 0.0 : min;
                case 6 -> numbers == 0 ? 0.0 : product;
                case 7 -> numbers < 2 ? null : Math.sqrt(squares / (numbers - 1));
                case 8 -> numbers == 0 ? null : Math.sqrt(squares / numbers);
                case 9 -> sum;
                case 10 -> numbers < 2 ? null : squares / (numbers - 1);
                case 11 -> numbers == 0 ? null : squares / numbers;
                default -> null;
            };
        }
    }
}
