package se.atmp2030.workbook.analyze;

import java.util.List;

/**
 * A headline number with a stable key ({@code trials.active}), so that templates, insight sentences and the analysts'
 * own formulas can name it.
 *
 * @param value   a {@code Double}, a {@code String} (a country's name), or {@code null} when it cannot be computed
 *                ({@link #note()} says why)
 * @param unit    what the value counts; {@code percent} values are fractions (0.25 is 25%)
 * @param from    first year of the period it covers
 * @param to      last year of the period it covers
 * @param partial whether the period's last year was not over when the data was taken, so the value is a lower bound
 * @param member  for a KPI per member of a dimension ({@code jobs.postings.sweden}), the member ({@code Sweden});
 *                otherwise {@code null}
 * @param pValue  for a trend's slope, the p-value of the regression (whether the slope says anything), else {@code null}
 */
public record Kpi(String key, String label, Object value, String unit, int from, int to, String definition,
                  List<String> sources, boolean partial, String note, String member, Double pValue) {
    public Kpi {
        sources = List.copyOf(sources);
    }

    public Kpi(String key, String label, Object value, String unit, int from, int to, String definition,
               List<String> sources, boolean partial, String note, String member) {
        this(key, label, value, unit, from, to, definition, sources, partial, note, member, null);
    }

    /** {@code 2018–2024}, or {@code 2024} for one year. */
    public String period() {
        return from == to ? String.valueOf(to) : from + "–" + to;
    }

    /** The value as a number, or {@code null} for text and missing values. */
    public Double number() {
        return value instanceof Double d ? d : null;
    }
}
