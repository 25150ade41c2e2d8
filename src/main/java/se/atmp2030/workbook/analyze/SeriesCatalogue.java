package se.atmp2030.workbook.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import se.atmp2030.workbook.collect.ReportSettings;

/**
 * Every time series the report shows, derived from the collected datasets. Counts and sums are zero in a year of their
 * range with no record (nothing happened that year); measured values (employees of one company, publications per
 * million where the population is unknown) are missing instead.
 *
 * <p>Every series is {@linkplain SeriesKey declared} whatever the data holds, and a series without any record still
 * exists over the report's years of its topic ({@code from.<topic>} to the report year, or the five years up to it):
 * zeros for a count, no values for a measure. A template or sentence naming it then gets a table that says so, not an
 * error.
 */
final class SeriesCatalogue {
    /** Years a topic covers when report.properties sets no from.<topic>: the report year and the four before. */
    static final int DEFAULT_SPAN = 5;

    private final Rows rows;
    private final ReportSettings settings;
    private final Periods periods;
    private final List<Series> series = new ArrayList<>();
    private final Map<String, SeriesKey> declared = new java.util.LinkedHashMap<>();
    private final List<Notice> notices = new ArrayList<>();

    SeriesCatalogue(Rows rows, ReportSettings settings, Periods periods) {
        this.rows = rows;
        this.settings = settings;
        this.periods = periods;
    }

    List<Series> build() {
        employees();
        jobPostings();
        trials();
        cartInfusions();
        funding();
        publications();
        patients();
        recommendations();
        return List.copyOf(series);
    }

    List<SeriesKey> declared() {
        return List.copyOf(declared.values());
    }

    List<Notice> notices() {
        return List.copyOf(notices);
    }

    /**
     * Employees of the register's SMEs. A company is expected in every year from its founding (or, where the register
     * gives no founding year, from its first figure); a year in which an expected company has no figure gets a total
     * that is a lower bound, with a note naming the company, so that the total does not seem to jump when the figure
     * comes in.
     */
    private void employees() {
        List<Rows.Row> sme = rows.of("employees", r -> r.is("sme")).toList();
        String topic = "employees";
        String label = "Employees of Swedish ATMP SME developers";
        declare("employees.sme", label, "persons", topic, "company");
        List<String> sources = List.of("employees", "companies");
        measured("employees.sme", label, null, null, "persons", topic, sme, r -> r.year("year"),
                r -> r.number("employees"), sources);
        Map<String, Integer> founded = new HashMap<>();
        rows.of("companies").forEach(r -> {
            if (r.get("founded") != null) {
                founded.put(r.text("org_number"), r.year("founded"));
            }
        });
        Map<Integer, java.util.SortedSet<String>> missing = new TreeMap<>();
        Series total = series.isEmpty() ? null : series.get(series.size() - 1);
        group(sme, r -> r.member("company")).forEach((company, list) -> {
            measured("employees.sme", label, "company", company, "persons", topic, list, r -> r.year("year"),
                    r -> r.number("employees"), sources);
            java.util.Set<Integer> years = new java.util.HashSet<>();
            list.forEach(r -> years.add(r.year("year")));
            int first = list.stream().map(r -> founded.get(r.text("org_number"))).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(years.stream().min(Integer::compare).orElseThrow());
            if (total != null && total.key().equals("employees.sme") && total.breakdown() == null) {
                for (int year : total.values().keySet()) {
                    if (year >= first && !years.contains(year)) {
                        missing.computeIfAbsent(year, y -> new java.util.TreeSet<>()).add(company);
                    }
                }
            }
        });
        if (!missing.isEmpty()) {
            Map<Integer, String> notes = new TreeMap<>();
            missing.forEach((year, companies) -> notes.put(year, "no figure for " + String.join(", ", companies)
                    + ": the total is a lower bound"));
            int at = series.indexOf(total);
            series.set(at, total.withLowerBounds(notes));
            missing.forEach((year, companies) -> notices.add(new Notice("member without a figure", "employees " + year,
                    String.join(", ", companies) + (companies.size() == 1 ? " has" : " have") + " no employee figure for "
                    + year + ": the total for " + year + " is a lower bound, and changes from it are not computed",
                    "employees")));
        }
    }

