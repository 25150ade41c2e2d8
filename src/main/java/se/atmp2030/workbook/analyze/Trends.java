package se.atmp2030.workbook.analyze;

import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Fits a {@link Trend} to a series with commons-math3. */
public final class Trends {
    /** Fewer points than this make a trend indicative only. */
    public static final int MIN_POINTS_FOR_TREND = 4;
    /** A slope is a trend in words ("continues to increase") only below this p-value; above it the series is stable. */
    public static final double SIGNIFICANCE = 0.05;

    private Trends() {
    }

    public static Trend of(Series series) {
        // Fitted to the complete years: a year not over, or a total missing a member, would bend the line down.
        SortedMap<Integer, Double> measured = series.complete();
        StringBuilder notes = new StringBuilder();
        java.util.SortedSet<Integer> left = new java.util.TreeSet<>(series.measured().keySet());
        left.removeAll(measured.keySet());
        if (!left.isEmpty()) {
            note(notes, "left out: " + left.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + (left.size() == 1 ? " (its value is a lower bound)" : " (their values are lower bounds)"));
        }
        if (measured.isEmpty()) {
            note(notes, "no trend: the data has no value for any year");
            return new Trend(series, series.firstYear(), series.lastYear(), 0, null, null, null, null,
                    series.lastYear() + 1, null, null, null, true, notes.toString());
        }
        int first = measured.firstKey();
        int last = measured.lastKey();
        int n = measured.size();

        Double cagr = cagr(measured.get(first), measured.get(last), last - first, notes, first);

        SimpleRegression regression = new SimpleRegression();
        for (Map.Entry<Integer, Double> point : measured.entrySet()) {
            regression.addData(point.getKey(), point.getValue());
        }
        Double slope = null;
        Double r2 = null;
        Double pValue = null;
        Double forecast = null;
        Double lower = null;
        Double upper = null;
        int forecastYear = last + 1;
        if (n < 2) {
            note(notes, "no trend from a single year");
        } else {
            slope = regression.getSlope();
            forecast = regression.predict(forecastYear);
            double sxx = regression.getXSumSquares();
            if (n < 3) {
                note(notes, "no R², p-value or interval from two years");
            } else {
                r2 = finite(regression.getRSquare());
                pValue = finite(regression.getSignificance());
                if (r2 == null) {
                    note(notes, "no R²: the values do not vary");
                }
                double mse = regression.getMeanSquareError();
                double xMean = measured.keySet().stream().mapToInt(Integer::intValue).average().orElseThrow();
                // No random generator: TDistribution(df) seeds a Well19937c for sampling, costly and unused here.
                double t = new TDistribution(null, n - 2).inverseCumulativeProbability(0.975);
                double half = t * Math.sqrt(mse * (1 + 1.0 / n + Math.pow(forecastYear - xMean, 2) / sxx));
                lower = forecast - half;
                upper = forecast + half;
            }
        }
        boolean indicative = n < MIN_POINTS_FOR_TREND;
        if (indicative && n >= 2) {
            note(notes, "indicative: only " + n + " years");
        }
        if (n != last - first + 1) {
            note(notes, (last - first + 1 - n) + " missing years between " + first + " and " + last);
        }
        return new Trend(series, first, last, n, cagr, slope, r2, pValue, forecastYear, forecast, lower, upper, indicative,
                notes.length() == 0 ? null : notes.toString());
    }

    /** Compound annual growth rate: {@code (last / first)^(1 / years) - 1}. */
    static Double cagr(Double firstValue, Double lastValue, int years, StringBuilder notes, int firstYear) {
        if (years <= 0) {
            note(notes, "no CAGR from a single year");
            return null;
        }
        if (firstValue == 0) {
            note(notes, "no CAGR: " + firstYear + " was zero");
            return null;
        }
        if (firstValue < 0 || lastValue < 0) {
            note(notes, "no CAGR across negative values");
            return null;
        }
        return Math.pow(lastValue / firstValue, 1.0 / years) - 1;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static void note(StringBuilder notes, String note) {
        notes.append(notes.length() == 0 ? "" : "; ").append(note);
    }
}
