package se.atmp2030.workbook.fill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import se.atmp2030.workbook.analyze.Analysis;
import se.atmp2030.workbook.analyze.Insights;
import se.atmp2030.workbook.analyze.Kpi;
import se.atmp2030.workbook.analyze.KpiCatalogue;
import se.atmp2030.workbook.analyze.KpiDefinition;
import se.atmp2030.workbook.analyze.SeriesKey;
import se.atmp2030.workbook.analyze.Series;
import se.atmp2030.workbook.analyze.SeriesPoint;
import se.atmp2030.workbook.analyze.Trend;

/**
 * Makes the grid a template anchor asks for, from the analyses, knowing series and KPIs only by the keys the template
 * names. Anchors are cells holding one of:
 *
 * <ul>
 *   <li>{@code ${table:insights}}: the headline sentences, numbered</li>
 *   <li>{@code ${table:series:<key>}}: a total series year by year, with its changes</li>
 *   <li>{@code ${table:series:<key>:<breakdown>}}: a series broken down, one column per member (a "wide" grid)</li>
 *   <li>{@code ${table:latest:<key>:<breakdown>}}: each member's value in the latest year, largest first</li>
 *   <li>{@code ${table:trend:<key>}}: a total series with its fitted line and next year's forecast and interval</li>
 *   <li>{@code ${table:kpis:<prefix>}}: the KPIs {@code <prefix>.<member>}, one row each, with a total</li>
 * </ul>
 */
final class GridSource {
    static final String COUNT = "#,##0";
    static final String DECIMAL = "#,##0.0";
    static final String PERCENT = "0%";
    static final String YEAR = "0";

    private final Analysis analysis;

    GridSource(Analysis analysis) {
        this.analysis = analysis;
    }

    /** The grid for an anchor's specification (the text between {@code ${table:} and {@code }}), or an error message. */
    Object grid(String spec) {
        String[] parts = spec.split(":");
        return switch (parts[0]) {
            case "insights" -> insights();
            case "series" -> parts.length == 2 ? total(parts[1]) : parts.length == 3 ? wide(parts[1], parts[2])
                    : "expected ${table:series:<key>} or ${table:series:<key>:<breakdown>}";
            case "latest" -> parts.length == 3 ? latest(parts[1], parts[2]) : "expected ${table:latest:<key>:<breakdown>}";
            case "trend" -> parts.length == 2 ? trend(parts[1]) : "expected ${table:trend:<key>}";
            case "kpis" -> parts.length == 2 ? kpis(parts[1]) : "expected ${table:kpis:<prefix>}";
            default -> "unknown table kind \"" + parts[0] + "\" (expected insights, series, latest, trend or kpis)";
        };
    }

    private Grid insights() {
        List<List<Object>> rows = new ArrayList<>();
        for (Insights.Insight i : analysis.insights()) {
            rows.add(List.of((double) i.number(), i.text()));
        }
        return new Grid("fixed", List.of("#", "Key insight"), rows, List.of(YEAR, ""), List.of());
    }

    private Object total(String key) {
        Series series = find(key, null, null);
        if (series == null) {
            return unknownSeries(key, null);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SeriesPoint p : analysis.points()) {
            if (p.series() == series) {
                List<Object> row = new ArrayList<>();
                row.add((double) p.year());
                row.add(p.value());
                row.add(p.yoyPct());
                row.add(p.baselinePct());
                rows.add(row);
            }
        }
        return marked(new Grid("fixed", List.of("Year", capitalise(series.unit()), "Change on the year before",
                "Change since " + series.baseline()), rows, List.of(YEAR, format(series), PERCENT, PERCENT), List.of()),
                List.of(series));
    }

    /** A declared breakdown with no member in the data: its total alone, under the column "Total". */
    private boolean declaredEmpty(String key, String breakdown) {
        SeriesKey declared = analysis.declared(key);
        return declared != null && declared.breakdowns().contains(breakdown);
    }

    private Object wide(String key, String breakdown) {
        List<Series> members = analysis.series().stream()
                .filter(s -> s.key().equals(key) && breakdown.equals(s.breakdown())).toList();
        if (members.isEmpty() && declaredEmpty(key, breakdown) && find(key, null, null) != null) {
            Series total = find(key, null, null);
            members = List.of(new Series(total.key(), total.label(), breakdown, "Total", total.unit(), total.baseline(),
                    total.values(), total.sources(), total.notes(), total.lowerBounds()));
        }
        if (members.isEmpty()) {
            return unknownSeries(key, breakdown);
        }
        TreeSet<Integer> years = new TreeSet<>();
        members.forEach(s -> years.addAll(s.values().keySet()));
        List<String> header = new ArrayList<>(List.of("Year"));
        members.forEach(s -> header.add(s.member()));
        List<List<Object>> rows = new ArrayList<>();
        for (int year : years) {
            List<Object> row = new ArrayList<>();
            row.add((double) year);
            members.forEach(s -> row.add(s.value(year)));
            rows.add(row);
        }
        List<String> formats = new ArrayList<>(List.of(YEAR));
        members.forEach(s -> formats.add(format(s)));
        return marked(new Grid("wide", header, rows, formats, List.of()), members);
    }

