package se.atmp2030.workbook.analyze;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import se.atmp2030.workbook.analyze.KpiDefinition.Kind;
import se.atmp2030.workbook.collect.ReportSettings;

/**
 * The report's headline numbers. {@link #DEFINITIONS} is the catalogue (the {@code kpis} command prints it, and
 * {@code KPIS.md} is generated from it); {@link #compute} computes each one from the datasets and series.
 */
public final class KpiCatalogue {
    private static final List<String> COMPANIES = List.of("companies");
    private static final List<String> EMPLOYEES = List.of("employees", "companies");
    private static final List<String> JOBS = List.of("job_postings");
    private static final List<String> TRIALS = List.of("clinical_trials");
    private static final List<String> CART = List.of("cart_infusions");
    private static final List<String> FUNDING = List.of("eu_funding", "companies");
    private static final List<String> PUBLICATIONS = List.of("publications", "population");
    private static final List<String> RECOMMENDATIONS = List.of("recommendations");
    private static final List<String> PATIENTS = List.of("patients_treated");

    public static final List<KpiDefinition> DEFINITIONS = List.of(
            def("companies.count", "ATMP developers in the register", "companies",
                    "Companies in the register of Swedish ATMP developers", COMPANIES, Kind.STATE),
            def("companies.sme_count", "SME ATMP developers in Sweden", "companies",
                    "Companies in the register marked as SMEs", COMPANIES, Kind.STATE),
            def("employees.sme_last", "Employees of SME developers", "persons",
                    "Employees of the register's SMEs in the report year", EMPLOYEES, Kind.LEVEL),
            def("employees.sme_baseline", "Employees of SME developers in the baseline year", "persons",
                    "Employees of the register's SMEs in the year set by from.employees", EMPLOYEES, Kind.LEVEL),
            def("employees.change_since_baseline_abs", "New employees since the baseline year", "persons",
                    "Employees of SMEs in the report year minus those in the baseline year", EMPLOYEES, Kind.LEVEL),
            def("employees.change_since_baseline_pct", "Change in employees since the baseline year", "percent",
                    "Change in SME employees from the baseline year to the report year, as a share of the baseline", EMPLOYEES, Kind.LEVEL),
            def("employees.cagr", "Yearly growth of employees", "percent",
                    "Compound annual growth of SME employees from the baseline year to the report year", EMPLOYEES, Kind.LEVEL),
            def("jobs.nordic_total", "Nordic ATMP job postings", "postings",
                    "ATMP job postings in the Nordic countries published from from.job_postings to the report year", JOBS, Kind.COUNT),
            def("jobs.postings.<country>", "ATMP job postings in a country", "postings",
                    "ATMP job postings in the country over the same period", JOBS, Kind.COUNT),
            def("jobs.top_country", "Country with the most ATMP job postings", "country",
                    "The Nordic country with the most postings over the period", JOBS, Kind.RANK),
            def("jobs.top_country_postings", "Postings in the leading country", "postings",
                    "Postings of that country over the period", JOBS, Kind.COUNT),
            def("jobs.sweden_rank", "Sweden's rank in Nordic ATMP job postings", "rank",
                    "Sweden's place among the Nordic countries by postings over the period (1 = most)", JOBS, Kind.RANK),
            def("trials.swedish_atmp_total", "ATMP trials with a Swedish site", "trials",
                    "Trials classified ATMP with at least one site in Sweden, any start year", TRIALS, Kind.COUNT),
            def("trials.started_from", "ATMP trials started in the comparison year", "trials",
                    "ATMP trials with a Swedish site that started in the year set by from.trials (not withdrawn, not "
                            + "yet recruiting, start date not after the data was taken)", TRIALS, Kind.COUNT),
            def("trials.started_last", "ATMP trials started in the report year", "trials",
                    "ATMP trials with a Swedish site that started in the report year (as trials.started_from)", TRIALS, Kind.COUNT),
            def("trials.started_ratio", "Growth in ATMP trials started", "ratio",
                    "Trials started in the report year divided by those started in the comparison year", TRIALS, Kind.COUNT),
            def("trials.active", "Active ATMP trials with a Swedish site", "trials",
                    "ATMP trials with a Swedish site that are recruiting, active or enrolling by invitation", TRIALS, Kind.ACTIVE),
            def("cart.infusions_total", "CAR T infusions as standard of care", "infusions",
                    "CAR T infusions given as standard of care, all years up to the report year", CART, Kind.COUNT),
            def("cart.infusions_from", "CAR T infusions in the comparison year", "infusions",
                    "Infusions in the year set by from.cart_infusions", CART, Kind.COUNT),
            def("cart.infusions_last", "CAR T infusions in the report year", "infusions", "Infusions in the report year", CART, Kind.COUNT),
            def("cart.change_pct", "Change in CAR T infusions", "percent",
                    "Change in infusions from the comparison year to the report year, as a share of the first", CART, Kind.COUNT),
            def("funding.sme_total_eur", "EU funding to Swedish ATMP SMEs", "EUR",
                    "EU contribution (CORDIS) to register companies that are SMEs, all projects", FUNDING, Kind.COUNT),
            def("funding.atmp_developers_total_eur", "EU funding to Swedish ATMP developers", "EUR",
                    "EU contribution (CORDIS) to all register companies, all projects", FUNDING, Kind.COUNT),
            def("funding.sme_companies", "SME developers with EU funding", "companies",
                    "Register SMEs with at least one EU-funded participation", FUNDING, Kind.COUNT),
            def("publications.sweden_per_million", "Swedish ATMP publications per million inhabitants", "per million inhabitants",
                    "Publications with a Swedish affiliation per million inhabitants, in the latest year with population data",
                    PUBLICATIONS, Kind.COUNT),
            def("publications.sweden_rank_europe", "Sweden's rank in Europe in ATMP publications per capita", "rank",
                    "Sweden's place among European countries by publications per million inhabitants in the latest "
                            + "complete year (1 = most)", PUBLICATIONS, Kind.RANK),
            def("publications.leader_europe", "European leader in ATMP publications per capita", "country",
                    "The European country with the most publications per million inhabitants", PUBLICATIONS, Kind.RANK),
            def("publications.sweden_trend_slope", "Trend of Swedish publications per capita", "per million per year",
                    "Slope of the least-squares line through Sweden's publications per million in complete years; the "
                            + "trend format words it only where its p-value is below 0.05", PUBLICATIONS, Kind.TREND),
            def("recommendations.recommended", "Recommended ATMPs in Sweden", "products",
                    "Products NT-rådet / TLV recommend for at least one indication (a product counts once)", RECOMMENDATIONS, Kind.STATE),
            def("recommendations.recommended.<atmp_type>", "Recommended ATMPs of a type", "products",
                    "Recommended ATMPs of the type (car_t, gene_therapy, ...)", RECOMMENDATIONS, Kind.STATE),
            def("recommendations.under_assessment", "ATMPs under assessment", "products",
                    "Products under assessment by NT-rådet / TLV and recommended for no indication", RECOMMENDATIONS, Kind.STATE),
            def("recommendations.not_recommended", "ATMPs not recommended", "products",
                    "Products NT-rådet / TLV do not recommend for any indication and are not assessing", RECOMMENDATIONS, Kind.STATE),
            def("patients.total", "Patients treated with the listed ATMPs", "patients", "Patients treated, all products, all years up to the report year",
                    PATIENTS, Kind.COUNT),
            def("patients.<product>", "Patients treated with a product", "patients", "Patients treated with the product, all years",
                    PATIENTS, Kind.COUNT));

