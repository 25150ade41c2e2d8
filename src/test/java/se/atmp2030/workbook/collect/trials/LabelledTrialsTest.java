package se.atmp2030.workbook.collect.trials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.collect.AtmpRules;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.ReportSettings;
import se.atmp2030.workbook.fixtures.CtgStudyFiles;

/**
 * The classification against a labelled set of trials (src/test/resources/classification/labelled-trials.tsv), written
 * in the registry's real forms: as an API page (with the interventions' descriptions and other names) and as the CSV
 * download (names only), then both together. Every rule of the built-in rules decides at least one trial, and on the
 * set the rules reach 100% precision and recall, which the test prints.
 */
class LabelledTrialsTest {
    private static final Path LABELS = Path.of("src/test/resources/classification/labelled-trials.tsv");

    /** A trial with its truth. */
    record Labelled(CtgStudyFiles.Study study, String category, String rule, String csvCategory) {
    }

    @TempDir
    Path dir;

    @Test
    void theJsonFormGetsEveryCallAndEveryRuleRight() throws IOException {
        List<Labelled> labelled = labelled();
        assertThat(labelled).as("at least 150 labelled trials").hasSizeGreaterThanOrEqualTo(150);
        Map<String, Map<String, Object>> rows = collect("json", labelled, true, false);
        score("JSON page", labelled, rows, Labelled::category);
        List<String> wrongRule = new ArrayList<>();
        for (Labelled l : labelled) {
            Object rule = rows.get(l.study().nct()).get("atmp_rule");
            if (!l.rule().equals(rule)) {
                wrongRule.add(l.study().nct() + " " + l.study().title() + ": expected rule " + l.rule() + ", got " + rule
                        + " (" + rows.get(l.study().nct()).get("atmp_evidence") + ")");
            }
        }
        assertThat(wrongRule).as("the deciding rule of each trial").isEmpty();
        Set<String> decided = labelled.stream().map(l -> l.rule().replace("+device", "")).collect(Collectors.toSet());
        Set<String> all = AtmpRules.builtIn().rules().stream().map(AtmpRules.Rule::id).collect(Collectors.toCollection(TreeSet::new));
        all.add("no-atmp-term");
        all.add("no-genetic-or-biological");
        assertThat(decided).as("every rule, exclusion and INN stem decides a labelled trial").containsAll(all);
    }

    @Test
    void theCsvDownloadGetsEveryCallItsNamesAllow() throws IOException {
        List<Labelled> labelled = labelled();
        Map<String, Map<String, Object>> rows = collect("csv", labelled, false, true);
        score("CSV download", labelled, rows, Labelled::csvCategory);
        assertThat(labelled.stream().filter(l -> !l.csvCategory().equals(l.category())).count())
                .as("some trials only their JSON can classify (terms in descriptions and other names)").isGreaterThan(4);
    }

    @Test
    void bothFormsTogetherAreClassifiedOnTheJsonText() throws IOException {
        List<Labelled> labelled = labelled();
        Map<String, Map<String, Object>> rows = collect("both", labelled, true, true);
        score("CSV and JSON", labelled, rows, Labelled::category);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private Map<String, Map<String, Object>> collect(String name, List<Labelled> labelled, boolean json, boolean csv)
            throws IOException {
        Path inputs = dir.resolve(name);
        List<CtgStudyFiles.Study> studies = labelled.stream().map(Labelled::study).toList();
        if (json) {
            CtgStudyFiles.writeJsonPage(inputs.resolve("clinical-trials/ctg-studies-page1.json"), studies);
        }
        if (csv) {
            CtgStudyFiles.writeCsv(inputs.resolve("clinical-trials/ctg-studies.csv"), studies);
        }
        Problems problems = new Problems();
        CollectContext context = new CollectContext(inputs, "inputs", new ReportSettings(2024, Map.of()), problems, Map.of(),
                AtmpRules.builtIn());
        List<Dataset> datasets = new ClinicalTrialsCollector().collect(context);
        assertThat(problems.all()).isEmpty();
        Dataset trials = datasets.get(0);
        List<String> columns = trials.table().columns().stream().map(se.atmp2030.workbook.collect.Column::name).toList();
        Map<String, Map<String, Object>> rows = new HashMap<>();
        trials.table().stream().forEach(values -> {
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), values[i]);
            }
            rows.put((String) row.get("nct_id"), row);
        });
        assertThat(rows).hasSize(labelled.size());
        return rows;
    }

    /** Precision and recall of the ATMP calls, and the category of each; printed, and required to be 100%. */
    private static void score(String form, List<Labelled> labelled, Map<String, Map<String, Object>> rows,
                              java.util.function.Function<Labelled, String> truth) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> wrong = new ArrayList<>();
        for (Labelled l : labelled) {
            Map<String, Object> row = rows.get(l.study().nct());
            boolean expected = !truth.apply(l).equals("-");
            boolean got = Boolean.TRUE.equals(row.get("atmp"));
            tp += expected && got ? 1 : 0;
            fp += !expected && got ? 1 : 0;
            fn += expected && !got ? 1 : 0;
            String category = got ? (String) row.get("atmp_category") : "-";
            if (!category.equals(truth.apply(l))) {
                wrong.add(l.study().nct() + " " + l.study().title() + ": expected " + truth.apply(l) + ", got " + category
                        + " by " + row.get("atmp_rule") + " (" + row.get("atmp_evidence") + ")");
            }
        }
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        System.out.printf("ATMP classification, %s: %d trials, %d ATMP; precision %.1f%%, recall %.1f%%%n", form,
                labelled.size(), tp + fn, precision * 100, recall * 100);
        assertThat(wrong).as(form + ": every call and category").isEmpty();
        assertThat(precision).isEqualTo(1.0);
        assertThat(recall).isEqualTo(1.0);
    }

    static List<Labelled> labelled() throws IOException {
        List<Labelled> list = new ArrayList<>();
        List<String> lines = Files.readAllLines(LABELS, StandardCharsets.UTF_8);
        List<String> header = null;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            List<String> cells = Arrays.asList(line.split("\t", -1));
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> cell = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cell.put(header.get(i), cells.get(i));
            }
            List<CtgStudyFiles.Intervention> interventions = new ArrayList<>();
            for (String item : cell.get("interventions").split(" \\|\\| ")) {
                String[] parts = item.split(" :: ", -1);
                String type = parts[0].substring(0, parts[0].indexOf(':'));
                String name = parts[0].substring(parts[0].indexOf(':') + 1).strip();
                List<String> other = parts[2].isBlank() ? List.of() : Arrays.stream(parts[2].split(";")).map(String::strip).toList();
                interventions.add(new CtgStudyFiles.Intervention(type, name, parts[1].strip(), other));
            }
            CtgStudyFiles.Study study = new CtgStudyFiles.Study(cell.get("nct"), cell.get("title"), "RECRUITING", "2023-03-01",
                    cell.get("conditions"), interventions, List.of("Stockholm, Sweden"));
            list.add(new Labelled(study, cell.get("category"), cell.get("rule"), cell.get("csv_category")));
        }
        return list;
    }
}
