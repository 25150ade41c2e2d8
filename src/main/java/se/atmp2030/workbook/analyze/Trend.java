package se.atmp2030.workbook.analyze;

/**
 * The trend of a series: compound annual growth from its first to its last year, and a least-squares line through its
 * points with the forecast for the next year and its 95% prediction interval. A statistic that cannot be computed is
 * {@code null}, and {@link #note()} says why.
 *
 * @param indicative whether the series has fewer than {@link Trends#MIN_POINTS_FOR_TREND} points, too few to trust the line
 */
public record Trend(Series series, int firstYear, int lastYear, int points, Double cagr, Double slope, Double r2,
                    Double pValue, int forecastYear, Double forecast, Double lower95, Double upper95, boolean indicative,
                    String note) {
}