    /** Statuses of trials that never started or have not started yet. */
    private static final java.util.Set<String> NOT_STARTED = java.util.Set.of("WITHDRAWN", "NOT_YET_RECRUITING");

    private final Rows rows;
    private final ReportSettings settings;
    private final List<Series> series;
    private final Periods periods;
    private final List<Kpi> kpis = new ArrayList<>();

    KpiCatalogue(Rows rows, ReportSettings settings, List<Series> series, Periods periods) {
        this.rows = rows;
        this.settings = settings;
        this.series = series;
        this.periods = periods;
    }

    /**
     * Whether a trial has started: not withdrawn (it never enrolled anyone), not "not yet recruiting", and its start date
     * is not after the day the data was taken (a start date in the future is a plan). The status is compared as the API
     * writes it and as the CSV download does ("Not yet recruiting").
     */
    static boolean started(Rows.Row trial, LocalDate takenOn) {
        String status = trial.text("status");
        if (status != null && NOT_STARTED.contains(status.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s,]+", "_"))) {
            return false;
        }
        LocalDate start = (LocalDate) trial.get("start_date");
        return start == null || takenOn == null || !start.isAfter(takenOn);
    }

    List<Kpi> compute() {
        int year = settings.year();
        companies(year);
        employees(year);
        jobs(year);
        trials(year);
        cart(year);
        funding(year);
        publications(year);
        recommendations(year);
        patients(year);
        missing(year);
        return List.copyOf(kpis);
    }

