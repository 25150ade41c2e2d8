package se.atmp2030.workbook.collect.trials;

import static org.assertj.core.api.Assertions.assertThat;
import static se.atmp2030.workbook.CollectHarness.column;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
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
        assertThat(column(trials, "nct_id")).as("NCT05000001 is in both files and kept once")
                .containsExactlyInAnyOrder("NCT05000001", "NCT03000002", "NCT04000003", "NCT06000004", "NCT05000005");
        Map<String, Map<String, Object>> byId = byId(trials);
        assertThat(byId.get("NCT05000001").get("phase")).isEqualTo("Phase 1/2");
        assertThat(byId.get("NCT03000002").get("start_date")).isEqualTo(LocalDate.of(2018, 5, 14));
        assertThat(byId.get("NCT06000004").get("start_date")).as("a month alone is its first day")
                .isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(byId.get("NCT05000005").get("start_year")).isEqualTo(2022L);
        assertThat(byId.get("NCT04000003").get("swedish_site")).isEqualTo(false);
        assertThat(byId.get("NCT05000005").get("countries")).isEqualTo("Norway|Sweden");
        assertThat(byId.get("NCT06000004").get("active")).as("not yet recruiting is not active").isEqualTo(false);
        assertThat(byId.get("NCT05000005").get("active")).isEqualTo(true);
    }

    @Test
    void aStudyInBothFilesKeepsTheJsonCopyOnATieAndIsClassifiedOnTheCopyWithMoreInterventionText() {
        CollectHarness.Result result = CollectHarness.collect(FIXTURE, new ClinicalTrialsModule());
        Map<String, Object> merged = byId(result.table("clinical_trials")).get("NCT05000001");
        assertThat(merged.get("source_format")).as("neither copy has Last Update Posted: the JSON wins the tie")
                .isEqualTo("JSON");
        assertThat(merged.get("countries")).as("the kept copy's sites").isEqualTo("Sweden");
        assertThat(merged.get("interventions")).as("the CSV copy names two interventions, the JSON one")
                .isEqualTo("BIOLOGICAL: CD19 CAR-T cells|DRUG: Fludarabine");
        assertThat(result.dataset("clinical_trials").provenance().notes()).contains(
                "1 studies found in more than one file (or twice in one) kept once: the most recently updated copy "
                        + "(Last Update Posted), 1 from inputs/clinical-trials/ctg-studies.json; 1 classified on another "
                        + "copy with more intervention text (descriptions, other names)");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly("inputs/clinical-trials: every API page "
                + "here has a nextPageToken, so the registry has more pages than were saved: save the page that the last "
                + "token leads to, and the ones after it, until a page comes without a token");
    }

    @Test
    void eachTrialSaysWhichRuleClassifiedIt() {
        Map<String, Map<String, Object>> byId = byId(CollectHarness.collect(FIXTURE, new ClinicalTrialsModule())
                .table("clinical_trials"));
        assertThat(byId.get("NCT05000001")).containsEntry("atmp", true).containsEntry("atmp_category", "GTMP")
                .containsEntry("modality", "CAR T").containsEntry("atmp_rule", "car-t")
                .containsEntry("atmp_evidence", "\"CAR-T\" in intervention \"BIOLOGICAL: CD19 CAR-T cells\"");
        assertThat(byId.get("NCT03000002")).containsEntry("atmp", false).containsEntry("atmp_rule", "hsct");
        assertThat(byId.get("NCT04000003")).containsEntry("atmp_category", "combined")
                .containsEntry("modality", "Tissue engineered").containsEntry("atmp_rule", "tissue-engineered+device");
        assertThat(byId.get("NCT06000004")).containsEntry("atmp", false).containsEntry("atmp_rule", "no-genetic-or-biological");
        assertThat(byId.get("NCT05000005")).containsEntry("atmp_rule", "aav").as("a substance name matched")
                .containsEntry("atmp_evidence", "\"etranacogene\" in intervention \"GENETIC: etranacogene dezaparvovec\"");
    }

    /** Each row as column name to value, by NCT number. */
    static Map<String, Map<String, Object>> byId(Table trials) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Object[] row : trials.rows()) {
            Map<String, Object> values = new HashMap<>();
            for (int c = 0; c < trials.columns().size(); c++) {
                values.put(trials.columns().get(c).name(), row[c]);
            }
            byId.put((String) row[0], values);
        }
        return byId;
    }
}
