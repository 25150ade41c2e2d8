package se.atmp2030.workbook.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import se.atmp2030.workbook.collect.ReportSettings;

/**
 * Every time series the report shows, derived from the collected datasets. Counts and sums are zero in a year of their
 * range with no record (nothing happened that year); measured values (employees of one company, publications per
 * million where the population is unknown) are missing instead.
 */
final class SeriesCatalogue {
    private final Rows rows;
    private final ReportSettings settings;
    private final List<Series> series = new ArrayList<>();

    SeriesCatalogue(Rows rows, ReportSettings settings) {
        this.rows = rows;
        this.settings = settings;
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

    private void employees() {
        List<Rows.Row> sme = rows.of("employees", r -> r.is("sme")).toList();
        String topic = "employees";
        measured("employees.sme", "Employees of Swedish ATMP SME developers", null, null, "persons", topic, sme,
                r -> r.year("year"), r -> r.number("employees"), List.of("employees", "companies"));
        group(sme, r -> r.text("company")).forEach((company, list) ->
                measured("employees.sme", "Employees of Swedish ATMP SME developers", "company", company, "persons",
                        topic, list, r -> r.year("year"), r -> r.number("employees"), List.of("employees", "companies")));
    }

    private void jobPostings() {
        List<Rows.Row> all = rows.of("job_postings").toList();
        counted("job_postings", "Nordic ATMP job postings", "country", all, r -> r.text("country"),
                r -> r.year("year"), r -> 1, "postings", "job_postings", List.of("job_postings"));
    }

    private void trials() {
        List<Rows.Row> swedishAtmp = rows.of("clinical_trials", r -> r.is("atmp") && r.is("swedish_site")
                && r.get("start_year") != null).toList();
        List<String> sources = List.of("clinical_trials");
        String label = "ATMP trials with a Swedish site, by start year";
        counted("trials.swedish_atmp_started", label, "phase", swedishAtmp,
                r -> r.text("phase") == null ? "Not stated" : r.text("phase"), r -> r.year("start_year"), r -> 1,
                "trials", "trials", sources);
        countedBreakdownOnly("trials.swedish_atmp_started", label, "atmp_category", swedishAtmp,
                r -> r.text("atmp_category"), r -> r.year("start_year"), "trials", "trials", sources);
        List<Rows.Row> active = swedishAtmp.stream().filter(r -> r.is("active")).toList();
        counted("trials.swedish_atmp_active", "Active ATMP trials with a Swedish site, by start year", null, active,
                null, r -> r.year("start_year"), r -> 1, "trials", "trials", sources);
    }

    private void cartInfusions() {
        List<Rows.Row> all = rows.of("cart_infusions").toList();
        String label = "CAR T infusions as standard of care";
        counted("cart_infusions", label, "region", all, r -> r.text("region"), r -> r.year("year"),
                r -> r.number("infusions"), "infusions", "cart_infusions", List.of("cart_infusions"));
        countedBreakdownOnly("cart_infusions", label, "product", all, r -> r.text("product"), r -> r.year("year"),
                "infusions", "cart_infusions", List.of("cart_infusions"), r -> r.number("infusions"));
    }

    private void funding() {
        List<Rows.Row> matched = rows.of("eu_funding", r -> r.get("match_rule") != null && r.get("year") != null).toList();
        counted("eu_funding.atmp_developers", "EU contribution to Swedish ATMP developers, by project start year",
                "company", matched, r -> r.text("company"), r -> r.year("year"), r -> r.number("ec_contribution"), "EUR",
                "eu_funding", List.of("eu_funding", "companies"));
    }

    private void publications() {
        Map<String, Double> population = new java.util.HashMap<>();
        rows.of("population").forEach(r -> population.put(r.text("country") + "/" + r.year("year"), r.number("population")));
        Map<String, SortedMap<Integer, Double>> counts = new TreeMap<>();
        rows.of("publications", r -> r.is("europe")).forEach(r ->
                counts.computeIfAbsent(r.text("country"), c -> new TreeMap<>()).merge(r.year("year"), 1.0, Double::sum));
        counts.forEach((country, perYear) -> {
            SortedMap<Integer, Double> perMillion = new TreeMap<>();
            perYear.forEach((year, n) -> {
                Double people = population.get(country + "/" + year);
                if (people != null && people > 0) {
                    perMillion.put(year, n * 1e6 / people);
                }
            });
            if (!perMillion.isEmpty()) {
                add("publications.per_million", "ATMP publications per million inhabitants", "country", country,
                        "per million inhabitants", "publications", perMillion, List.of("publications", "population"));
            }
        });
    }

    private void patients() {
        List<Rows.Row> all = rows.of("patients_treated").toList();
        countedBreakdownOnly("patients_treated", "Patients treated with ATMPs", "product", all, r -> r.text("product"),
                r -> r.year("year"), "patients", "patients_treated", List.of("patients_treated"), r -> r.number("patients"));
    }

    private void recommendations() {
        List<Rows.Row> decided = rows.of("recommendations", r -> r.get("decision_date") != null).toList();
        countedBreakdownOnly("recommendations.decided", "ATMP assessments decided, by decision year", "atmp_type × status",
                decided, r -> r.text("atmp_type") + " × " + r.text("status"),
                r -> ((java.time.LocalDate) r.get("decision_date")).getYear(), "products", "recommendations",
                List.of("recommendations"));
    }

    // ---- builders --------------------------------------------------------------------------------------------------

    /** A total and, if {@code breakdown} is given, one series per member; zero-filled over the records' years. */
    private void counted(String key, String label, String breakdown, List<Rows.Row> records, Function<Rows.Row, String> member,
                         Function<Rows.Row, Integer> year, ToDoubleFunction<Rows.Row> amount, String unit, String topic,
                         List<String> sources) {
        if (records.isEmpty()) {
            return;
        }
        int[] range = range(records, year);
        add(key, label, null, null, unit, topic, sum(records, year, amount, range), sources);
        if (breakdown != null) {
            countedBreakdownOnly(key, label, breakdown, records, member, year, unit, topic, sources, amount);
        }
    }

    private void countedBreakdownOnly(String key, String label, String breakdown, List<Rows.Row> records,
                                      Function<Rows.Row, String> member, Function<Rows.Row, Integer> year, String unit,
                                      String topic, List<String> sources) {
        countedBreakdownOnly(key, label, breakdown, records, member, year, unit, topic, sources, r -> 1);
    }

    private void countedBreakdownOnly(String key, String label, String breakdown, List<Rows.Row> records,
                                      Function<Rows.Row, String> member, Function<Rows.Row, Integer> year, String unit,
                                      String topic, List<String> sources, ToDoubleFunction<Rows.Row> amount) {
        if (records.isEmpty()) {
            return;
        }
        int[] range = range(records, year);
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
        }
    }

