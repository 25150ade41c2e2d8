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
                        + "(expected pct, change, over, atleast, times, ordinal, leading, trend, from, to, no or a number format such as 0.0%)");
    }

    private static Kpi kpi(String key, Object value, boolean partial) {
        return new Kpi(key, key, value, "n", 2021, 2024, "d", List.of(), partial, null, null);
    }
}
