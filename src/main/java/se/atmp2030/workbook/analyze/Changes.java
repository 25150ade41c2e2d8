package se.atmp2030.workbook.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Year-over-year changes and changes since the baseline, point by point, with a stated reason where there is none.
 *
 * <p>A change into a year whose value is a lower bound (a year not over when the data was taken, a total missing a
 * member) is kept only when it is a rise, which the missing part can only make larger: it is then a lower bound too.
 * A fall or no change into such a year, and any change from one, says nothing and is not computed.
 */
public final class Changes {
    private Changes() {
    }

    public static List<SeriesPoint> of(Series series) {
        List<SeriesPoint> points = new ArrayList<>();
        Double base = series.value(series.baseline());
        for (Map.Entry<Integer, Double> entry : series.values().entrySet()) {
            int year = entry.getKey();
            boolean lowerBound = series.lowerBound(year);
            List<String> notes = new ArrayList<>();
            if (series.notes().containsKey(year)) {
                notes.add(series.notes().get(year));
            }
            if (entry.getValue() == null) {
                points.add(new SeriesPoint(series, year, null, null, null, null, null,
                        notes.isEmpty() ? "no value: the data has none for this year" : String.join("; ", notes), false));
                continue;
            }
            double value = entry.getValue();
            Double[] yoy = {null, null};
            if (year > series.firstYear()) {
                yoy = change(series, value, year, year - 1, "change from", notes);
            }
            Double[] since = {null, null};
            if (year > series.baseline()) {
                since = base == null ? missing(series.baseline(), notes)
                        : change(series, value, year, series.baseline(), "change since", notes);
            }
            points.add(new SeriesPoint(series, year, value, yoy[0], yoy[1], since[0], since[1],
                    notes.isEmpty() ? null : String.join("; ", notes), lowerBound));
        }
        return points;
    }

    private static Double[] missing(int from, List<String> notes) {
        notes.add("no change since " + from + ": that year is missing");
        return new Double[] {null, null};
    }

    /** The change from {@code from} to {@code year}, absolute and relative, under the rule on lower bounds. */
    private static Double[] change(Series series, double value, int year, int from, String words, List<String> notes) {
        Double previous = series.value(from);
        if (previous == null) {
            notes.add("no " + words + " " + from + ": that year is missing");
            return new Double[] {null, null};
        }
        if (series.lowerBound(from)) {
            notes.add("no " + words + " " + from + ": that year's value is a lower bound");
            return new Double[] {null, null};
        }
        double abs = value - previous;
        if (series.lowerBound(year) && abs <= 0) {
            notes.add("no " + words + " " + from + ": " + year + " is a lower bound and shows no rise yet");
            return new Double[] {null, null};
        }
        Double pct = ratio(abs, previous);
        if (pct == null) {
            notes.add("no % " + words + " " + from + ": it was zero");
        }
        return new Double[] {abs, pct};
    }

    /** {@code change / base}, or {@code null} from a zero base. */
    static Double ratio(double change, double base) {
        return base == 0 ? null : change / base;
    }
}
