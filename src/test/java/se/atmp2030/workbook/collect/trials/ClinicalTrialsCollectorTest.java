package se.atmp2030.workbook.collect.trials;

import static org.assertj.core.api.Assertions.assertThat;
import static se.atmp2030.workbook.CollectHarness.column;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.atmp2030.workbook.CollectHarness;
import se.atmp2030.workbook.collect.Table;

class ClinicalTrialsCollectorTest {
    private static final Path FIXTURE = Path.of("src/test/resources/collect/trials");

    @Test
    void readsTheCsvDownloadWithColumnsReorderedAndTheApiJson() {
        CollectHarness.Result result = CollectHarness.collect(FIXTURE, new ClinicalTrialsModule());
        assertThat(result.messages()).isEmpty();
        Table trials = result.table("clinical_trials");
        assertThat(column(trials, "nct_id"))
                .as("the CSV first, then the JSON; NCT05000001 is in both and kept once")
                .containsExactly("NCT05000001", "NCT03000002", "NCT04000003", "NCT06000004", "NCT05000005");
        assertThat(result.dataset("clinical_trials").provenance().notes())
                .containsExactly("1 studies found in more than one file counted once");
        assertThat(column(trials, "phase")).containsExactly("Phase 1/2", "Phase 2", "Not applicable", "Phase 3", "Phase 3");
        assertThat(column(trials, "start_date")).containsExactly(LocalDate.of(2023, 3, 1), LocalDate.of(2018, 5, 14),
                LocalDate.of(2020, 1, 10), LocalDate.of(2024, 9, 1), LocalDate.of(2022, 11, 2));
        assertThat(column(trials, "start_year")).containsExactly(2023L, 2018L, 2020L, 2024L, 2022L);
        assertThat(column(trials, "swedish_site")).containsExactly(true, true, false, true, true);
        assertThat(column(trials, "countries")).containsExactly("Denmark|Sweden", "Sweden", "Germany", "Sweden", "Norway|Sweden");
        assertThat(column(trials, "active")).as("not yet recruiting is not active")
                .containsExactly(true, false, true, false, true);
        assertThat(column(trials, "source_format")).containsExactly("CSV", "CSV", "CSV", "CSV", "JSON");
    }

    @Test
    void eachTrialSaysWhichRuleClassifiedIt() {
        Table trials = CollectHarness.collect(FIXTURE, new ClinicalTrialsModule()).table("clinical_trials");
        assertThat(column(trials, "atmp")).containsExactly(true, false, true, false, true);
        assertThat(column(trials, "atmp_category")).containsExactly("GTMP", null, "combined", null, "GTMP");
        assertThat(column(trials, "modality")).containsExactly("CAR T", null, "Tissue engineered", null, "AAV gene therapy");
        assertThat(column(trials, "atmp_rule")).containsExactly("car-t", "hsct", "tissue-engineered+device",
                "no-genetic-or-biological", "aav");
        assertThat(column(trials, "atmp_evidence").get(0))
                .isEqualTo("\"CAR-T\" in intervention \"BIOLOGICAL: CD19 CAR-T cells\"");
        assertThat(column(trials, "atmp_evidence").get(4)).as("a substance name matched")
                .isEqualTo("\"etranacogene\" in intervention \"GENETIC: etranacogene dezaparvovec\"");
    }
}
