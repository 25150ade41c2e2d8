package se.atmp2030.workbook.collect;

/**
 * One thing wrong with the inputs, located as precisely as the format allows.
 *
 * @param file   the file as the user knows it ({@code inputs/clinical-trials/ctg-studies.csv})
 * @param line   1-based line where the record starts, or 0 when the problem concerns the whole file
 * @param column the column or field name as written in the file, or {@code null}
 * @param message what is wrong and what was expected
 */
public record Problem(String file, long line, String column, String message) {

    /** {@code inputs/x.csv:17: column "Start Date": "2023-13" is not a date (expected YYYY-MM or YYYY-MM-DD)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (column != null) {
            text.append(columnWord(column)).append(" \"").append(column).append("\": ");
        }
        return text.append(message).toString();
    }

    private static String columnWord(String column) {
        // JSON paths (protocolSection.statusModule...) are fields, not columns.
        return column.contains(".") || column.startsWith("$") ? "field" : "column";
    }
}
