package se.atmp2030.workbook.analyze;

import java.util.List;

/**
 * A series the report declares, whatever the data holds: its key, the breakdowns it has, and the report's years for
 * it, so that a template naming it always gets a table, with zeros or missing values when the data is empty.
 *
 * @param breakdowns the dimensions it is broken down by ({@code country}); members exist only where the data has them
 * @param firstYear  the first of the report's years for its topic ({@code from.<topic>} or five years back)
 * @param lastYear   the report year
 */
public record SeriesKey(String key, String label, String unit, List<String> breakdowns, int firstYear, int lastYear) {
    public SeriesKey {
        breakdowns = List.copyOf(breakdowns);
    }
}
