package se.atmp2030.workbook.analyze;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.ReportSettings;

/**
 * Computes the analyses from the collected datasets: the report's time series (with year-over-year changes, changes
 * since the baseline and trends, via commons-math3), its KPIs, and the headline sentences from their patterns.
 */
public final class Analyzer {
    /**
     * @param patterns     the lines of the key-insights file
     * @param patternsFile how messages name that file
     */
    public Analysis analyze(List<Dataset> datasets, ReportSettings settings, List<String> patterns, String patternsFile,
                            Problems problems) {
        Rows rows = new Rows(datasets);
        List<Series> series = new SeriesCatalogue(rows, settings).build();
        List<SeriesPoint> points = series.stream().flatMap(s -> Changes.of(s).stream()).toList();
        List<Trend> trends = series.stream().map(Trends::of).toList();
        List<Kpi> kpis = new KpiCatalogue(rows, settings, series, datasets).compute();
        Map<String, Kpi> byKey = new LinkedHashMap<>();
        kpis.forEach(k -> byKey.put(k.key(), k));
        List<Insights.Insight> insights = Insights.render(patterns, patternsFile, byKey, problems);
        return new Analysis(series, points, trends, kpis, insights);
    }
}
