package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.SheetTable;
import se.atmp2030.workbook.TestInputs;

/**
 * An analyst corrects the classification without touching Java: an overrides file that decides over the rules (and
 * names a trial the data does not have), the rules file edited, a rules file that does not read.
 */
class ClassificationCorrectionsTest {
    @TempDir
    Path dir;

    @Test
    void overridesDecideOverTheRulesAndAnUnknownTrialIsReported() throws IOException {
        Path inputs = inputs();
        Map<String, Object> atmp = first(bundledTrials(), true);
        Map<String, Object> other = first(bundledTrials(), false);
        Files.writeString(inputs.resolve("clinical-trials/classification-overrides.csv"), "NCT Number;ATMP;Category;Reason\n"
                + atmp.get("nct_id") + ";nej;;Registered twice: the same product as another trial\n"
                + other.get("nct_id") + ";ja;sCTMP;Description in the protocol: expanded autologous cells\n"
                + "NCT09999999;yes;GTMP;A trial that is not in the search\n", StandardCharsets.UTF_8);
        TestInputs.Run validate = TestInputs.run("validate", "--inputs", inputs.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out() + validate.err()).contains("classification-overrides.csv (NCT09999999)")
                .contains("no trial NCT09999999 in the ClinicalTrials.gov files");

        Map<String, SheetTable> book = build(inputs, "data_clinical_trials", "KPIs");
        SheetTable trials = book.get("data_clinical_trials");
        Map<String, Object> overruled = trials.row("nct_id", atmp.get("nct_id"));
        assertThat(overruled.get("atmp")).isEqualTo(false);
        assertThat(overruled.get("atmp_rule")).isEqualTo("override");
        assertThat((String) overruled.get("atmp_evidence")).startsWith("Registered twice")
                .contains("(the rules: " + atmp.get("atmp_category") + " by rule " + atmp.get("atmp_rule") + ")");
        Map<String, Object> added = trials.row("nct_id", other.get("nct_id"));
        assertThat(added.get("atmp")).isEqualTo(true);
        assertThat(added.get("atmp_category")).isEqualTo("sCTMP");
        long swedishAtmp = trials.where(r -> Boolean.TRUE.equals(r.get("atmp")) && Boolean.TRUE.equals(r.get("swedish_site"))
                && ((Double) r.get("start_year")) <= 2024).size();
        assertThat(book.get("KPIs").row("key", "trials.swedish_atmp_total").get("value")).isEqualTo((double) swedishAtmp);
    }

    @Test
    void aBadOverrideIsAProblemNamingItsLineAndColumn() throws IOException {
        Path inputs = inputs();
        Files.writeString(inputs.resolve("clinical-trials/classification-overrides.csv"), "NCT Number,ATMP,Category,Reason\n"
                + "NCT0123,yes,GTMP,typo\n"
                + "NCT04813625,yes,,no category\n"
                + "NCT04813625,perhaps,GTMP,not yes or no\n", StandardCharsets.UTF_8);
        TestInputs.Run run = TestInputs.run("validate", "--inputs", inputs.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errWith(inputs)).contains(
                "inputs/clinical-trials/classification-overrides.csv:2: column \"NCT Number\": \"NCT0123\" is not an NCT number",
                "inputs/clinical-trials/classification-overrides.csv:3: column \"Category\": no category for a trial marked ATMP",
                "inputs/clinical-trials/classification-overrides.csv:4: column \"ATMP\": \"perhaps\" is not yes or no");
    }

    @Test
    void theRulesFileIsWhereTheRulesAreChanged() throws IOException {
        Path inputs = inputs();
        Map<String, Object> other = first(bundledTrials(), false);
        String name = ((String) other.get("interventions")).split("\\|")[0];
        String product = name.substring(name.indexOf(':') + 1).strip();
        Path rules = inputs.resolve("atmp-classification.txt");
        Files.writeString(rules, Files.readString(rules, StandardCharsets.UTF_8).replace("[sCTMP cell-therapy] Other cell therapy\n",
                "[sCTMP cell-therapy] Other cell therapy\nterms: " + product + "\n"), StandardCharsets.UTF_8);
        SheetTable trials = build(inputs, "data_clinical_trials").get("data_clinical_trials");
        Map<String, Object> now = trials.row("nct_id", other.get("nct_id"));
        assertThat(now.get("atmp")).as(product + " is a cell therapy now").isEqualTo(true);
        assertThat(now.get("atmp_rule")).isEqualTo("cell-therapy");
    }

    @Test
    void aRuleThatDoesNotReadIsAProblemWithItsLine() throws IOException {
        Path inputs = inputs();
        Path rules = inputs.resolve("atmp-classification.txt");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(rules, StandardCharsets.UTF_8));
        int at = lines.indexOf("[sCTMP treg] Regulatory T cells");
        lines.add(at + 1, "trems: Treg cells");
        lines.add(at + 1, "look in: interventions, abstract");
        Files.write(rules, lines, StandardCharsets.UTF_8);
        TestInputs.Run run = TestInputs.run("validate", "--inputs", inputs.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errWith(inputs)).contains("inputs/atmp-classification.txt:" + (at + 2) + ": look in: \"abstract\" is not a "
                        + "place (expected interventions, title or conditions)",
                "inputs/atmp-classification.txt:" + (at + 3) + ": rule: \"trems: Treg cells\" is not a rule header");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private Path inputs() {
        return TestInputs.copyOfBundled(dir);
    }

    private Map<String, SheetTable> build(Path inputs, String... sheets) throws IOException {
        return TestInputs.buildFresh(inputs, dir.resolve("book.xlsx"), sheets);
    }

    private SheetTable bundledTrials() throws IOException {
        return build(inputs(), "data_clinical_trials").get("data_clinical_trials");
    }

    /** The first trial with a Swedish site that the rules call ATMP (or not), started by the report year. */
    private static Map<String, Object> first(SheetTable trials, boolean atmp) {
        return trials.where(r -> Boolean.valueOf(atmp).equals(r.get("atmp")) && Boolean.TRUE.equals(r.get("swedish_site"))
                && r.get("start_year") != null && ((Double) r.get("start_year")) <= 2024
                && !((String) r.get("atmp_rule")).startsWith("no-genetic")).get(0);
    }
}