    /**
     * Nordic job postings per country. A country's postings come from one source or more (JobTech for Sweden, the job
     * boards the analysts use elsewhere). A source covers the years its files say (JobTech: a file per year) or else
     * the years from its first to its last posting; inside those a year without a posting is 0. A country is counted
     * only in the years its sources cover: in another year it is missing, not zero, and the Nordic total of such a year
     * is a lower bound naming it. Postings found in a year no source covers (ads of late December in the next year's
     * file) are kept, and that year's value is a lower bound.
     */
    private void jobPostings() {
        List<Rows.Row> all = rows.of("job_postings").toList();
        String key = "job_postings";
        String label = "Nordic ATMP job postings";
        declare(key, label, "postings", "job_postings", "country");
        Map<String, java.util.SortedSet<Integer>> covered = jobCoverage(all);
        if (all.isEmpty() && covered.isEmpty()) {
            emptyTotal(key, label, "postings", "job_postings", true, List.of("job_postings"));
            return;
        }
        int first = java.util.stream.Stream.concat(all.stream().map(r -> r.year("year")),
                covered.values().stream().map(java.util.SortedSet::first)).min(Integer::compare).orElseThrow();
        int[] range = {first, Math.max(periods.coverageEnd("job_postings"),
                all.stream().mapToInt(r -> r.year("year")).max().orElse(first))};
        add(key, label, null, null, "postings", "job_postings", sum(all, r -> r.year("year"), r -> 1, range),
                List.of("job_postings"));
        int totalAt = series.size() - 1;
        Map<Integer, java.util.SortedSet<String>> uncovered = new TreeMap<>();
        Map<String, List<Rows.Row>> byCountry = new TreeMap<>(group(all, r -> r.member("country")));
        covered.keySet().forEach(country -> byCountry.putIfAbsent(country, List.of()));
        byCountry.forEach((country, list) -> {
            java.util.SortedSet<Integer> years = covered.getOrDefault(country, new java.util.TreeSet<>());
            SortedMap<Integer, Double> values = new TreeMap<>();
            Map<Integer, String> partial = new TreeMap<>();
            for (int y = range[0]; y <= range[1]; y++) {
                if (years.contains(y)) {
                    values.put(y, 0.0);
                } else {
                    uncovered.computeIfAbsent(y, k -> new java.util.TreeSet<>()).add(country);
                }
            }
            list.forEach(r -> {
                int y = r.year("year");
                values.merge(y, 1.0, Double::sum);
                if (!years.contains(y)) {
                    partial.put(y, "no source covers " + country + " in " + y + ": only the postings of " + y
                            + " found in other years' files, a lower bound");
                }
            });
            add(key, label, "country", country, "postings", "job_postings", values, List.of("job_postings"));
            if (!partial.isEmpty()) {
                series.set(series.size() - 1, series.get(series.size() - 1).withLowerBounds(partial));
            }
        });
        if (!uncovered.isEmpty()) {
            Map<Integer, String> notes = new TreeMap<>();
            uncovered.forEach((year, countries) -> notes.put(year, "no source covers " + String.join(", ", countries)
                    + " in " + year + ": the total is a lower bound"));
            series.set(totalAt, series.get(totalAt).withLowerBounds(notes));
        }
    }

