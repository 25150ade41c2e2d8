package se.atmp2030.workbook.collect.trials;

import static org.assertj.core.api.Assertions.assertThat;
import static se.atmp2030.workbook.CollectHarness.column;
import static se.atmp2030.workbook.collect.trials.ClinicalTrialsCollectorTest.byId;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.CollectHarness;
import se.atmp2030.workbook.TestInputs;

/**
 * Every form ClinicalTrials.gov hands out, from fixtures written after real exports: the CSV download with a user's
 * choice of columns and CRLF line ends, API v2 pages (whole, and cut down by {@code fields=}), the website's JSON array,
 * a single study, and the zip of one file per study.
 */
class ClinicalTrialsFormsTest {
    private static final Path FORMS = Path.of("src/test/resources/collect/trials-forms");

    private static CollectHarness.Result collect(String form) {
        return CollectHarness.collect(FORMS.resolve(form), new ClinicalTrialsModule());
    }

    @Test
    void countriesWithACommaAreMatchedAgainstTheRegistrysNamesNeverTakenFromTheLastComma() {
        CollectHarness.Result result = collect("csv-download");
        assertThat(result.messages()).isEmpty();
        Map<String, Map<String, Object>> byId = byId(result.table("clinical_trials"));
        assertThat(byId.get("NCT05100001").get("countries")).as("the registry's names before 2025, commas inside")
                .isEqualTo("Iran|Moldova|Palestine|South Korea|Sweden");
        assertThat(byId.get("NCT05100001").get("swedish_site")).isEqualTo(true);
        assertThat(byId.get("NCT05100003").get("countries")).as("and its names from 2025")
                .isEqualTo("Côte d'Ivoire|Democratic Republic of the Congo|Russia|South Korea|Spain|Türkiye");
        assertThat(byId.get("NCT05100002").get("countries")).as("the country Georgia; Atlanta, Georgia is in the US")
                .isEqualTo("Georgia|United States");
        assertThat(byId.get("NCT05100002").get("locations_without_country")).isEqualTo(2L);
        assertThat(result.dataset("clinical_trials").provenance().notes()).containsExactly("classified by the tool's built-in rules (27 rules)", "2 locations name no country "
                + "the tool knows and are counted under no country, e.g. \"Pfizer Investigational Site\", \"Roth\"");
        assertThat(column(result.table("clinical_trials"), "last_update")).as("Last Update Posted is read")
                .contains(java.time.LocalDate.of(2024, 9, 19));
    }

    @Test
    void aStudyInTheCsvAndTheJsonKeepsTheNewerCopyAndIsClassifiedOnTheRicherText() {
        CollectHarness.Result result = collect("merge");
        assertThat(result.messages()).isEmpty();
        Map<String, Map<String, Object>> byId = byId(result.table("clinical_trials"));
        assertThat(byId).hasSize(2);
        Map<String, Object> kyv = byId.get("NCT05200001");
        assertThat(kyv.get("status")).as("the CSV copy is newer (2024-07-01 against 2023-02-01)").isEqualTo("COMPLETED");
        assertThat(kyv.get("source_file")).isEqualTo("inputs/clinical-trials/ctg-studies.csv");
        assertThat(kyv.get("atmp_rule")).as("the CSV names only KYV-101; the JSON's description says CAR T")
                .isEqualTo("car-t");
        assertThat((String) kyv.get("atmp_evidence")).contains("CAR T");
        Map<String, Object> otl = byId.get("NCT05200002");
        assertThat(otl.get("status")).as("the JSON copy is newer (2024-08-01 against 2022-03-01)")
                .isEqualTo("ACTIVE_NOT_RECRUITING");
        assertThat(otl.get("countries")).isEqualTo("Italy|Sweden");
        assertThat(otl.get("atmp_rule")).as("Libmeldy among its other names").isEqualTo("gene-modified-cells-inn");
        assertThat(result.dataset("clinical_trials").provenance().notes()).containsExactly("classified by the tool's built-in rules (27 rules)", "2 studies found in more than "
                + "one file (or twice in one) kept once: the most recently updated copy (Last Update Posted), 1 from "
                + "inputs/clinical-trials/ctg-studies-page1.json, 1 from inputs/clinical-trials/ctg-studies.csv; 1 "
                + "classified on another copy with more intervention text (descriptions, other names)");
    }

    @Test
    void theZipOfOneFilePerStudyIsReadShardFoldersIncludedAndAnythingElseInItIsReported(@TempDir Path inputs)
            throws IOException {
        Path folder = Files.createDirectories(inputs.resolve("clinical-trials"));
        zip(FORMS.resolve("zip-entries"), folder.resolve("ctg-studies.json.zip"));
        CollectHarness.Result result = CollectHarness.collect(inputs, new ClinicalTrialsModule());
        assertThat(result.messages()).isEmpty();
        Map<String, Map<String, Object>> byId = byId(result.table("clinical_trials"));
        assertThat(byId.keySet()).containsExactlyInAnyOrder("NCT05300001", "NCT05300002");
        assertThat(byId.get("NCT05300001").get("atmp_rule")).isEqualTo("tissue-engineered+device");
        assertThat(byId.get("NCT05300002").get("atmp_rule")).isEqualTo("nk-cell");
        assertThat(byId.get("NCT05300002").get("source_file"))
                .isEqualTo("inputs/clinical-trials/ctg-studies.json.zip!01/NCT05300002.json");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly(
                "inputs/clinical-trials/ctg-studies.json.zip!README.txt: not read (expected the .json or .csv files of a "
                        + "ClinicalTrials.gov download)");
    }

