package se.atmp2030.workbook.collect.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static se.atmp2030.workbook.CollectHarness.column;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.atmp2030.workbook.CollectHarness;
import se.atmp2030.workbook.collect.Table;

class JobPostingsCollectorTest {
    private static final Path FIXTURE = Path.of("src/test/resources/collect/jobs");

    private static se.atmp2030.workbook.collect.AtmpRules.Terms builtInJobTerms() {
        try {
            return se.atmp2030.workbook.collect.AtmpRules.builtIn().jobTerms();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jobTechAdsPlainAndZippedFilteredByAtmpTermsBesideTheNordicCsv() {
        CollectHarness.Result result = CollectHarness.collect(FIXTURE, new JobPostingsModule());
        assertThat(result.messages()).isEmpty();
        Table postings = result.table("job_postings");
        assertThat(column(postings, "id")).containsExactly("27000001", "27000003", "28000001", "DK-1", "NO-1");
        assertThat(column(postings, "atmp_term")).as("the term that selected each ad")
                .containsExactly("cell therapy", "AAV", "viral vector", null, null);
        assertThat(column(postings, "country")).containsExactly("Sweden", "Sweden", "Sweden", "Denmark", "Norway");
        assertThat(column(postings, "publication_date").get(0)).isEqualTo(LocalDate.of(2023, 3, 5));
        assertThat(column(postings, "year")).containsExactly(2023L, 2023L, 2024L, 2024L, 2023L);
        assertThat(column(postings, "source")).containsExactly("JobTech", "JobTech", "JobTech", "Jobnet", "NAV");
        assertThat(result.dataset("job_postings").provenance().notes()).containsExactly(
                "JobTech ads cover Sweden in 2023–2024 (a file per year); in another year Sweden is missing, not 0, and "
                        + "the Nordic total a lower bound",
                "1 JobTech ads without an ATMP term left out", "1 postings seen twice (same source and id) counted once");
        assertThat(result.dataset("job_postings").provenance().coverage())
                .as("the years of the JobTech files, 2023.jsonl and 2024.jsonl.zip").containsExactly(
                        java.util.Map.entry("Sweden", new java.util.TreeSet<>(java.util.List.of(2023, 2024))));
    }

    @Test
    void termsMatchWholeWordsInEitherLanguage() {
        se.atmp2030.workbook.collect.AtmpRules.Terms terms = builtInJobTerms();
        assertThat(terms.find("Vi söker en GMP-tekniker till vår cellterapi-enhet")).contains("cellterapi");
        assertThat(terms.find("Research Associate, CAR T process")).contains("CAR T");
        assertThat(terms.find("Research Associate, car-t process")).contains("car-t");
        assertThat(terms.findTerm("Research Associate, car-t process")).as("as the rules spell it").contains("CAR T");
        assertThat(terms.findTerm("Director of Cell Therapies")).contains("cell therapy");
        assertThat(terms.find("Kassör i butik, varukorgar (cart)")).isEmpty();
        assertThat(terms.find("SAAVE logistics")).isEmpty();
        assertThat(terms.find("Process engineer, viral vectors")).as("plurals count").contains("viral vectors");
        assertThat(terms.find("Scientist, stem cells")).contains("stem cells");
        assertThat(terms.find("Director of Cell Therapies")).contains("Cell Therapies");
        assertThat(terms.find("Forskare inom stamceller")).contains("stamceller");
    }
}