    /** Every KPI of the catalogue exists, so that sentences naming it still build: without data its value is empty. */
    private void missing(int year) {
        java.util.Set<String> present = kpis.stream().map(Kpi::key).collect(Collectors.toSet());
        for (KpiDefinition def : DEFINITIONS) {
            if (!def.perMember() && !present.contains(def.key())) {
                kpis.add(new Kpi(def.key(), def.label(), null, def.unit(), year, year, def.definition(), def.sources(),
                        false, "no data for it in " + String.join(", ", def.sources()), null));
            }
        }
    }

    private void companies(int year) {
        add("companies.count", (double) rows.of("companies").count(), year, year);
        add("companies.sme_count", (double) rows.of("companies", r -> r.is("sme")).count(), year, year);
    }

    private void employees(int year) {
        Series total = total("employees.sme");
        if (total == null) {
            return;
        }
        int base = total.baseline();
        Double last = total.value(year);
        Double first = total.value(base);
        add("employees.sme_last", null, last, year, year, total.notes().get(year), total.lowerBound(year));
        add("employees.sme_baseline", null, first, base, base, total.notes().get(base), total.lowerBound(base));
        Comparison change = Comparison.of(first, total.lowerBound(base), last, total.lowerBound(year), base, year);
        add("employees.change_since_baseline_abs", change.abs(), base, year, change);
        add("employees.change_since_baseline_pct", change.pct(), base, year, change);
        Double cagr = change.abs() == null || first == 0 || year == base ? null
                : Math.pow(last / first, 1.0 / (year - base)) - 1;
        add("employees.cagr", cagr, base, year, change);
    }

    /**
     * Postings over the period per country and in all. A country whose sources do not cover every year of the period
     * (no JobTech file for a year) has a lower bound naming the years, and so has the Nordic total; a country with
     * covered years and no posting has 0.
     */
    private void jobs(int year) {
        int from = settings.from("job_postings").orElse(year - 4);
        Map<String, Long> byCountry = rows.of("job_postings", inYears("year", from, year))
                .collect(Collectors.groupingBy(r -> r.member("country"), TreeMap::new, Collectors.counting()));
        Map<String, String> gaps = new TreeMap<>();
        series.stream().filter(s -> s.key().equals("job_postings") && "country".equals(s.breakdown())).forEach(s -> {
            byCountry.putIfAbsent(s.member(), 0L);
            List<String> years = new ArrayList<>();
            for (int y = from; y <= year; y++) {
                if (s.value(y) == null || s.lowerBound(y) && !periods.partial("job_postings", y)) {
                    years.add(String.valueOf(y));
                }
            }
            if (!years.isEmpty()) {
                gaps.put(s.member(), String.join(", ", years));
            }
        });
        String totalGap = gaps.isEmpty() ? null : "a lower bound: no source covers " + gaps.entrySet().stream()
                .map(e -> e.getKey() + " in " + e.getValue()).collect(Collectors.joining("; "));
        add("jobs.nordic_total", null, (double) byCountry.values().stream().mapToLong(Long::longValue).sum(), from, year,
                totalGap, totalGap != null);
        byCountry.forEach((country, n) -> {
            String gap = gaps.get(country);
            add("jobs.postings.<country>", country, n.doubleValue(), from, year,
                    gap == null ? null : "a lower bound: no source covers " + country + " in " + gap, gap != null);
        });
        // No posting anywhere ranks no country: "Sweden first with 0" would be no news.
        List<String> ranked = byCountry.values().stream().allMatch(n -> n == 0) ? List.of() : byCountry.entrySet()
                .stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        if (!ranked.isEmpty()) {
            add("jobs.top_country", null, ranked.get(0), from, year, totalGap == null ? null
                    : "compared on the years each country's sources cover (" + totalGap.substring("a lower bound: ".length())
                    + ")", false);
            String top = ranked.get(0);
            add("jobs.top_country_postings", null, byCountry.get(top).doubleValue(), from, year,
                    gaps.containsKey(top) ? "a lower bound: no source covers " + top + " in " + gaps.get(top) : null,
                    gaps.containsKey(top));
        }
        int rank = ranked.indexOf("Sweden");
        add("jobs.sweden_rank", null, rank < 0 ? null : (double) (1 + ranked.stream()
                .filter(c -> byCountry.get(c) > byCountry.get("Sweden")).count()), from, year,
                gaps.isEmpty() || rank < 0 ? null : "compared on the years each country's sources cover ("
                        + totalGap.substring("a lower bound: ".length()) + ")", false);
    }

