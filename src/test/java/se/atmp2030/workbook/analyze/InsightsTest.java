package se.atmp2030.workbook.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;

class InsightsTest {
    private static final Map<String, Kpi> KPIS = Map.of(
            "trials.active", kpi("trials.active", 48.0, true),
            "trials.started_ratio", kpi("trials.started_ratio", 2.0, false),
            "jobs.top_country", kpi("jobs.top_country", "Denmark", false));

    @Test
    void placeholdersAloneAndInsideText() {
        Problems problems = new Problems();
        List<Insights.Insight> insights = Insights.render(List.of("# a comment", "",
                "${kpi.trials.active:atleast} active", "Trials ${kpi.trials.started_ratio:times}; ${kpi.jobs.top_country} leads"),
                "t.txt", KPIS, problems).insights();
        assertThat(problems.all()).isEmpty();
        assertThat(insights).extracting(Insights.Insight::text)
                .containsExactly("At least 48 active", "Trials double; Denmark leads");
        assertThat(insights.get(1).kpis()).containsExactly("trials.started_ratio", "jobs.top_country");
    }

    @Test
    void anUnknownKpiNamesItsPlaceAndTheNearestKeys() {
        Problems problems = new Problems();
        List<Insights.Insight> insights = Insights.render(List.of("fine ${kpi.trials.active}", "x ${kpi.trials.actve} y",
                "${kpi.trials.active:fancy}"), "workbook-templates/key-insights.txt", KPIS, problems).insights();
        assertThat(insights).hasSize(1);
        assertThat(problems.all()).extracting(Problem::toString).containsExactly(
                "workbook-templates/key-insights.txt:2: placeholder ${kpi.trials.actve}: unknown KPI \"trials.actve\" "
                        + "(nearest: trials.active, trials.started_ratio, jobs.top_country)",
                "workbook-templates/key-insights.txt:3: placeholder ${kpi.trials.active:fancy}: unknown format \"fancy\" "
                        + "(expected pct, change, over, atleast, times, ordinal, leading, trend, counting, sofar, new, more, count, from, to, no or a number format such as 0.0%)");
    }

    @Test
    void theFirstAlternativeWhoseKpisAllHaveValuesIsUsed() {
        Map<String, Kpi> kpis = Map.of(
                "trials.started_ratio", kpi("trials.started_ratio", null, false),
                "trials.started_last", kpi("trials.started_last", 0.0, false),
                "trials.active", kpi("trials.active", 0.0, true));
        Problems problems = new Problems();
        Insights.Rendered rendered = Insights.render(List.of("Trials ${kpi.trials.started_ratio:times} from "
                        + "${kpi.trials.started_ratio:from} || ${kpi.trials.started_last:no} trials started in "
                        + "${kpi.trials.started_last:to} – ${kpi.trials.active:atleast} active"),
                "k.txt", kpis, problems);
        assertThat(problems.all()).isEmpty();
        assertThat(rendered.insights()).extracting(Insights.Insight::text)
                .containsExactly("No trials started in 2024 – 0 active");
        assertThat(rendered.notices()).isEmpty();
    }

    @Test
    void aLineWithoutAnyAlternativeThatHasItsNumbersIsLeftOutWithANotice() {
        Map<String, Kpi> kpis = Map.of("publications.sweden_rank_europe", kpi("publications.sweden_rank_europe", null, false),
                "trials.active", KPIS.get("trials.active"));
        Problems problems = new Problems();
        Insights.Rendered rendered = Insights.render(List.of("${kpi.trials.active} active",
                "Sweden is ${kpi.publications.sweden_rank_europe:leading} Europe || ${kpi.publications.sweden_rank_europe}",
                "${kpi.trials.active:atleast} again"),
                "k.txt", kpis, problems);
        assertThat(problems.all()).isEmpty();
        assertThat(rendered.insights()).extracting(Insights.Insight::text).containsExactly("48 active", "At least 48 again");
        assertThat(rendered.insights()).extracting(Insights.Insight::ordinal).as("the third line keeps its ordinal")
                .containsExactly(1, 3);
        assertThat(rendered.notices()).extracting(Notice::toString).containsExactly("sentence left out (k.txt:2): no value "
                + "for publications.sweden_rank_europe in these inputs (give the line an alternative after || that reads "
                + "well without it)");
    }

    @Test
    void anUnknownKpiInAnAlternativeIsAProblemEvenWhenAnEarlierOneIsUsed() {
        Problems problems = new Problems();
        Insights.render(List.of("${kpi.trials.active} active || ${kpi.trials.actve} active"), "k.txt", KPIS, problems);
        assertThat(problems.all()).extracting(Problem::toString).singleElement().asString()
                .startsWith("k.txt:1: placeholder ${kpi.trials.actve}: unknown KPI \"trials.actve\"");
    }

    private static Kpi kpi(String key, Object value, boolean partial) {
        return new Kpi(key, key, value, "n", 2021, 2024, "d", List.of(), partial, null, null);
    }
}