    private Object latest(String key, String breakdown) {
        List<Series> members = analysis.series().stream()
                .filter(s -> s.key().equals(key) && breakdown.equals(s.breakdown())).toList();
        if (members.isEmpty() && declaredEmpty(key, breakdown)) {
            SeriesKey declared = analysis.declared(key);
            List<List<Object>> rows = new ArrayList<>();
            rows.add(java.util.Arrays.asList("No data", null));
            return new Grid("fixed", List.of(capitalise(breakdown), capitalise(declared.unit()) + ", "
                    + declared.lastYear()), rows, List.of("", format(declared.unit())), List.of());
        }
        if (members.isEmpty()) {
            return unknownSeries(key, breakdown);
        }
        int year = members.stream().mapToInt(Series::lastYear).max().orElseThrow();
        List<List<Object>> rows = new ArrayList<>();
        members.stream().filter(s -> s.value(year) != null)
                .sorted(Comparator.comparingDouble((Series s) -> s.value(year)).reversed())
                .forEach(s -> rows.add(List.of(s.member(), s.value(year))));
        return new Grid("fixed", List.of(capitalise(breakdown), capitalise(members.get(0).unit()) + ", " + year), rows,
                List.of("", format(members.get(0))), List.of());
    }

    private Object trend(String key) {
        Series series = find(key, null, null);
        if (series == null) {
            return unknownSeries(key, null);
        }
        Trend trend = analysis.trends().stream().filter(t -> t.series() == series).findFirst().orElseThrow();
        List<List<Object>> rows = new ArrayList<>();
        series.values().forEach((year, value) -> {
            List<Object> row = new ArrayList<>();
            row.add((double) year);
            row.add(value);
            row.add(fitted(trend, year));
            row.add(null);
            row.add(null);
            rows.add(row);
        });
        if (trend.forecast() != null && series.values().containsKey(trend.forecastYear())) {
            // The year forecast is the year in progress, in the table with its value so far: the forecast and its
            // interval go on that row (its fitted value is the forecast).
            List<Object> row = rows.get(new ArrayList<>(series.values().keySet()).indexOf(trend.forecastYear()));
            row.set(3, trend.lower95());
            row.set(4, trend.upper95());
        } else if (trend.forecast() != null) {
            List<Object> row = new ArrayList<>();
            row.add((double) trend.forecastYear());
            row.add(null);
            row.add(trend.forecast());
            row.add(trend.lower95());
            row.add(trend.upper95());
            rows.add(row);
        }
        String f = format(series);
        return marked(new Grid("fixed", List.of("Year", capitalise(series.unit()), "Trend and forecast", "Forecast, low (95%)",
                "Forecast, high (95%)"), rows, List.of(YEAR, f, f, f, f), List.of()), List.of(series));
    }

    /**
     * The grid with its year rows marked where a series' value is a lower bound (a year not over, a total missing a
     * member), and the footnote that gives the series' notes on those years.
     */
    private static Grid marked(Grid grid, List<Series> series) {
        java.util.Set<Integer> rows = new java.util.TreeSet<>();
        java.util.Set<String> notes = new java.util.LinkedHashSet<>();
        for (int r = 0; r < grid.rows().size(); r++) {
            List<Object> row = grid.rows().get(r);
            // A row with no value of the series (a forecast row) is not a measured year.
            if (!(row.get(0) instanceof Double year) || row.subList(1, Math.min(row.size(), grid.wide() ? row.size() : 2))
                    .stream().allMatch(java.util.Objects::isNull)) {
                continue;
            }
            for (Series s : series) {
                if (s.lowerBound(year.intValue())) {
                    rows.add(r);
                    String note = s.notes().get(year.intValue());
                    if (note != null) {
                        notes.add(note);
                    }
                }
            }
        }
        return grid.marking(rows, notes.isEmpty() ? "a lower bound" : String.join("; ", notes));
    }

    private Object kpis(String prefix) {
        List<Kpi> members = analysis.kpis().stream()
                .filter(k -> k.member() != null && k.key().equals(prefix + "." + KpiCatalogue.slug(k.member()))
                        && k.number() != null).toList();
        KpiDefinition declared = KpiCatalogue.DEFINITIONS.stream()
                .filter(d -> d.perMember() && d.prefix().equals(prefix)).findFirst().orElse(null);
        if (members.isEmpty() && declared == null) {
            return "no KPIs named " + prefix + ".<member> (see the KPIs sheet for the keys)";
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Kpi k : members) {
            rows.add(List.of(k.member(), k.number()));
        }
        if (rows.isEmpty()) {
            rows.add(java.util.Arrays.asList("No data", null));
        }
        String unit = members.isEmpty() ? declared.unit() : members.get(0).unit();
        return new Grid("fixed", List.of("", capitalise(unit)), rows, List.of("", COUNT), List.of(1));
    }

    private static Double fitted(Trend trend, int year) {
        if (trend.slope() == null || trend.forecast() == null) {
            return null;
        }
        return trend.forecast() - trend.slope() * (trend.forecastYear() - year);
    }

    private Series find(String key, String breakdown, String member) {
        return analysis.series().stream()
                .filter(s -> s.key().equals(key) && java.util.Objects.equals(s.breakdown(), breakdown)
                        && java.util.Objects.equals(s.member(), member))
                .findFirst().orElse(null);
    }

    private String unknownSeries(String key, String breakdown) {
        Map<String, TreeSet<String>> known = new TreeMap<>();
        analysis.series().forEach(s -> known.computeIfAbsent(s.key(), k -> new TreeSet<>())
                .add(s.breakdown() == null ? "(total)" : s.breakdown()));
        if (!known.containsKey(key)) {
            return "unknown series \"" + key + "\" (nearest: "
                    + String.join(", ", Insights.nearest(key, known.keySet(), 3)) + ")";
        }
        return "series \"" + key + "\" has no breakdown \"" + breakdown + "\" (it has: " + String.join(", ", known.get(key)) + ")";
    }

    private static String format(Series series) {
        return format(series.unit());
    }

    private static String format(String unit) {
        return switch (unit) {
            case "EUR" -> "#,##0 \"EUR\"";
            case "per million inhabitants" -> "0.00";
            default -> COUNT;
        };
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
