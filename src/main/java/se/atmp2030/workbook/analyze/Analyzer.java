package se.atmp2030.workbook.analyze;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
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
     * @param referenced   the KPI keys the template names; a member with no rows among them is a KPI of 0
     */
    public Analysis analyze(List<Dataset> datasets, ReportSettings settings, List<String> patterns, String patternsFile,
                            Collection<String> referenced, Problems problems) {
        Periods periods = new Periods(settings, datasets);
        Rows rows = new Rows(datasets, settings.year());
        SeriesCatalogue catalogue = new SeriesCatalogue(rows, settings, periods);
        List<Series> series = catalogue.build();
        List<SeriesPoint> points = series.stream().flatMap(s -> Changes.of(s).stream()).toList();
        List<Trend> trends = series.stream().map(Trends::of).toList();
        List<Kpi> kpis = new ArrayList<>(new KpiCatalogue(rows, settings, series, periods).compute());
        List<Notice> notices = new ArrayList<>(periods.notices());
        rows.cut().forEach((dataset, n) -> notices.add(new Notice("rows after the report year", dataset, n
                + (n == 1 ? " row is" : " rows are") + " dated after " + settings.year() + ", the report year: left out of "
                + "every KPI, series and trend (the data sheet still has them); set year in report.properties to include "
                + "them", dataset)));
        notices.addAll(catalogue.notices());
        notices.addAll(rows.spellingNotices());
        Set<String> wanted = new TreeSet<>(referenced);
        wanted.addAll(kpiKeys(patterns));
        Map<String, Kpi> byKey = new LinkedHashMap<>();
        kpis.forEach(k -> byKey.put(k.key(), k));
        // The members with rows: the KPIs computed from the data, before any member without rows is added as 0.
        List<Kpi> computed = List.copyOf(kpis);
        for (String key : wanted) {
            if (!byKey.containsKey(key)) {
                Kpi zero = KpiCatalogue.zeroMember(key, computed, settings.year());
                if (zero != null) {
                    kpis.add(zero);
                    byKey.put(key, zero);
                    notices.add(new Notice("KPI taken as 0", "kpi." + key, zero.note()));
                }
            }
        }
        Insights.Rendered rendered = Insights.render(patterns, patternsFile, byKey, problems);
        notices.addAll(rendered.notices());
        return new Analysis(series, points, trends, kpis, rendered.insights(), catalogue.declared(), notices,
                rendered.sentenceLines());
    }

    /** The KPI keys that the sentences name. */
    static Set<String> kpiKeys(Collection<String> lines) {
        Set<String> keys = new TreeSet<>();
        for (String line : lines) {
            Matcher m = Insights.PLACEHOLDER.matcher(line);
            while (m.find()) {
                String name = m.group(1).strip();
                if (name.startsWith("kpi.")) {
                    keys.add(name.substring(4));
                }
            }
            try {
                keys.addAll(Wordings.conditionKpis(line));
            } catch (IllegalArgumentException e) {
                // reported with its line when the sentences are checked
            }
        }
        return keys;
    }
}
