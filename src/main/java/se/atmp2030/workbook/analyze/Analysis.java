package se.atmp2030.workbook.analyze;

import java.util.List;

/** Everything the analyses computed: series with their yearly changes, trends, KPIs and the headline sentences. */
public record Analysis(List<Series> series, List<SeriesPoint> points, List<Trend> trends, List<Kpi> kpis,
                       List<Insights.Insight> insights) {
    public Analysis {
        series = List.copyOf(series);
        points = List.copyOf(points);
        trends = List.copyOf(trends);
        kpis = List.copyOf(kpis);
        insights = List.copyOf(insights);
    }
}
