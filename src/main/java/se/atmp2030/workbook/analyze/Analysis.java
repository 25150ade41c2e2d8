package se.atmp2030.workbook.analyze;

import java.util.List;

/**
 * Everything the analyses computed: series with their yearly changes, trends, KPIs and the headline sentences, the
 * series the report declares (so that a template naming one always gets a table) and the notices for the Build report.
 */
public record Analysis(List<Series> series, List<SeriesPoint> points, List<Trend> trends, List<Kpi> kpis,
                       List<Insights.Insight> insights, List<SeriesKey> declared, List<Notice> notices,
                       int sentenceLines) {
    public Analysis {
        series = List.copyOf(series);
        points = List.copyOf(points);
        trends = List.copyOf(trends);
        kpis = List.copyOf(kpis);
        insights = List.copyOf(insights);
        declared = List.copyOf(declared);
        notices = List.copyOf(notices);
    }

    public Analysis(List<Series> series, List<SeriesPoint> points, List<Trend> trends, List<Kpi> kpis,
                    List<Insights.Insight> insights) {
        this(series, points, trends, kpis, insights, List.of(), List.of(), insights.size());
    }

    /** The same analysis with more notices for the Build report (things the build left out before analysing). */
    public Analysis withNotices(List<Notice> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Notice> all = new java.util.ArrayList<>(more);
        all.addAll(notices);
        return new Analysis(series, points, trends, kpis, insights, declared, all, sentenceLines);
    }

    /** The sentence of a line of key-insights.txt ({@code ${insight.<n>}}), or {@code null} when it was left out. */
    public Insights.Insight insight(int ordinal) {
        return insights.stream().filter(i -> i.ordinal() == ordinal).findFirst().orElse(null);
    }

    /** The declaration of a series key, or {@code null}. */
    public SeriesKey declared(String key) {
        return declared.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }
}
