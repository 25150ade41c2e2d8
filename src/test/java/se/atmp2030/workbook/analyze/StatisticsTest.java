package se.atmp2030.workbook.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each statistic against a value worked out independently (by hand, or in a few lines of Python noted beside it). */
class StatisticsTest {
    @Test
    void cagrFrom110To311Over2018To2024() {
        // (311 / 110) ^ (1/6) - 1 = 0.189126...; the report's "+183%" is the plain change (311 - 110) / 110
        Trend trend = Trends.of(series(Map.of(2018, 110.0, 2024, 311.0)));
        assertThat(trend.cagr()).isCloseTo(0.18912620718444062, within(1e-12));
        SeriesPoint last = Changes.of(series(Map.of(2018, 110.0, 2024, 311.0))).get(1);
        assertThat(last.baselineAbs()).isEqualTo(201.0);
        assertThat(last.baselinePct()).isCloseTo(1.8272727, within(1e-6));
    }

    @Test
    void slopeFitAndPredictionIntervalOfASmallKnownSeries() {
        // x 2020..2024, y 2 4 5 4 5: slope 0.6, R² 0.6, t = 2.1213 (df 3) so p = 0.12403,
        // forecast 2025 = 5.8, 95% prediction interval 5.8 ± 3.18245 · sqrt(0.8 · (1 + 1/5 + 9/10)) = [1.67508, 9.92492]
        Trend trend = Trends.of(series(Map.of(2020, 2.0, 2021, 4.0, 2022, 5.0, 2023, 4.0, 2024, 5.0)));
        assertThat(trend.slope()).isCloseTo(0.6, within(1e-9));
        assertThat(trend.r2()).isCloseTo(0.6, within(1e-9));
        assertThat(trend.pValue()).isCloseTo(0.1240270626575497, within(1e-6));
        assertThat(trend.forecastYear()).isEqualTo(2025);
        assertThat(trend.forecast()).isCloseTo(5.8, within(1e-9));
        assertThat(trend.lower95()).isCloseTo(1.675078141769343, within(1e-6));
        assertThat(trend.upper95()).isCloseTo(9.924921858230565, within(1e-6));
        assertThat(trend.indicative()).isFalse();
        assertThat(trend.note()).isNull();
    }

    @Test
    void yearOverYearChanges() {
        List<SeriesPoint> points = Changes.of(series(Map.of(2022, 26.0, 2023, 36.0, 2024, 46.0)));
        assertThat(points).extracting(SeriesPoint::yoyAbs).containsExactly(null, 10.0, 10.0);
        assertThat(points.get(1).yoyPct()).isCloseTo(10.0 / 26, within(1e-12));
        assertThat(points.get(2).baselinePct()).isCloseTo(20.0 / 26, within(1e-12));
        assertThat(points.get(0).note()).isNull();
    }

    @Test
    void aSingleYearHasNoChangeAndNoTrend() {
        Trend trend = Trends.of(series(Map.of(2024, 5.0)));
        assertThat(trend.cagr()).isNull();
        assertThat(trend.slope()).isNull();
        assertThat(trend.forecast()).isNull();
        assertThat(trend.indicative()).isTrue();
        assertThat(trend.note()).isEqualTo("no CAGR from a single year; no trend from a single year");
        assertThat(Changes.of(series(Map.of(2024, 5.0)))).singleElement()
                .satisfies(p -> assertThat(p.yoyPct()).isNull());
    }

    @Test
    void aChangeFromZeroIsEmptyWithItsReasonNeverInfinity() {
        List<SeriesPoint> points = Changes.of(series(Map.of(2022, 0.0, 2023, 3.0, 2024, 6.0)));
        assertThat(points.get(1).yoyAbs()).isEqualTo(3.0);
        assertThat(points.get(1).yoyPct()).isNull();
        assertThat(points.get(1).note()).isEqualTo("no % change from 2022: it was zero; no % change since 2022: it was zero");
        assertThat(points.get(2).yoyPct()).isEqualTo(1.0);
        Trend trend = Trends.of(series(Map.of(2022, 0.0, 2023, 3.0, 2024, 6.0)));
        assertThat(trend.cagr()).isNull();
        assertThat(trend.note()).startsWith("no CAGR: 2022 was zero");
        assertThat(trend.indicative()).as("three points").isTrue();
    }

    @Test
    void aMissingYearBreaksTheChangeAcrossIt() {
        List<SeriesPoint> points = Changes.of(series(Map.of(2020, 4.0, 2022, 6.0, 2023, 9.0)));
        assertThat(points.get(1).yoyAbs()).isNull();
        assertThat(points.get(1).note()).isEqualTo("no change from 2021: that year is missing");
        assertThat(points.get(1).baselineAbs()).as("the baseline is there").isEqualTo(2.0);
        assertThat(points.get(2).yoyPct()).isEqualTo(0.5);
        Trend trend = Trends.of(series(Map.of(2020, 4.0, 2022, 6.0, 2023, 9.0)));
        assertThat(trend.points()).isEqualTo(3);
        assertThat(trend.note()).contains("1 missing years between 2020 and 2023");
    }

    @Test
    void twoPointsGiveASlopeButNoInterval() {
        Trend trend = Trends.of(series(Map.of(2023, 10.0, 2024, 12.0)));
        assertThat(trend.slope()).isCloseTo(2.0, within(1e-12));
        assertThat(trend.forecast()).isCloseTo(14.0, within(1e-9));
        assertThat(trend.lower95()).isNull();
        assertThat(trend.pValue()).isNull();
        assertThat(trend.note()).contains("no R², p-value or interval from two years", "indicative: only 2 years");
    }

    @Test
    void baselineIsTheConfiguredYear() {
        Series s = new Series("x", "x", null, null, "n", 2019, new TreeMap<>(Map.of(2018, 1.0, 2019, 2.0, 2020, 4.0)),
                List.of());
        List<SeriesPoint> points = Changes.of(s);
        assertThat(points.get(0).baselineAbs()).as("before the baseline: no change since it").isNull();
        assertThat(points.get(2).baselinePct()).isEqualTo(1.0);
    }

    private static Series series(Map<Integer, Double> values) {
        TreeMap<Integer, Double> sorted = new TreeMap<>(values);
        return new Series("test", "Test", null, null, "n", sorted.firstKey(), sorted, List.of());
    }
}
