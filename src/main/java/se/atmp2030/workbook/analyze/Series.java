package se.atmp2030.workbook.analyze;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A yearly time series: a named measure, optionally broken down by one member of a dimension (the series
 * {@code job_postings} for {@code country = Denmark}), with a value per year. A year absent from {@link #values()} is a
 * missing year: nothing was measured, which is not the same as zero.
 *
 * @param key       the series' stable name, e.g. {@code employees.sme}
 * @param label     what it measures, in words
 * @param breakdown the dimension it is broken down by ({@code country}), or {@code null} for a total
 * @param member    the dimension's value ({@code Denmark}), or {@code null} for a total
 * @param unit      the unit of the values ({@code persons}, {@code EUR}, {@code per million inhabitants})
 * @param baseline  the year that changes since a baseline count from (a year of the series, or its first year)
 * @param sources   the datasets it is computed from
 */
public record Series(String key, String label, String breakdown, String member, String unit, int baseline,
                     SortedMap<Integer, Double> values, List<String> sources) {
    public Series {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        sources = List.copyOf(sources);
    }

    public int firstYear() {
        return values.firstKey();
    }

    public int lastYear() {
        return values.lastKey();
    }

    public Double value(int year) {
        return values.get(year);
    }

}