    @Test
    void aSingleStudyAsTheApiReturnsItByItsNumber() {
        CollectHarness.Result result = collect("single");
        assertThat(result.messages()).isEmpty();
        Map<String, Object> study = byId(result.table("clinical_trials")).get("NCT05400001");
        assertThat(study).containsEntry("atmp_rule", "aav").containsEntry("active", true).containsEntry("swedish_site", true)
                .containsEntry("source_file", "inputs/clinical-trials/NCT05400001.json");
    }

    @Test
    void theWebsitesArrayOfStudiesAndAStudyWithoutInterventionsOrSitesAsTheRegistryHasIt() {
        CollectHarness.Result result = collect("array");
        assertThat(result.messages()).as("a whole record without interventions or sites is an observational study, "
                + "not a page cut down by fields=").isEmpty();
        Map<String, Map<String, Object>> byId = byId(result.table("clinical_trials"));
        assertThat(byId.get("NCT05500001")).containsEntry("atmp_rule", "til").containsEntry("countries", "Denmark|Sweden");
        assertThat(byId.get("NCT05500002")).containsEntry("atmp_rule", "no-genetic-or-biological")
                .containsEntry("swedish_site", false);
    }

    @Test
    void aPageWhoseFieldsLeftOutTheLocationsIsReportedWithTheFieldsItNeeds() {
        assertThat(collect("fields-no-locations").messages()).containsExactly(
                "inputs/clinical-trials/ctg-studies-page1.json: field \"protocolSection.contactsLocationsModule\": is "
                        + "missing from all 2 studies: the request's fields= left out the locations, so no trial could be "
                        + "flagged for a site in Sweden (request the studies again without fields=, or add LocationCountry "
                        + "to fields=)");
    }

    @Test
    void aPageWhoseFieldsLeftOutTheInterventionTypeIsReportedNotRejectedStudyByStudy() {
        assertThat(collect("fields-no-type").messages()).containsExactly(
                "inputs/clinical-trials/ctg-studies-page1.json: field \"protocolSection.armsInterventionsModule."
                        + "interventions[].type\": is missing from 1 interventions: the request's fields= left out the "
                        + "intervention type, which the ATMP classification needs (request the studies again without "
                        + "fields=, or add InterventionType to fields=)");
    }

    @Test
    void theRetiredClassicDownloadIsRefusedWithWhatToDoInstead() {
        assertThat(collect("classic").messages()).containsExactly("inputs/clinical-trials/SearchResults.csv:1: this is "
                + "the classic ClinicalTrials.gov download (SearchResults.csv), retired in 2024, with other columns and "
                + "codes: download the studies again from clinicaltrials.gov (Download, CSV, all columns) or as JSON");
    }

    @Test
    void aCsvWithoutTheLocationsColumnSaysWhatItIsNeededForAndHowToGetIt(@TempDir Path inputs) throws IOException {
        Path folder = Files.createDirectories(inputs.resolve("clinical-trials"));
        Files.writeString(folder.resolve("ctg-studies.csv"), "NCT Number,Study Title,Study Status,Interventions\n"
                + "NCT05800001,CAR T,RECRUITING,BIOLOGICAL: CAR T cells\n");
        assertThat(CollectHarness.collect(inputs, new ClinicalTrialsModule()).messages()).containsExactly(
                "inputs/clinical-trials/ctg-studies.csv:1: missing column \"Locations\", needed for which trials have a "
                        + "site in Sweden (download again with that column chosen, or all columns; the header has: "
                        + "NCT Number, Study Title, Study Status, Interventions)");
    }

    @Test
    void validateAndBuildAgreeOnEveryForm(@TempDir Path dir) throws IOException {
        for (String form : List.of("csv-download", "merge", "single", "array", "fields-no-locations", "classic")) {
            Path inputs = dir.resolve(form);
            TestInputs.copyTree(TestInputs.BUNDLED, inputs);
            try (Stream<Path> old = Files.list(inputs.resolve("clinical-trials"))) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            TestInputs.copyTree(FORMS.resolve(form), inputs);
            TestInputs.Run validate = TestInputs.run("validate", "--inputs", inputs.toString());
            TestInputs.Run build = TestInputs.run("build", "--inputs", inputs.toString(), "--out",
                    dir.resolve(form + ".xlsx").toString());
            assertThat(build.exitCode()).as(form + ": " + validate.err() + build.err()).isEqualTo(validate.exitCode());
            assertThat(validate.exitCode()).as(form).isEqualTo(form.equals("fields-no-locations") || form.equals("classic")
                    ? 1 : 0);
        }
    }

    /** Zips a folder as the website does: entries named by their path inside it. */
    static void zip(Path folder, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(file));
                z.closeEntry();
            }
        }
    }
}
