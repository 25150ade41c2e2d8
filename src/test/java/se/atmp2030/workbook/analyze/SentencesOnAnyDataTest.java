package se.atmp2030.workbook.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.atmp2030.workbook.collect.Problems;

/**
 * Every sentence of {@code key-insights.txt} and every narrative of the template, worded on rising, falling, flat, zero
 * and single-year data, with the year in progress or complete: each must read as a true, natural sentence. The KPI
 * values of each case are set here from a small description of the data (first and last value of each topic), under
 * the rules of KPIS.md (no comparison into a year not over unless it rises, no ratio from zero, no change from a
 * single year); the checks are rules on the words, not expected strings: a direction word agrees with the sign, "and
 * counting" follows only a rise into a year not over, a trend word only a significant slope, no number is negative or
 * missing, no subject is named twice, a count of one takes the singular.
 */
class SentencesOnAnyDataTest {
    /** A topic's first and last value. */
    record Change(double first, double last) {
        boolean single() {
            return Double.isNaN(first);
        }
    }

    /** The data a case describes. */
    record Data(String name, boolean partial, Change employees, Map<String, Double> postings, Change trials,
                double active, Change cart, double cartTotal, double funding, Integer swedenRank, String leader,
                Double slope, Double p, double recommended, double carT, double geneTherapy, double underAssessment,
                double luxturna, double zolgensma, double libmeldy) {
    }

