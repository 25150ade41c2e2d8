package se.atmp2030.workbook.fill;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table to fill at a template anchor: a header row and rows of values ({@code Double}, {@code String} or
 * {@code null}), with a number format per column and, optionally, a total row written as a live SUM formula.
 *
 * @param kind        {@code wide} when there is one value column per member of a dimension (a chart then plots one
 *                    series per column), {@code fixed} when the columns are always the same
 * @param formats     the Excel number format of each column, {@code null} for text
 * @param totalColumns the columns that get a SUM in a total row; empty for no total row
 * @param marked      the rows whose values are lower bounds (a year not over, a total missing a member): their first
 *                    cell reads "2024*", and {@code footnote} below the table says why
 */
record Grid(String kind, List<String> header, List<List<Object>> rows, List<String> formats, List<Integer> totalColumns,
            java.util.Set<Integer> marked, String footnote) {
    Grid {
        header = List.copyOf(header);
        rows = rows.stream().map(r -> (List<Object>) new ArrayList<>(r)).toList();
        formats = new ArrayList<>(formats);
        totalColumns = List.copyOf(totalColumns);
        marked = java.util.Set.copyOf(marked);
    }

    Grid(String kind, List<String> header, List<List<Object>> rows, List<String> formats, List<Integer> totalColumns) {
        this(kind, header, rows, formats, totalColumns, java.util.Set.of(), null);
    }

    /** The same grid with these rows marked as lower bounds and the footnote that says why. */
    Grid marking(java.util.Set<Integer> rows, String note) {
        return rows.isEmpty() ? this : new Grid(kind, header, this.rows, formats, totalColumns, rows, "* " + note);
    }

    boolean wide() {
        return "wide".equals(kind);
    }

    int columns() {
        return header.size();
    }

    /** Rows the grid takes on the sheet: header, data, the total row and the footnote if any. */
    int height() {
        return 1 + rows.size() + (totalColumns.isEmpty() ? 0 : 1) + (footnote == null ? 0 : 1);
    }
}