    private void trials(int year) {
        int from = settings.from("trials").orElse(year - 3);
        Predicate<Rows.Row> swedishAtmp = r -> r.is("atmp") && r.is("swedish_site");
        LocalDate takenOn = periods.takenOn("clinical_trials").orElse(null);
        Predicate<Rows.Row> started = swedishAtmp.and(r -> started(r, takenOn));
        add("trials.swedish_atmp_total", (double) rows.of("clinical_trials", swedishAtmp).count(), year, year);
        double first = rows.of("clinical_trials", started.and(inYears("start_year", from, from))).count();
        double last = rows.of("clinical_trials", started.and(inYears("start_year", year, year))).count();
        add("trials.started_from", first, from, from);
        add("trials.started_last", last, year, year);
        Comparison change = Comparison.of(first, periods.partial("clinical_trials", from), last,
                periods.partial("clinical_trials", year), from, year);
        add("trials.started_ratio", change.pct() == null ? null : change.pct() + 1, from, year, change);
        add("trials.active", (double) rows.of("clinical_trials", swedishAtmp.and(r -> r.is("active"))).count(), year, year);
    }

    private void cart(int year) {
        int from = settings.from("cart_infusions").orElse(year - 2);
        Series total = total("cart_infusions");
        if (total == null) {
            return;
        }
        add("cart.infusions_total", total.values().values().stream().mapToDouble(Double::doubleValue).sum(),
                total.firstYear(), Math.max(year, total.lastYear()));
        Double first = total.value(from);
        Double last = total.value(year);
        add("cart.infusions_from", first, from, from);
        add("cart.infusions_last", last, year, year);
        Comparison change = Comparison.of(first, total.lowerBound(from), last, total.lowerBound(year), from, year);
        add("cart.change_pct", change.pct(), from, year, change);
    }

    private void funding(int year) {
        List<Rows.Row> matched = rows.of("eu_funding", r -> r.get("match_rule") != null).toList();
        int first = matched.stream().map(r -> r.year("year")).filter(java.util.Objects::nonNull).min(Integer::compare).orElse(year);
        add("funding.sme_total_eur", matched.stream().filter(r -> r.is("register_sme")).mapToDouble(r -> r.number("ec_contribution")).sum(),
                first, year);
        add("funding.atmp_developers_total_eur", matched.stream().mapToDouble(r -> r.number("ec_contribution")).sum(), first, year);
        add("funding.sme_companies", (double) matched.stream().filter(r -> r.is("register_sme")).map(r -> r.text("org_number"))
                .distinct().count(), first, year);
    }

