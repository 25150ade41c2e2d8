package se.atmp2030.workbook.collect;

/**
 * One thing wrong with the inputs, located as precisely as the format allows.
 *
 * @param file    the file as the user knows it ({@code inputs/clinical-trials/ctg-studies.csv})
 * @param line    1-based line where the record starts, or 0 when the problem concerns the whole file
 * @param where   the column or field, as the user would name it ({@code column "Start Date"}, {@code field "id"}), or
 *                {@code null}
 * @param message what is wrong and what was expected
 */
public record Problem(String file, long line, String where, String message) {

    /** Values longer than this are shortened in messages: a 20 MB line is never echoed to the terminal. */
    public static final int SHOWN = 80;

    /** The value as a message shows it: whole up to {@link #SHOWN} characters, else its start and its length. */
    public static String shorten(String value) {
        return shorten(value, SHOWN);
    }

    /** As {@link #shorten(String)}, for text that may run longer, such as the cause of a failure. */
    public static String shorten(String value, int shown) {
        if (value == null || value.length() <= shown) {
            return value;
        }
        return value.substring(0, shown - 20) + "… (" + String.format(java.util.Locale.ENGLISH, "%,d", value.length())
                + " characters)";
    }

    /** {@code column "Start Date"}: a column of a table-shaped file. */
    public static String column(String name) {
        return name == null ? null : "column \"" + name + "\"";
    }

    /** {@code field "protocolSection.statusModule.overallStatus"}: a field of a JSON or tagged record. */
    public static String field(String name) {
        return name == null ? null : "field \"" + name + "\"";
    }

    /** {@code inputs/x.csv:17: column "Start Date": "2023-13" is not a date (expected YYYY-MM or YYYY-MM-DD)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (where != null) {
            text.append(where).append(": ");
        }
        return text.append(message).toString();
    }
}
