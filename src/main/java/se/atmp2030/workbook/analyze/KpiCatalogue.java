package se.atmp2030.workbook.analyze;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import se.atmp2030.workbook.collect.Dataset;
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
                    "Companies in the register of Swedish ATMP developers", COMPANIES),
            def("companies.sme_count", "SME ATMP developers in Sweden", "companies",
                    "Companies in the register marked as SMEs", COMPANIES),
            def("employees.sme_last", "Employees of SME developers", "persons",
                    "Employees of the register's SMEs in the report year", EMPLOYEES),
            def("employees.sme_baseline", "Employees of SME developers in the baseline year", "persons",
                    "Employees of the register's SMEs in the year set by from.employees", EMPLOYEES),
            def("employees.change_since_baseline_abs", "New employees since the baseline year", "persons",
                    "Employees of SMEs in the report year minus those in the baseline year", EMPLOYEES),
            def("employees.change_since_baseline_pct", "Change in employees since the baseline year", "percent",
                    "Change in SME employees from the baseline year to the report year, as a share of the baseline", EMPLOYEES),
            def("employees.cagr", "Yearly growth of employees", "percent",
                    "Compound annual growth of SME employees from the baseline year to the report year", EMPLOYEES),
            def("jobs.nordic_total", "Nordic ATMP job postings", "postings",
                    "ATMP job postings in the Nordic countries published from from.job_postings to the report year", JOBS),
            def("jobs.postings.<country>", "ATMP job postings in a country", "postings",
                    "ATMP job postings in the country over the same period", JOBS),
            def("jobs.top_country", "Country with the most ATMP job postings", "country",
                    "The Nordic country with the most postings over the period", JOBS),
            def("jobs.top_country_postings", "Postings in the leading country", "postings",
                    "Postings of that country over the period", JOBS),
            def("jobs.sweden_rank", "Sweden's rank in Nordic ATMP job postings", "rank",
                    "Sweden's place among the Nordic countries by postings over the period (1 = most)", JOBS),
            def("trials.swedish_atmp_total", "ATMP trials with a Swedish site", "trials",
                    "Trials classified ATMP with at least one site in Sweden, any start year", TRIALS),
            def("trials.started_from", "ATMP trials started in the comparison year", "trials",
                    "ATMP trials with a Swedish site that started in the year set by from.trials", TRIALS),
            def("trials.started_last", "ATMP trials started in the report year", "trials",
                    "ATMP trials with a Swedish site that started in the report year", TRIALS),
            def("trials.started_ratio", "Growth in ATMP trials started", "ratio",
                    "Trials started in the report year divided by those started in the comparison year", TRIALS),
            def("trials.active", "Active ATMP trials with a Swedish site", "trials",
                    "ATMP trials with a Swedish site that are recruiting, active or enrolling by invitation", TRIALS),
            def("cart.infusions_total", "CAR T infusions as standard of care", "infusions",
                    "CAR T infusions given as standard of care, all years", CART),
            def("cart.infusions_from", "CAR T infusions in the comparison year", "infusions",
                    "Infusions in the year set by from.cart_infusions", CART),
            def("cart.infusions_last", "CAR T infusions in the report year", "infusions", "Infusions in the report year", CART),
            def("cart.change_pct", "Change in CAR T infusions", "percent",
                    "Change in infusions from the comparison year to the report year, as a share of the first", CART),
            def("funding.sme_total_eur", "EU funding to Swedish ATMP SMEs", "EUR",
                    "EU contribution (CORDIS) to register companies that are SMEs, all projects", FUNDING),
            def("funding.atmp_developers_total_eur", "EU funding to Swedish ATMP developers", "EUR",
                    "EU contribution (CORDIS) to all register companies, all projects", FUNDING),
            def("funding.sme_companies", "SME developers with EU funding", "companies",
                    "Register SMEs with at least one EU-funded participation", FUNDING),
            def("publications.sweden_per_million", "Swedish ATMP publications per million inhabitants", "per million inhabitants",
                    "Publications with a Swedish affiliation per million inhabitants, in the latest year with population data",
                    PUBLICATIONS),
            def("publications.sweden_rank_europe", "Sweden's rank in Europe in ATMP publications per capita", "rank",
                    "Sweden's place among European countries by publications per million inhabitants (1 = most)", PUBLICATIONS),
            def("publications.leader_europe", "European leader in ATMP publications per capita", "country",
                    "The European country with the most publications per million inhabitants", PUBLICATIONS),
            def("publications.sweden_trend_slope", "Trend of Swedish publications per capita", "per million per year",
                    "Slope of the least-squares line through Sweden's publications per million, per year", PUBLICATIONS),
            def("recommendations.recommended", "Recommended ATMPs in Sweden", "products",
                    "ATMPs that NT-rådet / TLV recommend", RECOMMENDATIONS),
            def("recommendations.recommended.<atmp_type>", "Recommended ATMPs of a type", "products",
                    "Recommended ATMPs of the type (car_t, gene_therapy, ...)", RECOMMENDATIONS),
            def("recommendations.under_assessment", "ATMPs under assessment", "products",
                    "ATMPs still under assessment by NT-rådet / TLV", RECOMMENDATIONS),
            def("recommendations.not_recommended", "ATMPs not recommended", "products",
                    "ATMPs that NT-rådet / TLV do not recommend", RECOMMENDATIONS),
            def("patients.total", "Patients treated with the listed ATMPs", "patients", "Patients treated, all products and years",
                    PATIENTS),
            def("patients.<product>", "Patients treated with a product", "patients", "Patients treated with the product, all years",
                    PATIENTS));

    private final Rows rows;
    private final ReportSettings settings;
    private final List<Series> series;
    private final Map<String, LocalDate> asOf;
    private final List<Kpi> kpis = new ArrayList<>();

    KpiCatalogue(Rows rows, ReportSettings settings, List<Series> series, List<Dataset> datasets) {
        this.rows = rows;
        this.settings = settings;
        this.series = series;
        this.asOf = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            LocalDate date = d.provenance().retrieved() != null ? d.provenance().retrieved() : d.provenance().dataAsOf();
            if (date != null) {
                asOf.put(d.name(), date);
            }
        }
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
        add("employees.sme_last", last, year, year);
        add("employees.sme_baseline", first, base, base);
        addChange("employees.change_since_baseline_abs", "employees.change_since_baseline_pct", first, last, base, year);
        Double cagr = first == null || last == null || first == 0 || year == base ? null
                : Math.pow(last / first, 1.0 / (year - base)) - 1;
        add("employees.cagr", cagr, base, year);
    }

    private void jobs(int year) {
        int from = settings.from("job_postings").orElse(year - 4);
        Map<String, Long> byCountry = rows.of("job_postings", inYears("year", from, year))
                .collect(Collectors.groupingBy(r -> r.text("country"), TreeMap::new, Collectors.counting()));
        add("jobs.nordic_total", (double) byCountry.values().stream().mapToLong(Long::longValue).sum(), from, year);
        byCountry.forEach((country, n) -> add("jobs.postings.<country>", country, n.doubleValue(), from, year));
        List<String> ranked = byCountry.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        if (!ranked.isEmpty()) {
            add("jobs.top_country", ranked.get(0), from, year);
            add("jobs.top_country_postings", byCountry.get(ranked.get(0)).doubleValue(), from, year);
        }
        int rank = ranked.indexOf("Sweden");
        add("jobs.sweden_rank", rank < 0 ? null : (double) (rank + 1), from, year);
    }

    private void trials(int year) {
        int from = settings.from("trials").orElse(year - 3);
        Predicate<Rows.Row> swedishAtmp = r -> r.is("atmp") && r.is("swedish_site");
        add("trials.swedish_atmp_total", (double) rows.of("clinical_trials", swedishAtmp).count(), year, year);
        double first = rows.of("clinical_trials", swedishAtmp.and(inYears("start_year", from, from))).count();
        double last = rows.of("clinical_trials", swedishAtmp.and(inYears("start_year", year, year))).count();
        add("trials.started_from", first, from, from);
        add("trials.started_last", last, year, year);
        add("trials.started_ratio", first == 0 ? null : last / first, from, year);
        add("trials.active", (double) rows.of("clinical_trials", swedishAtmp.and(r -> r.is("active"))).count(), year, year);
    }

    private void cart(int year) {
        int from = settings.from("cart_infusions").orElse(year - 2);
        Series total = total("cart_infusions");
        if (total == null) {
            return;
        }
        add("cart.infusions_total", total.values().values().stream().mapToDouble(Double::doubleValue).sum(),
                total.firstYear(), total.lastYear());
        Double first = total.value(from);
        Double last = total.value(year);
        add("cart.infusions_from", first, from, from);
        add("cart.infusions_last", last, year, year);
        add("cart.change_pct", first == null || last == null || first == 0 ? null : (last - first) / first, from, year);
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
        int last = Math.min(year, sweden.lastYear());
        add("publications.sweden_per_million", sweden.value(last), last, last);
        List<Series> ranked = perMillion.stream().filter(s -> s.value(last) != null)
                .sorted(Comparator.comparingDouble((Series s) -> s.value(last)).reversed()).toList();
        add("publications.sweden_rank_europe", (double) (ranked.indexOf(sweden) + 1), last, last);
        add("publications.leader_europe", ranked.get(0).member(), last, last);
        add("publications.sweden_trend_slope", Trends.of(sweden).slope(), sweden.firstYear(), sweden.lastYear());
    }

    private void recommendations(int year) {
        List<Rows.Row> all = rows.of("recommendations").toList();
        List<Rows.Row> recommended = all.stream().filter(r -> "recommended".equals(r.text("status"))).toList();
        add("recommendations.recommended", (double) recommended.size(), year, year);
        recommended.stream().collect(Collectors.groupingBy(r -> r.text("atmp_type"), TreeMap::new, Collectors.counting()))
                .forEach((type, n) -> add("recommendations.recommended.<atmp_type>", type, n.doubleValue(), year, year));
        add("recommendations.under_assessment",
                (double) all.stream().filter(r -> "under assessment".equals(r.text("status"))).count(), year, year);
        add("recommendations.not_recommended",
                (double) all.stream().filter(r -> "not recommended".equals(r.text("status"))).count(), year, year);
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
        all.stream().collect(Collectors.groupingBy(r -> r.text("product"), TreeMap::new,
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

    private void addChange(String absKey, String pctKey, Double first, Double last, int from, int to) {
        add(absKey, first == null || last == null ? null : last - first, from, to);
        add(pctKey, first == null || last == null || first == 0 ? null : (last - first) / first, from, to);
    }

    private void add(String key, Object value, int from, int to) {
        add(key, null, value, from, to);
    }

    private void add(String definitionKey, String member, Object value, int from, int to) {
        KpiDefinition def = definition(definitionKey);
        String key = member == null ? def.key() : def.prefix() + "." + slug(member);
        String label = member == null ? def.label() : def.label() + ": " + member;
        String note = value == null ? "cannot be computed from these inputs (a missing year or a zero base)" : null;
        kpis.add(new Kpi(key, label, value, def.unit(), from, to, def.definition(), def.sources(), partial(def, to), note,
                member));
    }

    /** A KPI is a lower bound when its period ends in a year that was not over when its data was taken. */
    private boolean partial(KpiDefinition def, int to) {
        return def.sources().stream().map(asOf::get).filter(java.util.Objects::nonNull)
                .anyMatch(date -> date.getYear() == to && date.isBefore(LocalDate.of(to, 12, 31)));
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

    private static KpiDefinition def(String key, String label, String unit, String definition, List<String> sources) {
        return new KpiDefinition(key, label, unit, definition, sources);
    }
}
