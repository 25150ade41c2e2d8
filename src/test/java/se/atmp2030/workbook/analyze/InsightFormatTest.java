package se.atmp2030.workbook.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsightFormatTest {
    @ParameterizedTest(name = "{0} as {1} reads \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            712         | over    | over 700
            700         | over    | 700
            16412385.4  | over    | over 16 million
            16000000    | over    | 16 million
            48.5        | over    | over 40
            1.8272727   | pct     | 183%
            0.7692      | change  | 77% increase
            -0.12       | change  | 12% decrease
            0.001       | change  | no change
            2.0         | times   | double
            3.02        | times   | triple
            1.5         | times   | grow by 50%
            0.8         | times   | fall by 20%
            1           | ordinal | first
            2           | ordinal | second
            12          | ordinal | 12th
            22          | ordinal | 22nd
            1           | leading | leading
            3           | leading | third in
            0.18        | trend   | continues to increase
            -0.2        | trend   | is decreasing
            0.25        | 0.0%    | 25.0%
            16412385.4  | #,##0   | 16,412,385
            25          |         | 25
            1234.56     |         | 1,234.6
            """)
    void wordsFollowFromTheNumber(double value, String format, String expected) {
        assertThat(InsightFormat.apply(kpi(value, false), format)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"true, at least 48", "false, 48"})
    void atLeastOnlyWhenThePeriodWasNotOver(boolean partial, String expected) {
        assertThat(InsightFormat.apply(kpi(48, partial), "atleast")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"from, 2021", "to, 2024"})
    void periodYears(String format, String expected) {
        assertThat(InsightFormat.apply(kpi(2, false), format)).isEqualTo(expected);
    }

    private static Kpi kpi(double value, boolean partial) {
        return new Kpi("k", "K", value, "n", 2021, 2024, "d", List.of(), partial, null, null);
    }
}
