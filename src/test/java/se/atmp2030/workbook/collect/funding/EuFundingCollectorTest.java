package se.atmp2030.workbook.collect.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static se.atmp2030.workbook.CollectHarness.column;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.CollectHarness;
import se.atmp2030.workbook.TestInputs;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.companies.CompaniesModule;

class EuFundingCollectorTest {
    private static final Path FIXTURE = Path.of("src/test/resources/collect/funding");

    @Test
    void joinsParticipantsToProjectsAndMatchesTheRegisterByVatThenName() {
        CollectHarness.Result result = CollectHarness.collect(FIXTURE, new CompaniesModule(), new EuFundingModule());
        assertThat(result.messages()).isEmpty();
        Table funding = result.table("eu_funding");
        assertThat(column(funding, "organisation")).as("participants abroad are left out")
                .containsExactly("CELLVIA AB", "Karolinska Institutet", "Göta Gene AB", "BIG PHARMA SVERIGE AB");
        assertThat(column(funding, "match_rule")).containsExactly("VAT", null, "name", "VAT");
        assertThat(column(funding, "company")).containsExactly("Cellvia AB (publ)", null, "Göta Gene AB", "Big Pharma Sverige AB");
        assertThat(column(funding, "register_sme")).containsExactly(true, null, true, false);
        assertThat(column(funding, "ec_contribution")).as("decimal point and decimal comma in one file")
                .containsExactly(528340.97, 1000000.0, 2000000.5, null);
        assertThat(column(funding, "net_ec_contribution").get(0)).isEqualTo(960619.95);
        assertThat(column(funding, "total_cost").get(0)).isEqualTo(1234567.89);
        assertThat(column(funding, "programme")).containsOnly("Horizon Europe");
        assertThat(column(funding, "year")).containsExactly(2022L, 2022L, 2023L, 2023L);
        assertThat(result.dataset("eu_funding").provenance().notes()).containsExactly("1 participations outside Sweden left out");
    }

    @Test
    void readsTheZipAsCordisDeliversIt(@TempDir Path inputs) throws IOException {
        TestInputs.copyTree(FIXTURE.resolve("companies"), inputs.resolve("companies"));
        Path zip = inputs.resolve("eu-funding/cordis-HORIZONprojects-csv.zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : new String[] {"project.csv", "organization.csv"}) {
                z.putNextEntry(new ZipEntry(name));
                z.write(Files.readAllBytes(FIXTURE.resolve("eu-funding/horizon").resolve(name)));
                z.closeEntry();
            }
        }
        CollectHarness.Result result = CollectHarness.collect(inputs, new CompaniesModule(), new EuFundingModule());
        assertThat(result.messages()).isEmpty();
        assertThat(result.table("eu_funding").rowCount()).isEqualTo(4);
        assertThat(result.dataset("eu_funding").provenance().files()).extracting(f -> f.path())
                .containsExactly("inputs/eu-funding/cordis-HORIZONprojects-csv.zip");
    }

    @Test
    void namesAreComparedWithoutLegalForms() {
        assertThat(CompanyMatcher.nameKey("Cellvia AB (publ)")).isEqualTo(CompanyMatcher.nameKey("CELLVIA AB"));
        assertThat(CompanyMatcher.nameKey("Göta Gene Aktiebolag")).isEqualTo("götagene");
    }
}
