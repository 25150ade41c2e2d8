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
                "1 JobTech ads without an ATMP term left out", "1 postings seen twice (same source and id) counted once");
    }

    @Test
    void termsMatchWholeWordsInEitherLanguage() {
        assertThat(AtmpTerms.find("Vi söker en GMP-tekniker till vår cellterapi-enhet")).contains("cellterapi");
        assertThat(AtmpTerms.find("Research Associate, CAR T process")).contains("CAR T");
        assertThat(AtmpTerms.find("Research Associate, car-t process")).contains("CAR-T");
        assertThat(AtmpTerms.find("Kassör i butik, varukorgar (cart)")).isEmpty();
        assertThat(AtmpTerms.find("SAAVE logistics")).isEmpty();
    }
}
