package se.atmp2030.workbook.analyze;

/**
 * One year of a series with its changes. A change that cannot be computed (from a zero, or across a missing year) is
 * {@code null}, never Infinity, NaN or a made-up zero, and {@link #note()} says why; so is the value of a year the
 * data has none for.
 *
 * @param yoyPct      change against the year before, as a fraction (0.25 is +25%)
 * @param baselinePct change since the series' baseline year, as a fraction
 * @param lowerBound  whether the value is a lower bound (and so are the changes into it that are given)
 */
public record SeriesPoint(Series series, int year, Double value, Double yoyAbs, Double yoyPct, Double baselineAbs,
                          Double baselinePct, String note, boolean lowerBound) {
}