    private void add(String key, String label, String breakdown, String member, String unit, String topic,
                     SortedMap<Integer, Double> values, List<String> sources) {
        int baseline = settings.from(topic).filter(values::containsKey).orElse(values.firstKey());
        series.add(new Series(key, label, breakdown, member, unit, baseline, values, sources));
    }

    private static SortedMap<Integer, Double> sum(List<Rows.Row> records, Function<Rows.Row, Integer> year,
                                                  ToDoubleFunction<Rows.Row> amount, int[] range) {
        SortedMap<Integer, Double> values = new TreeMap<>();
        for (int y = range[0]; y <= range[1]; y++) {
            values.put(y, 0.0);
        }
        records.forEach(r -> values.merge(year.apply(r), amount.applyAsDouble(r), Double::sum));
        return values;
    }

    private static int[] range(List<Rows.Row> records, Function<Rows.Row, Integer> year) {
        int min = records.stream().map(year).min(Integer::compare).orElseThrow();
        int max = records.stream().map(year).max(Integer::compare).orElseThrow();
        return new int[] {min, max};
    }

    private static Map<String, List<Rows.Row>> group(List<Rows.Row> records, Function<Rows.Row, String> member) {
        Map<String, List<Rows.Row>> groups = new TreeMap<>();
        Predicate<String> present = m -> m != null;
        for (Rows.Row r : records) {
            String m = member.apply(r);
            if (present.test(m)) {
                groups.computeIfAbsent(m, k -> new ArrayList<>()).add(r);
            }
        }
        return groups;
    }
}