    static Stream<Arguments> cases() {
        double single = Double.NaN;
        List<Data> data = List.of(
                new Data("rising", true, new Change(110, 311), Map.of("Denmark", 519.0, "Sweden", 156.0, "Norway", 26.0),
                        new Change(9, 18), 48, new Change(26, 46), 146, 16_412_385.4, 1, "Sweden", 0.18, 0.001, 7, 4, 3, 6,
                        8, 9, 1),
                new Data("falling", true, new Change(110, 94), Map.of("Sweden", 61.0, "Denmark", 40.0, "Norway", 1.0),
                        new Change(12, 5), 9, new Change(40, 22), 180, 1_950, 2, "Denmark", -0.31, 0.004, 3, 1, 2, 0,
                        1, 0, 2),
                new Data("falling, complete year", false, new Change(110, 94), Map.of("Denmark", 80.0, "Sweden", 61.0),
                        new Change(12, 5), 9, new Change(40, 22), 180, 1_950_000, 3, "Denmark", -0.31, 0.004, 3, 1, 2, 2,
                        1, 0, 2),
                new Data("flat", false, new Change(100, 100), Map.of("Denmark", 50.0, "Sweden", 50.0), new Change(5, 5), 5,
                        new Change(20, 20), 60, 700, 1, "Sweden", 0.02, 0.82, 1, 1, 0, 1, 1, 1, 1),
                new Data("zero", true, new Change(0, 0), Map.of(), new Change(0, 0), 0, new Change(0, 0), 0, 0, null,
                        null, null, null, 0, 0, 0, 0, 0, 0, 0),
                new Data("single year", true, new Change(single, 12), Map.of("Sweden", 3.0), new Change(single, 4), 1,
                        new Change(single, 12), 12, 25, 1, "Sweden", null, null, 1, 0, 1, 0, 0, 1, 0));
        return data.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySentenceAndNarrativeReadsTrue(Data data) throws IOException {
        Map<String, Kpi> kpis = kpis(data);
        List<String> lines = Files.readAllLines(Path.of("workbook-templates/key-insights.txt"), StandardCharsets.UTF_8);
        Problems problems = new Problems();
        Insights.Rendered rendered = Insights.render(lines, "key-insights.txt", kpis, problems);
        assertThat(problems.all()).isEmpty();
        List<String> texts = new ArrayList<>();
        rendered.insights().forEach(i -> texts.add(i.text()));
        for (String narrative : narratives()) {
            Wordings.Choice choice = Wordings.choose(narrative, kpis, (name, format) ->
                    InsightFormat.apply(kpis.get(name.substring(4)), format));
            assertThat(choice.text()).as("a narrative always has a wording: " + narrative).isNotNull();
            texts.add(choice.text());
        }
        assertThat(rendered.insights()).as("sentences left out: " + rendered.notices()).hasSizeGreaterThanOrEqualTo(6);
        if (System.getProperty("atmp.printSentences") != null) {
            texts.forEach(t -> System.out.println(data.name() + ": " + t));
        }
        for (String text : texts) {
            check(text, data, kpis);
        }
    }

    private static void check(String text, Data data, Map<String, Kpi> kpis) {
        assertThat(text).as(text).doesNotContain("n/a", "null", "NaN", "  ", " ,", " .", "--", "at least 0 ")
                .doesNotContainPattern("(?<![\\w-])-\\d") // no negative count: direction words instead
                .doesNotContainPattern("\\b1 (patients|trials|infusions|employees|ATMPs|developers|postings)\\b")
                .doesNotContainPattern("\\b(no|0) \\w+ (patient|trial|infusion|employee)\\b")
                .doesNotEndWith("–").doesNotEndWith(",");
        Kpi employees = kpis.get("employees.change_since_baseline_abs");
        if (text.contains("in employees since")) {
            String expected = employees.number() > 0 ? "increase" : employees.number() < 0 ? "decrease" : "no change";
            assertThat(text.toLowerCase()).as(text).contains(expected);
            assertThat(text).as(text).contains(employees.number() > 0 ? " new employee"
                    : employees.number() < 0 ? " fewer employee" : "no new employees");
        }
        if (text.contains(" than in ")) {
            assertThat(text).as(text).contains(employees.number() > 0 ? "more than" : employees.number() < 0 ? "fewer than"
                    : "no more than");
        }
        if (text.contains("job postings")) {
            assertThat(Pattern.compile("Sweden").matcher(text).results().count()).as("Sweden named once: " + text)
                    .isLessThanOrEqualTo(1);
        }
        if (text.contains("the leader is")) {
            assertThat(text).as(text).doesNotContain("first in Europe").doesNotEndWith("is Sweden.");
        }
        Matcher over = Pattern.compile("[Oo]ver ([\\d,.]+)( million)?").matcher(text);
        while (over.find()) {
            double said = Double.parseDouble(over.group(1).replace(",", "")) * (over.group(2) == null ? 1 : 1e6);
            double value = text.contains("euros") ? data.funding() : data.postings().values().stream()
                    .mapToDouble(Double::doubleValue).sum();
            assertThat(said).as(text).isLessThan(value).isGreaterThanOrEqualTo(value * 0.9 - 1e-9);
        }
        Kpi cart = kpis.get("cart.change_pct");
        Kpi ratio = kpis.get("trials.started_ratio");
        if (text.contains("and counting")) {
            boolean rise = text.contains("CAR T") ? cart.number() != null && cart.number() > 0
                    : ratio.number() != null && ratio.number() > 1;
            assertThat(rise && data.partial()).as("\"and counting\" only after a rise into a year not over: " + text)
                    .isTrue();
        }
        if (text.contains("CAR T treatments") || text.contains("CAR T infusions given as standard of care,")) {
            assertThat(text.toLowerCase()).as(text).contains(cart.number() > 0 ? "increase" : cart.number() < 0 ? "decrease"
                    : "no change");
        }
        if (text.contains("ATMP clinical trials")) {
            double r = ratio.number();
            assertThat(text).as(text).containsPattern(r > 1 ? "double|triple|quadruple|grow by" : r < 1 ? "fall by"
                    : "hold steady");
        }
        if (text.contains("continues to increase") || text.contains("is decreasing")) {
            assertThat(data.p()).as("a trend word needs a significant slope: " + text).isNotNull().isLessThan(0.05);
            assertThat(text.contains("continues to increase")).isEqualTo(data.slope() > 0);
        }
        if (text.contains("holds steady")) {
            assertThat(data.p() == null || data.p() >= 0.05).as(text).isTrue();
        }
        if (text.contains("so far in")) {
            assertThat(data.partial()).as(text).isTrue();
        }
    }

    /** The KPIs the sentences and narratives name, as the rules of KPIS.md make them from the data of the case. */
    private static Map<String, Kpi> kpis(Data d) {
        Map<String, Kpi> kpis = new LinkedHashMap<>();
        int year = 2024;
        put(kpis, "companies.count", 27.0, year, year, false, "companies");
        put(kpis, "companies.sme_count", 25.0, year, year, false, "companies");
        Change e = d.employees();
        Double abs = comparison(e, d.partial());
        put(kpis, "employees.sme_last", e.last(), year, year, d.partial(), "persons");
        put(kpis, "employees.change_since_baseline_abs", abs, 2018, year, d.partial(), "persons");
        put(kpis, "employees.change_since_baseline_pct", abs == null || e.first() == 0 ? null : abs / e.first(), 2018, year,
                d.partial(), "percent");
        double total = d.postings().values().stream().mapToDouble(Double::doubleValue).sum();
        put(kpis, "jobs.nordic_total", total, 2020, year, d.partial(), "postings");
        List<Map.Entry<String, Double>> ranked = d.postings().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        put(kpis, "jobs.postings.sweden", d.postings().getOrDefault("Sweden", 0.0), 2020, year, d.partial(), "postings");
        put(kpis, "jobs.top_country", ranked.isEmpty() ? null : ranked.get(0).getKey(), 2020, year, false, "country");
        put(kpis, "jobs.top_country_postings", ranked.isEmpty() ? null : ranked.get(0).getValue(), 2020, year, d.partial(),
                "postings");
        int rank = ranked.stream().map(Map.Entry::getKey).toList().indexOf("Sweden");
        put(kpis, "jobs.sweden_rank", rank < 0 ? null : (double) (rank + 1), 2020, year, false, "rank");
        Change t = d.trials();
        Double tAbs = comparison(t, d.partial());
        put(kpis, "trials.started_ratio", tAbs == null || t.first() == 0 ? null : t.last() / t.first(), 2021, year,
                d.partial(), "ratio");
        put(kpis, "trials.started_last", t.last(), year, year, d.partial(), "trials");
        put(kpis, "trials.started_from", t.single() ? null : t.first(), 2021, 2021, false, "trials");
        put(kpis, "trials.active", d.active(), year, year, d.partial(), "trials");
        put(kpis, "trials.swedish_atmp_total", d.active() + t.last() + 3, year, year, d.partial(), "trials");
        Change c = d.cart();
        Double cAbs = comparison(c, d.partial());
        put(kpis, "cart.change_pct", cAbs == null || c.first() == 0 ? null : cAbs / c.first(), 2022, year, d.partial(),
                "percent");
        put(kpis, "cart.infusions_total", d.cartTotal(), 2019, year, d.partial(), "infusions");
        put(kpis, "funding.sme_total_eur", d.funding(), 2016, year, d.partial(), "EUR");
        put(kpis, "funding.atmp_developers_total_eur", d.funding() * 1.1, 2016, year, d.partial(), "EUR");
        put(kpis, "funding.sme_companies", d.funding() > 0 ? 3.0 : 0.0, 2016, year, d.partial(), "companies");
        put(kpis, "publications.sweden_rank_europe", d.swedenRank() == null ? null : (double) d.swedenRank(), 2023, 2023,
                false, "rank");
        put(kpis, "publications.leader_europe", d.leader(), 2023, 2023, false, "country");
        put(kpis, "publications.sweden_per_million", d.swedenRank() == null ? null : 2.48, 2023, 2023, false,
                "per million inhabitants");
        kpis.put("publications.sweden_trend_slope", new Kpi("publications.sweden_trend_slope", "s", d.slope(),
                "per million per year", 2018, 2023, "d", List.of("publications"), false, null, null, d.p()));
        put(kpis, "recommendations.recommended", d.recommended(), year, year, false, "products");
        put(kpis, "recommendations.recommended.car_t", d.carT(), year, year, false, "products");
        put(kpis, "recommendations.recommended.gene_therapy", d.geneTherapy(), year, year, false, "products");
        put(kpis, "recommendations.under_assessment", d.underAssessment(), year, year, false, "products");
        put(kpis, "patients.luxturna", d.luxturna(), 2020, year, d.partial(), "patients");
        put(kpis, "patients.zolgensma", d.zolgensma(), 2020, year, d.partial(), "patients");
        put(kpis, "patients.libmeldy", d.libmeldy(), 2020, year, d.partial(), "patients");
        put(kpis, "patients.total", d.luxturna() + d.zolgensma() + d.libmeldy(), 2020, year, d.partial(), "patients");
        return kpis;
    }

    /** The rule on comparisons: none from a single year, none into a year not over unless it rises. */
    private static Double comparison(Change change, boolean partial) {
        if (change.single()) {
            return null;
        }
        double abs = change.last() - change.first();
        return partial && abs <= 0 ? null : abs;
    }

    private static void put(Map<String, Kpi> kpis, String key, Object value, int from, int to, boolean partial,
                            String unit) {
        kpis.put(key, new Kpi(key, key, value, unit, from, to, "d", List.of("x"), partial && value != null, null, null));
    }

    /** The template's narratives: the text cells with placeholders on its section sheets. */
    private static List<String> narratives() throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("workbook-templates/atmp-annual-report.xlsx"));
             XSSFWorkbook template = new XSSFWorkbook(in)) {
            for (String sheet : List.of("Companies", "Employment and jobs", "Clinical trials", "ATMP in healthcare",
                    "EU funding", "Publications")) {
                for (Row row : template.getSheet(sheet)) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains("${kpi.")) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(texts).hasSize(6);
        return texts;
    }
}
