package se.atmp2030.workbook.analyze;

/**
 * Something the analysis did that a reader of the workbook must know, though it stops nothing: a headline sentence left
 * out because its numbers do not exist in the data, a KPI of a member with no rows taken as zero. Each is logged and
 * listed on the Build report sheet.
 *
 * @param what  {@code sentence left out}, {@code KPI taken as 0}
 * @param where where it comes from, e.g. {@code workbook-templates/key-insights.txt:6}
 * @param note  why, in words
 * @param dataset the dataset it concerns, whose row on the Sources sheet also shows it; or {@code null}
 */
public record Notice(String what, String where, String note, String dataset) {
    public Notice(String what, String where, String note) {
        this(what, where, note, null);
    }

    @Override
    public String toString() {
        return what + " (" + where + "): " + note;
    }
}