    private void publications(int year) {
        List<Series> perMillion = series.stream().filter(s -> s.key().equals("publications.per_million")).toList();
        Series sweden = perMillion.stream().filter(s -> "Sweden".equals(s.member())).findFirst().orElse(null);
        if (sweden == null) {
            return;
        }
        // The latest complete year: a year not over ranks countries on part of a year.
        int last = sweden.complete().isEmpty() ? Math.min(year, sweden.lastYear()) : sweden.complete().lastKey();
        add("publications.sweden_per_million", sweden.value(last), last, last);
        List<Series> ranked = perMillion.stream().filter(s -> s.value(last) != null)
                .sorted(Comparator.comparingDouble((Series s) -> s.value(last)).reversed()).toList();
        // Countries with the same figure share a rank (two at 0 are both behind every country above 0).
        add("publications.sweden_rank_europe", (double) (1 + ranked.stream().filter(s -> s.value(last) > sweden.value(last))
                .count()), last, last);
        add("publications.leader_europe", ranked.get(0).member(), last, last);
        Trend trend = Trends.of(sweden);
        KpiDefinition def = definition("publications.sweden_trend_slope");
        kpis.add(new Kpi(def.key(), def.label(), trend.slope(), def.unit(), trend.firstYear(), trend.lastYear(),
                def.definition(), def.sources(), false, trend.slope() == null ? "no trend: " + trend.note() : trend.note(),
                null, trend.pValue()));
    }

    /**
     * Products, not rows: NT-rådet's sheet has a row per indication. A product counts once, under the most advanced
     * status any of its indications has: recommended, then under assessment, then not recommended. A product recommended
     * for one indication and assessed for another is a recommended product (not also one "under assessment").
     */
    private void recommendations(int year) {
        List<String> order = List.of("recommended", "under assessment", "not recommended");
        Map<String, Rows.Row> best = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rows.of("recommendations").forEach(r -> best.merge(r.member("product"), r, (a, b) ->
                rank(order, b.text("status")) < rank(order, a.text("status")) ? b : a));
        List<Rows.Row> products = List.copyOf(best.values());
        List<Rows.Row> recommended = products.stream().filter(r -> "recommended".equals(r.text("status"))).toList();
        add("recommendations.recommended", (double) recommended.size(), year, year);
        recommended.stream().collect(Collectors.groupingBy(r -> r.member("atmp_type"), TreeMap::new, Collectors.counting()))
                .forEach((type, n) -> add("recommendations.recommended.<atmp_type>", type, n.doubleValue(), year, year));
        add("recommendations.under_assessment",
                (double) products.stream().filter(r -> "under assessment".equals(r.text("status"))).count(), year, year);
        add("recommendations.not_recommended",
                (double) products.stream().filter(r -> "not recommended".equals(r.text("status"))).count(), year, year);
    }

    private static int rank(List<String> order, String status) {
        int i = order.indexOf(status);
        return i < 0 ? order.size() : i;
    }

    private void patients(int year) {
        List<Rows.Row> all = rows.of("patients_treated").toList();
        if (all.isEmpty()) {
            add("patients.total", 0.0, year, year);
            return;
        }
        int first = all.stream().map(r -> r.year("year")).min(Integer::compare).orElseThrow();
        int last = all.stream().map(r -> r.year("year")).max(Integer::compare).orElseThrow();
        add("patients.total", all.stream().mapToDouble(r -> r.number("patients")).sum(), first, last);
        all.stream().collect(Collectors.groupingBy(r -> r.member("product"), TreeMap::new,
                        Collectors.summingDouble(r -> r.number("patients"))))
                .forEach((product, n) -> add("patients.<product>", product, n, first, last));
    }

