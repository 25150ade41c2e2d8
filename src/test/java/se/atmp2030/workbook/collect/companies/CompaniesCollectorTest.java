package se.atmp2030.workbook.collect.companies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.atmp2030.workbook.CollectHarness.column;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.atmp2030.workbook.CollectHarness;
import se.atmp2030.workbook.collect.Table;

class CompaniesCollectorTest {
    /** The register saved by Swedish Excel (Windows-1252, ';'), the employees by Excel's "CSV UTF-8" (',', BOM-less here). */
    private static final Path FIXTURE = Path.of("src/test/resources/collect/funding");

    @Test
    void registerInSwedishExcelDialectAndEmployeesKeptWide() {
        CollectHarness.Result result = CollectHarness.collect(FIXTURE, new CompaniesModule());
        assertThat(result.messages()).isEmpty();
        Table companies = result.table("companies");
        assertThat(column(companies, "company")).containsExactly("Cellvia AB (publ)", "Göta Gene AB", "Big Pharma Sverige AB");
        assertThat(column(companies, "region")).containsExactly("Stockholm", "Västra Götaland", "Stockholm");
        assertThat(column(companies, "sme")).containsExactly(true, true, false);
        assertThat(column(companies, "founded")).containsExactly(2015L, 2019L, 1990L);
        Table employees = result.table("employees");
        assertThat(column(employees, "org_number")).as("organisation numbers written with or without the hyphen")
                .containsExactly("559000-0005", "559000-0005", "559000-0005", "559000-0013", "559000-0013");
        assertThat(column(employees, "year")).as("an empty year is no row").containsExactly(2022L, 2023L, 2024L, 2023L, 2024L);
        assertThat(column(employees, "employees")).containsExactly(4L, 6L, 9L, 2L, 3L);
    }

    @Test
    void organisationNumbersCarryALuhnCheckDigit() throws Exception {
        assertThat(OrganisationNumber.parse("5560001231")).isEqualTo("556000-1231");
        assertThat(OrganisationNumber.parse("16556000-1231")).isEqualTo("556000-1231");
        assertThatThrownBy(() -> OrganisationNumber.parse("556000-1232"))
                .hasMessage("\"556000-1232\" has a wrong check digit (expected a valid Swedish organisation number; check for a typo)");
    }
}
