package se.atmp2030.workbook.analyze;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A yearly time series: a named measure, optionally broken down by one member of a dimension (the series
 * {@code job_postings} for {@code country = Denmark}), with a value per year. A year absent from {@link #values()} is a
 * missing year: nothing was measured, which is not the same as zero. A year present with a {@code null} value is one of
 * the report's years for which the data has no value at all (a measure of an empty dataset); {@link #notes()} says why.
 *
 * @param key       the series' stable name, e.g. {@code employees.sme}
 * @param label     what it measures, in words
 * @param breakdown the dimension it is broken down by ({@code country}), or {@code null} for a total
 * @param member    the dimension's value ({@code Denmark}), or {@code null} for a total
 * @param unit      the unit of the values ({@code persons}, {@code EUR}, {@code per million inhabitants})
 * @param baseline  the year that changes since a baseline count from (a year of the series, or its first year)
 * @param sources   the datasets it is computed from
 * @param notes     what a reader must know about the value of a year (an estimate, a stand-in), by year
 * @param lowerBounds the years whose value is a lower bound: not over when the data was taken, or a member of the
 *                  total without a figure; their {@link #notes()} say which. Trends leave them out.
 */
public record Series(String key, String label, String breakdown, String member, String unit, int baseline,
                     SortedMap<Integer, Double> values, List<String> sources, Map<Integer, String> notes,
                     java.util.Set<Integer> lowerBounds) {
    public Series {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        sources = List.copyOf(sources);
        notes = Map.copyOf(notes);
        lowerBounds = java.util.Set.copyOf(lowerBounds);
    }

    public Series(String key, String label, String breakdown, String member, String unit, int baseline,
                  SortedMap<Integer, Double> values, List<String> sources, Map<Integer, String> notes) {
        this(key, label, breakdown, member, unit, baseline, values, sources, notes, java.util.Set.of());
    }

    /** Whether the year's value is a lower bound. */
    public boolean lowerBound(int year) {
        return lowerBounds.contains(year);
    }

    /** The same series with these years' values marked as lower bounds, each with its note. */
    public Series withLowerBounds(Map<Integer, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<Integer, String> allNotes = new java.util.HashMap<>(notes);
        more.forEach((year, note) -> allNotes.merge(year, note, (a, b) -> a.equals(b) ? a : a + "; " + b));
        java.util.Set<Integer> all = new java.util.HashSet<>(lowerBounds);
        all.addAll(more.keySet());
        return new Series(key, label, breakdown, member, unit, baseline, values, sources, allNotes, all);
    }

    /** The years that have a value and are complete: those a trend is fitted to. */
    public SortedMap<Integer, Double> complete() {
        SortedMap<Integer, Double> complete = measured();
        complete.keySet().removeAll(lowerBounds);
        return complete;
    }

    public Series(String key, String label, String breakdown, String member, String unit, int baseline,
                  SortedMap<Integer, Double> values, List<String> sources) {
        this(key, label, breakdown, member, unit, baseline, values, sources, Map.of());
    }

    public int firstYear() {
        return values.firstKey();
    }

    public int lastYear() {
        return values.lastKey();
    }

    /** The value of a year, or {@code null} when the year is missing or has no value. */
    public Double value(int year) {
        return values.get(year);
    }

    /** The years that have a value. */
    public SortedMap<Integer, Double> measured() {
        SortedMap<Integer, Double> measured = new TreeMap<>();
        values.forEach((year, value) -> {
            if (value != null) {
                measured.put(year, value);
            }
        });
        return measured;
    }

    /** Whether no year has a value. */
    public boolean empty() {
        return values.values().stream().allMatch(java.util.Objects::isNull);
    }
}