    /**
     * The years each country's job-ad sources cover: the years the files name (JobTech), and for each other source
     * its first to its last year with a posting.
     */
    private Map<String, java.util.SortedSet<Integer>> jobCoverage(List<Rows.Row> all) {
        Map<String, java.util.SortedSet<Integer>> covered = new TreeMap<>();
        periods.coverage("job_postings").forEach((country, years) ->
                covered.computeIfAbsent(country, c -> new java.util.TreeSet<>()).addAll(years));
        java.util.Set<String> fromFiles = periods.coverage("job_postings").keySet();
        Map<String, int[]> sourceSpan = new HashMap<>();
        Map<String, java.util.Set<String>> sourceCountries = new HashMap<>();
        for (Rows.Row r : all) {
            String source = String.valueOf(r.text("source"));
            int y = r.year("year");
            sourceSpan.merge(source, new int[] {y, y}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            sourceCountries.computeIfAbsent(source, k -> new java.util.TreeSet<>()).add(r.member("country"));
        }
        sourceSpan.forEach((source, span) -> sourceCountries.get(source).forEach(country -> {
            if (!fromFiles.contains(country) || !"JobTech".equals(source)) {
                for (int y = span[0]; y <= span[1]; y++) {
                    covered.computeIfAbsent(country, c -> new java.util.TreeSet<>()).add(y);
                }
            }
        }));
        return covered;
    }

    private void trials() {
        java.time.LocalDate takenOn = periods.takenOn("clinical_trials").orElse(null);
        // Started means started: not withdrawn, not yet recruiting, nor a start date after the data was taken.
        List<Rows.Row> swedishAtmp = rows.of("clinical_trials", r -> r.is("atmp") && r.is("swedish_site")
                && r.get("start_year") != null && KpiCatalogue.started(r, takenOn)).toList();
        List<String> sources = List.of("clinical_trials");
        String label = "ATMP trials with a Swedish site, by start year";
        declare("trials.swedish_atmp_started", label, "trials", "trials", "phase", "atmp_category");
        counted("trials.swedish_atmp_started", label, "phase", swedishAtmp,
                r -> r.text("phase") == null ? "Not stated" : r.text("phase"), r -> r.year("start_year"), r -> 1,
                "trials", "trials", sources);
        countedBreakdownOnly("trials.swedish_atmp_started", label, "atmp_category", swedishAtmp,
                r -> r.text("atmp_category"), r -> r.year("start_year"), "trials", "trials", sources, r -> 1);
        List<Rows.Row> active = swedishAtmp.stream().filter(r -> r.is("active")).toList();
        String activeLabel = "Active ATMP trials with a Swedish site, by start year";
        declare("trials.swedish_atmp_active", activeLabel, "trials", "trials");
        counted("trials.swedish_atmp_active", activeLabel, null, active, null, r -> r.year("start_year"), r -> 1,
                "trials", "trials", sources);
    }

    private void cartInfusions() {
        List<Rows.Row> all = rows.of("cart_infusions").toList();
        String label = "CAR T infusions as standard of care";
        declare("cart_infusions", label, "infusions", "cart_infusions", "region", "product");
        counted("cart_infusions", label, "region", all, r -> r.member("region"), r -> r.year("year"),
                r -> r.number("infusions"), "infusions", "cart_infusions", List.of("cart_infusions"));
        countedBreakdownOnly("cart_infusions", label, "product", all, r -> r.member("product"), r -> r.year("year"),
                "infusions", "cart_infusions", List.of("cart_infusions"), r -> r.number("infusions"));
    }

    private void funding() {
        List<Rows.Row> matched = rows.of("eu_funding", r -> r.get("match_rule") != null && r.get("year") != null).toList();
        String label = "EU contribution to Swedish ATMP developers, by project start year";
        declare("eu_funding.atmp_developers", label, "EUR", "eu_funding", "company");
        counted("eu_funding.atmp_developers", label, "company", matched, r -> r.member("company"), r -> r.year("year"),
                r -> r.number("ec_contribution"), "EUR", "eu_funding", List.of("eu_funding", "companies"));
    }

    /**
     * Publications per million inhabitants, per European country. Eurostat publishes a year's population in the spring
     * after it, so at report time the population data ends a year or two before the publications: a year after the
     * last year of the population data is divided by the country's population of that last year, and its note says so.
     * A year without a figure for the country otherwise (the United Kingdom after 2019) stays missing, with a notice.
     */
    private void publications() {
        String key = "publications.per_million";
        String label = "ATMP publications per million inhabitants";
        String unit = "per million inhabitants";
        declare(key, label, unit, "publications", "country");
        Map<String, TreeMap<Integer, Double>> population = new HashMap<>();
        rows.of("population").forEach(r -> population.computeIfAbsent(r.text("country"), c -> new TreeMap<>())
                .put(r.year("year"), r.number("population")));
        int lastPublished = population.values().stream().mapToInt(TreeMap::lastKey).max().orElse(Integer.MIN_VALUE);
        Map<String, SortedMap<Integer, Double>> counts = new TreeMap<>();
        List<Rows.Row> european = rows.of("publications", r -> r.is("europe")).toList();
        european.forEach(r ->
                counts.computeIfAbsent(r.text("country"), c -> new TreeMap<>()).merge(r.year("year"), 1.0, Double::sum));
        // Zero is zero: a European country with population data and no publication in a year the publications cover
        // has 0 per million, in the series, the ranks and the trends.
        population.keySet().stream().filter(c -> se.atmp2030.workbook.collect.Countries.byName(c)
                .map(se.atmp2030.workbook.collect.Countries.Country::europe).orElse(false))
                .forEach(c -> counts.computeIfAbsent(c, k -> new TreeMap<>()));
        // The years the publications cover: from the first publication to the report year (or the year the search
        // was run, if earlier).
        java.util.IntSummaryStatistics published = rows.of("publications").mapToInt(r -> r.year("year"))
                .summaryStatistics();
        if (published.getCount() == 0) {
            counts.clear();
        }
        int[] covered = {published.getMin(), Math.max(published.getMax(), periods.coverageEnd("publications"))};
        Map<Integer, java.util.SortedSet<String>> carried = new TreeMap<>();
        Map<String, java.util.SortedSet<Integer>> unknown = new TreeMap<>();
        counts.forEach((country, perYear) -> {
            TreeMap<Integer, Double> people = population.getOrDefault(country, new TreeMap<>());
            SortedMap<Integer, Double> perMillion = new TreeMap<>();
            Map<Integer, String> notes = new HashMap<>();
            for (int year = covered[0]; year <= covered[1]; year++) {
                double n = perYear.getOrDefault(year, 0.0);
                Double inhabitants = people.get(year);
                if (inhabitants == null && year > lastPublished && people.containsKey(lastPublished)) {
                    int latest = lastPublished;
                    inhabitants = people.get(latest);
                    notes.put(year, "population of " + latest + " used: Eurostat has none for " + year + " yet");
                    carried.computeIfAbsent(year, y -> new java.util.TreeSet<>()).add(String.valueOf(latest));
                } else if (inhabitants == null && n > 0) {
                    unknown.computeIfAbsent(country, c -> new java.util.TreeSet<>()).add(year);
                }
                if (inhabitants != null && inhabitants > 0) {
                    perMillion.put(year, n * 1e6 / inhabitants);
                }
            }
            if (!perMillion.isEmpty()) {
                int baseline = settings.from("publications").filter(perMillion::containsKey).orElse(perMillion.firstKey());
                series.add(partialYears(new Series(key, label, "country", country, unit, baseline, perMillion,
                        List.of("publications", "population"), notes)));
            }
        });
        carried.forEach((year, latest) -> notices.add(new Notice("population carried forward", "publications per "
                + "million, " + year, "the population data has no " + year + " yet: per-million figures for " + year
                + " use each country's latest population (" + String.join(", ", latest) + ")", "population")));
        unknown.forEach((country, years) -> notices.add(new Notice("no population", "publications per million, "
                + country, "the population data has no figure for " + country + " in " + years.stream()
                .map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + ": no per-million figure for those years", "population")));
        if (series.stream().noneMatch(s -> s.key().equals(key))) {
            emptyTotal(key, label, unit, "publications", false, List.of("publications", "population"));
        }
    }

    private void patients() {
        List<Rows.Row> all = rows.of("patients_treated").toList();
        String label = "Patients treated with ATMPs";
        declare("patients_treated", label, "patients", "patients_treated", "product");
        countedBreakdownOnly("patients_treated", label, "product", all, r -> r.member("product"), r -> r.year("year"),
                "patients", "patients_treated", List.of("patients_treated"), r -> r.number("patients"));
    }

    private void recommendations() {
        List<Rows.Row> decided = rows.of("recommendations", r -> r.get("decision_date") != null).toList();
        String label = "ATMP assessments decided, by decision year";
        declare("recommendations.decided", label, "products", "recommendations", "atmp_type × status");
        countedBreakdownOnly("recommendations.decided", label, "atmp_type × status", decided,
                r -> r.member("atmp_type") + " × " + r.text("status"),
                r -> ((java.time.LocalDate) r.get("decision_date")).getYear(), "products", "recommendations",
                List.of("recommendations"), r -> 1);
    }

    // ---- builders --------------------------------------------------------------------------------------------------

    private void declare(String key, String label, String unit, String topic, String... breakdowns) {
        int[] years = reportYears(topic);
        declared.put(key, new SeriesKey(key, label, unit, List.of(breakdowns), years[0], years[1]));
    }

    /** The report's years for a topic: from.<topic> (or {@link #DEFAULT_SPAN} years back) to the report year. */
    private int[] reportYears(String topic) {
        int last = settings.year();
        int first = settings.from(topic).filter(y -> y <= last).orElse(last - DEFAULT_SPAN + 1);
        return new int[] {first, last};
    }

    /** A total and, if {@code breakdown} is given, one series per member; zero-filled over the records' years. */
    private void counted(String key, String label, String breakdown, List<Rows.Row> records, Function<Rows.Row, String> member,
                         Function<Rows.Row, Integer> year, ToDoubleFunction<Rows.Row> amount, String unit, String topic,
                         List<String> sources) {
        if (records.isEmpty()) {
            emptyTotal(key, label, unit, topic, true, sources);
            return;
        }
        int[] range = range(records, year, sources.get(0));
        add(key, label, null, null, unit, topic, sum(records, year, amount, range), sources);
        if (breakdown != null) {
            countedBreakdownOnly(key, label, breakdown, records, member, year, unit, topic, sources, amount);
        }
    }

    private void countedBreakdownOnly(String key, String label, String breakdown, List<Rows.Row> records,
                                      Function<Rows.Row, String> member, Function<Rows.Row, Integer> year, String unit,
                                      String topic, List<String> sources, ToDoubleFunction<Rows.Row> amount) {
        if (records.isEmpty()) {
            if (series.stream().noneMatch(s -> s.key().equals(key))) {
                emptyTotal(key, label, unit, topic, true, sources);
            }
            return;
        }
        int[] range = range(records, year, sources.get(0));
        group(records, member).forEach((name, list) ->
                add(key, label, breakdown, name, unit, topic, sum(list, year, amount, range), sources));
    }

    private void measured(String key, String label, String breakdown, String member, String unit, String topic,
                          List<Rows.Row> records, Function<Rows.Row, Integer> year, ToDoubleFunction<Rows.Row> amount,
                          List<String> sources) {
        SortedMap<Integer, Double> values = new TreeMap<>();
        records.forEach(r -> values.merge(year.apply(r), amount.applyAsDouble(r), Double::sum));
        if (!values.isEmpty()) {
            add(key, label, breakdown, member, unit, topic, values, sources);
        } else if (breakdown == null) {
            emptyTotal(key, label, unit, topic, false, sources);
        }
    }

    /**
     * The total of a series without any record, over the report's years of its topic: zeros for a count (nothing
     * happened), no values for a measure (nothing was measured).
     */
    private void emptyTotal(String key, String label, String unit, String topic, boolean count, List<String> sources) {
        int[] years = reportYears(topic);
        SortedMap<Integer, Double> values = new TreeMap<>();
        Map<Integer, String> notes = new HashMap<>();
        for (int y = years[0]; y <= years[1]; y++) {
            values.put(y, count ? 0.0 : null);
            if (!count) {
                notes.put(y, "no value: " + String.join(" and ", sources) + " have no data for it");
            }
        }
        series.add(partialYears(new Series(key, label, null, null, unit, years[0], values, sources, notes)));
    }

    private void add(String key, String label, String breakdown, String member, String unit, String topic,
                     SortedMap<Integer, Double> values, List<String> sources) {
        int baseline = settings.from(topic).filter(values::containsKey).orElse(values.firstKey());
        series.add(partialYears(new Series(key, label, breakdown, member, unit, baseline, values, sources)));
    }

    /**
     * The series with the years not over when its data was taken marked as lower bounds. The data a series counts is
     * its first source (publications per million: the publications, not the population).
     */
    private Series partialYears(Series s) {
        List<String> counted = s.sources().subList(0, 1);
        Map<Integer, String> partial = new TreeMap<>();
        Map<Integer, String> provisional = new HashMap<>(s.notes());
        s.values().forEach((year, value) -> {
            if (value != null && periods.partial(counted, year)) {
                if (STOCKS.contains(s.key())) {
                    provisional.merge(year, periods.provisionalNote(counted.get(0), year), (a, b) -> a + "; " + b);
                } else {
                    partial.put(year, periods.partialNote(counted, year));
                }
            }
        });
        Series noted = provisional.equals(s.notes()) ? s : new Series(s.key(), s.label(), s.breakdown(), s.member(),
                s.unit(), s.baseline(), s.values(), s.sources(), provisional, s.lowerBounds());
        return noted.withLowerBounds(partial);
    }

    /**
     * The series that measure a level on a day rather than count over the year: employees (at the end of the year, or
     * on the day the figure was taken). A year not over when such data was taken is provisional, not a lower bound:
     * the level may still fall, so it is shown, compared and fitted as it is, with a note.
     */
    static final java.util.Set<String> STOCKS = java.util.Set.of("employees.sme");

    private static SortedMap<Integer, Double> sum(List<Rows.Row> records, Function<Rows.Row, Integer> year,
                                                  ToDoubleFunction<Rows.Row> amount, int[] range) {
        SortedMap<Integer, Double> values = new TreeMap<>();
        for (int y = range[0]; y <= range[1]; y++) {
            values.put(y, 0.0);
        }
        records.forEach(r -> values.merge(year.apply(r), amount.applyAsDouble(r), Double::sum));
        return values;
    }

    /**
     * The years a count runs over: from its first record to the report year, or to the year its data was taken if that
     * is earlier; a count does not stop at its last record (no decision in 2023 and 2024 is two zeros).
     */
    private int[] range(List<Rows.Row> records, Function<Rows.Row, Integer> year, String dataset) {
        int min = records.stream().map(year).min(Integer::compare).orElseThrow();
        int max = records.stream().map(year).max(Integer::compare).orElseThrow();
        return new int[] {min, Math.max(max, periods.coverageEnd(dataset))};
    }

    private static Map<String, List<Rows.Row>> group(List<Rows.Row> records, Function<Rows.Row, String> member) {
        Map<String, List<Rows.Row>> groups = new TreeMap<>();
        for (Rows.Row r : records) {
            String m = member.apply(r);
            if (m != null) {
                groups.computeIfAbsent(m, k -> new ArrayList<>()).add(r);
            }
        }
        return groups;
    }
}
