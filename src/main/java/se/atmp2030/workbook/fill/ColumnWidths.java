package se.atmp2030.workbook.fill;

import org.apache.poi.ss.usermodel.Sheet;
import se.atmp2030.workbook.collect.ColumnType;

/**
 * Column widths from the number of characters shown, without POI's autoSizeColumn: that measures text with AWT fonts,
 * which is slow and fails on a headless machine without fonts.
 */
final class ColumnWidths {
    private static final int MIN_CHARS = 6;
    static final int MAX_CHARS = 60;
    private final int[] chars;

    ColumnWidths(int columns) {
        chars = new int[columns];
    }

    void measure(int column, String text, boolean header) {
        int longestLine = 0;
        for (String line : text.split("\n")) {
            longestLine = Math.max(longestLine, line.length());
        }
        // Header text is bold, and the filter button takes about two characters.
        int width = header ? longestLine + 4 : longestLine + 1;
        chars[column] = Math.max(chars[column], width);
    }

    void apply(Sheet sheet) {
        for (int c = 0; c < chars.length; c++) {
            int width = Math.min(MAX_CHARS, Math.max(MIN_CHARS, chars[c]));
            sheet.setColumnWidth(c, width * 256 + 200);
        }
    }

    /** The text a value shows as, for measuring. */
    static String display(ColumnType type, Object value) {
        return switch (type) {
            case DATE -> "2024-01-01";
            case INTEGER -> String.format("%,d", (Long) value); // at most one character wider than a year shows
            case DECIMAL -> String.format("%,.2f", (Double) value);
            case BOOLEAN -> ((Boolean) value) ? "TRUE" : "FALSE";
            case TEXT -> (String) value;
        };
    }

}
