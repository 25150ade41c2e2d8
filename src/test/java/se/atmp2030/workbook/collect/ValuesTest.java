package se.atmp2030.workbook.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void decimalsWithEitherSeparatorAsCordisMixesThem() throws Exception {
        assertThat(Values.decimal("528340.97")).isEqualTo(528340.97);
        assertThat(Values.decimal("960619,95")).isEqualTo(960619.95);
        assertThat(Values.decimal("1.234,5")).isEqualTo(1234.5);
        assertThat(Values.decimal("1,234.5")).isEqualTo(1234.5);
        assertThat(Values.decimal("16 412 385,40")).isEqualTo(16412385.40);
        assertThat(Values.decimal("16\u00A0412\u00A0385,40")).as("Excel's no-break space groups thousands").isEqualTo(16412385.40);
        assertThatThrownBy(() -> Values.decimal("12x")).hasMessage("\"12x\" is not a number (expected a number such as 1234.5 or 1234,5)");
        assertThatThrownBy(() -> Values.decimal("1,2,3")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void commaSeparatedFilesGroupThousandsWithCommas() throws Exception {
        assertThat(Values.decimalWithPoint("1,234.5")).isEqualTo(1234.5);
        assertThat(Values.decimalWithPoint("1234.5")).isEqualTo(1234.5);
        assertThatThrownBy(() -> Values.decimalWithPoint("1234,5"))
                .hasMessage("\"1234,5\" is not a number (expected a number with a decimal point such as 1234.5)");
    }

    @Test
    void datesAsTheRegistriesWriteThem() throws Exception {
        assertThat(Values.isoDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Values.yearMonthOrDate("2023-03")).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(Values.isMonthOnly("2023-03")).isTrue();
        assertThatThrownBy(() -> Values.yearMonthOrDate("2023-13"))
                .hasMessage("\"2023-13\" is not a date (expected YYYY-MM or YYYY-MM-DD)");
        assertThatThrownBy(() -> Values.isoDate("2023-02-30")).hasMessage("\"2023-02-30\" is not a date (expected YYYY-MM-DD)");
        assertThatThrownBy(() -> Values.isoDate("30/01/2023")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void integersYearsAndBooleans() throws Exception {
        assertThat(Values.integer("1 204")).isEqualTo(1204);
        assertThat(Values.year("2024")).isEqualTo(2024);
        assertThatThrownBy(() -> Values.year("24")).hasMessage("\"24\" is not a year (expected a year such as 2024)");
        assertThatThrownBy(() -> Values.nonNegativeInteger("-3")).hasMessage("\"-3\" is negative (expected a count of 0 or more)");
        assertThat(Values.bool("Ja")).isTrue();
        assertThat(Values.bool("FALSE")).isFalse();
        assertThatThrownBy(() -> Values.bool("maybe")).hasMessage("\"maybe\" is not yes or no (expected yes/no, true/false, ja/nej or 1/0)");
    }

    @Test
    void oneOfFoldsCaseSpacesAndHyphens() throws Exception {
        var choices = Values.choices("CAR T", "CAR T", "gene therapy", "gene therapy");
        assertThat(Values.oneOf("car-t", choices, "x")).isEqualTo("CAR T");
        assertThat(Values.oneOf("Gene Therapy", choices, "x")).isEqualTo("gene therapy");
        assertThatThrownBy(() -> Values.oneOf("vaccine", choices, "CAR T or gene therapy"))
                .hasMessage("\"vaccine\" is not a known value (expected CAR T or gene therapy)");
    }
}
