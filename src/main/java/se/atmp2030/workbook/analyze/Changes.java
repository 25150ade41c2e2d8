package se.atmp2030.workbook.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Year-over-year changes and changes since the baseline, point by point, with a stated reason where there is none. */
public final class Changes {
    private Changes() {
    }

    public static List<SeriesPoint> of(Series series) {
        List<SeriesPoint> points = new ArrayList<>();
        Double base = series.value(series.baseline());
        for (Map.Entry<Integer, Double> entry : series.values().entrySet()) {
            int year = entry.getKey();
            List<String> notes = new ArrayList<>();
            if (series.notes().containsKey(year)) {
                notes.add(series.notes().get(year));
            }
            if (entry.getValue() == null) {
                points.add(new SeriesPoint(series, year, null, null, null, null, null,
                        notes.isEmpty() ? "no value: the data has none for this year" : String.join("; ", notes)));
                continue;
            }
            double value = entry.getValue();
            Double yoyAbs = null;
            Double yoyPct = null;
            if (year > series.firstYear()) {
                Double previous = series.value(year - 1);
                if (previous == null) {
                    notes.add("no change from " + (year - 1) + ": that year is missing");
                } else {
                    yoyAbs = value - previous;
                    yoyPct = ratio(yoyAbs, previous);
                    if (yoyPct == null) {
                        notes.add("no % change from " + (year - 1) + ": it was zero");
                    }
                }
            }
            Double baseAbs = null;
            Double basePct = null;
            if (year > series.baseline()) {
                if (base == null) {
                    notes.add("no change since " + series.baseline() + ": that year is missing");
                } else {
                    baseAbs = value - base;
                    basePct = ratio(baseAbs, base);
                    if (basePct == null) {
                        notes.add("no % change since " + series.baseline() + ": it was zero");
                    }
                }
            }
            points.add(new SeriesPoint(series, year, value, yoyAbs, yoyPct, baseAbs, basePct,
                    notes.isEmpty() ? null : String.join("; ", notes)));
        }
        return points;
    }

    /** {@code change / base}, or {@code null} from a zero base. */
    static Double ratio(double change, double base) {
        return base == 0 ? null : change / base;
    }
}