    /**
     * A KPI of a member that has no rows ({@code patients.luxturna} when no patient was treated with Luxturna): every
     * per-member KPI counts, so it is 0, with a note naming the members that do have rows. {@code null} when the key is
     * no member of a per-member KPI.
     */
    static Kpi zeroMember(String key, List<Kpi> known, int year) {
        for (KpiDefinition def : DEFINITIONS) {
            if (!def.perMember() || !key.startsWith(def.prefix() + ".")) {
                continue;
            }
            String member = key.substring(def.prefix().length() + 1);
            if (member.isEmpty() || !member.equals(slug(member))) {
                continue;
            }
            List<String> members = known.stream().filter(k -> k.member() != null && k.key().equals(def.prefix() + "."
                    + slug(k.member()))).map(Kpi::key).toList();
            boolean longerPrefix = DEFINITIONS.stream().anyMatch(other -> other != def && other.perMember()
                    && other.prefix().startsWith(def.prefix() + ".") && key.startsWith(other.prefix() + "."));
            if (longerPrefix) {
                continue;
            }
            String shown = Character.toUpperCase(member.charAt(0)) + member.substring(1).replace('_', ' ');
            return new Kpi(key, def.label() + ": " + shown, 0.0, def.unit(), year, year, def.definition(), def.sources(),
                    false, "no rows for \"" + member + "\" in " + String.join(", ", def.sources()) + ": counted as 0"
                    + (members.isEmpty() ? "" : " (members with rows: " + String.join(", ", members) + ")"), shown);
        }
        return null;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /**
     * A change between two years under the rule on lower bounds: a change into a year whose value is a lower bound (not
     * over, or missing a member) is kept only when it is a rise, and then it is a lower bound too; a change from such a
     * year is not computed.
     */
    record Comparison(Double abs, Double pct, String note, boolean lowerBound) {
        static Comparison of(Double first, boolean firstLower, Double last, boolean lastLower, int from, int to) {
            if (first == null || last == null) {
                return new Comparison(null, null, "no " + (first == null ? from : to) + " in the data", false);
            }
            if (firstLower) {
                return new Comparison(null, null, "no comparison: " + from + " is a lower bound", false);
            }
            if (lastLower && last <= first) {
                return new Comparison(null, null, "no comparison yet: " + to + " was not complete and shows no rise so far",
                        false);
            }
            return new Comparison(last - first, first == 0 ? null : (last - first) / first,
                    first == 0 ? "no % change from zero" : lastLower ? "a lower bound: " + to + " was not complete" : null,
                    lastLower);
        }
    }

    private void add(String key, Object value, int from, int to) {
        add(key, null, value, from, to);
    }

    private void add(String key, Object value, int from, int to, Comparison change) {
        add(key, null, value, from, to, change.note(), change.lowerBound());
    }

    private void add(String definitionKey, String member, Object value, int from, int to) {
        add(definitionKey, member, value, from, to, null, false);
    }

    /** @param lowerBound whether the value is a lower bound for a reason other than its last year not being over */
    private void add(String definitionKey, String member, Object value, int from, int to, String why, boolean lowerBound) {
        KpiDefinition def = definition(definitionKey);
        String key = member == null ? def.key() : def.prefix() + "." + slug(member);
        String label = member == null ? def.label() : def.label() + ": " + member;
        boolean partial = value != null && (partial(def, to) || lowerBound);
        String note = value == null ? (why != null ? why : "cannot be computed from these inputs (a missing year or a zero base)")
                : why;
        if (value != null && def.kind() == Kind.LEVEL && periods.partial(def.sources().get(0), to)) {
            String provisional = periods.provisionalNote(def.sources().get(0), to);
            note = note == null ? provisional : note.contains(provisional) ? note : note + "; " + provisional;
        }
        kpis.add(new Kpi(key, label, value, def.unit(), from, to, def.definition(), def.sources(), partial, note,
                member));
    }

    /**
     * A KPI that counts what happened over its period (postings, infusions, trials started, funding, patients), or what
     * is under way on a day as a registry that lags reports it (active trials), is a lower bound when its period ends in
     * a year that was not over when the data it counts (its first source) was taken. A level on a day (employees) is
     * provisional then, not a lower bound; a state, a rank or a trend is neither. See {@link Kind}.
     */
    private boolean partial(KpiDefinition def, int to) {
        return (def.kind() == Kind.COUNT || def.kind() == Kind.ACTIVE) && periods.partial(def.sources().get(0), to);
    }

    private Series total(String key) {
        return series.stream().filter(s -> s.key().equals(key) && s.breakdown() == null).findFirst().orElse(null);
    }

    private static Predicate<Rows.Row> inYears(String column, int from, int to) {
        return r -> {
            Integer y = r.year(column);
            return y != null && y >= from && y <= to;
        };
    }

    static KpiDefinition definition(String key) {
        return DEFINITIONS.stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no KPI definition " + key));
    }

    /** {@code CAR T} to {@code car_t}, {@code Västra Götaland} to {@code vastra_gotaland}: a member as part of a key. */
    public static String slug(String member) {
        String ascii = Normalizer.normalize(member, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static KpiDefinition def(String key, String label, String unit, String definition, List<String> sources,
                                     Kind kind) {
        return new KpiDefinition(key, label, unit, definition, sources, kind);
    }
}
