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
            48.5        | over    | over 48
            1950        | over    | over 1,900
            25          | over    | 25
            150         | over    | 150
            1950000     | over    | over 1.9 million
            9.5         | over    | over 9
            -16         | over    | -16
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

    @ParameterizedTest(name = "{0} as {1} reads \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            201  | new employee          | 201 new employees
            1    | new employee          | 1 new employee
            -16  | new employee          | 16 fewer employees
            0    | new employee          | no new employees
            -1   | new                   | 1 fewer
            201  | more                  | 201 more
            -16  | more                  | 16 fewer
            0    | more                  | no more
            8    | count patient         | 8 patients
            1    | count patient         | 1 patient
            0    | count patient         | no patients
            2    | count CAR T infusion  | 2 CAR T infusions
            3    | count company         | 3 companies
            3    | count box             | 3 boxes
            3    | count day             | 3 days
            """)
    void directionAndNumberWordsFollowTheSign(double value, String format, String expected) {
        assertThat(InsightFormat.apply(kpi(value, false), format)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "slope {0} with p {1} reads \"{2}\"")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            0.18  | 0.001 | continues to increase
            -0.2  | 0.01  | is decreasing
            0.18  | 0.82  | holds steady
            -0.2  | 0.05  | holds steady
            0.5   | null  | holds steady
            """)
    void aTrendHasADirectionOnlyWhereItIsSignificant(double slope, Double p, String expected) {
        Kpi kpi = new Kpi("k", "K", slope, "n", 2018, 2023, "d", List.of(), false, null, null, p);
        assertThat(InsightFormat.apply(kpi, "trend")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}, partial {1}: \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            0.77  | true  | and counting
            0.77  | false | ''
            -0.5  | true  | ''
            0     | true  | ''
            """)
    void andCountingOnlyAfterARiseIntoAYearNotOver(double change, boolean partial, String expected) {
        assertThat(InsightFormat.apply(kpi(change, partial), "counting")).isEqualTo(expected);
        Kpi ratio = new Kpi("r", "R", change + 1, "ratio", 2021, 2024, "d", List.of(), partial, null, null);
        assertThat(InsightFormat.apply(ratio, "counting")).as("a ratio rises above 1").isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"true, so far in 2024", "false, in 2024"})
    void soFarOnlyInAYearNotOver(boolean partial, String expected) {
        assertThat(InsightFormat.apply(kpi(3, partial), "sofar")).isEqualTo(expected);
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
