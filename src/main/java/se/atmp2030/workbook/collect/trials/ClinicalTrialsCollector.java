package se.atmp2030.workbook.collect.trials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Table;

/**
 * Clinical trials from ClinicalTrials.gov, from its CSV download or its API v2 JSON (both may be present; a study found
 * twice is kept once). Each trial is classified ATMP or not by {@link AtmpClassifier}, with the rule that matched, and
 * flagged for a site in Sweden and for an active status.
 */
final class ClinicalTrialsCollector implements Collector {
    static final InputSpec CSV = new InputSpec("clinical-trials/*.csv",
            "ClinicalTrials.gov CSV download (ctg-studies.csv)", false);
    static final InputSpec JSON = new InputSpec("clinical-trials/*.json",
            "ClinicalTrials.gov API v2 JSON ({\"studies\":[...]})", false);

    private final AtmpClassifier classifier = new AtmpClassifier();

    @Override
    public String name() {
        return "clinical-trials";
    }

    @Override
    public String description() {
        return "ClinicalTrials.gov studies, classified ATMP or not, flagged for Swedish sites and active status";
    }

    @Override
    public List<String> datasets() {
        return List.of("clinical_trials");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(CSV, JSON);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Table.Builder table = Table.builder("clinical_trials")
                .column("nct_id", ColumnType.TEXT, "ClinicalTrials.gov identifier")
                .column("title", ColumnType.TEXT, "Study title")
                .column("status", ColumnType.TEXT, "Overall status as ClinicalTrials.gov gives it")
                .column("active", ColumnType.BOOLEAN, "Recruiting, active not recruiting, or enrolling by invitation")
                .column("phase", ColumnType.TEXT, "Phase: Phase 1, Phase 1/2, ..., Early phase 1, Not applicable")
                .column("start_date", ColumnType.DATE, "Start date (the first of the month where only the month is given)")
                .column("start_year", ColumnType.INTEGER, "Year the study started")
                .column("study_type", ColumnType.TEXT, "Interventional or observational")
                .column("sponsor", ColumnType.TEXT, "Lead sponsor")
                .column("funder_type", ColumnType.TEXT, "Lead sponsor class: INDUSTRY, OTHER, NIH, ...")
                .column("conditions", ColumnType.TEXT, "Conditions studied, joined with |")
                .column("interventions", ColumnType.TEXT, "Interventions as TYPE: name, joined with |")
                .column("countries", ColumnType.TEXT, "Countries with a site, joined with |")
                .column("swedish_site", ColumnType.BOOLEAN, "Whether the study has a site in Sweden")
                .column("atmp", ColumnType.BOOLEAN, "Whether the classification rules make it an ATMP trial")
                .column("atmp_category", ColumnType.TEXT, "GTMP, sCTMP, TEP or combined")
                .column("modality", ColumnType.TEXT, "Kind of ATMP, e.g. CAR T, AAV gene therapy")
                .column("atmp_rule", ColumnType.TEXT, "Id of the classification rule that decided (see the README)")
                .column("atmp_evidence", ColumnType.TEXT, "The text the rule matched, and where")
                .column("source_format", ColumnType.TEXT, "CSV download or API JSON");
        Reading reading = new Reading();
        Set<String> seen = new HashSet<>();
        long[] duplicates = {0};
        Consumer<Trial> add = trial -> {
            if (!seen.add(trial.nctId())) {
                duplicates[0]++;
                return;
            }
            AtmpClassifier.Classification c = classifier.classify(trial);
            table.add(trial.nctId(), trial.title(), trial.status(), CtgFields.ACTIVE.contains(trial.status()),
                    trial.phase(), trial.startDate(), trial.startDate() == null ? null : (long) trial.startDate().getYear(),
                    trial.studyType(), trial.sponsor(), trial.funderType(), trial.conditions(),
                    trial.interventions().stream().map(Trial.Intervention::label).collect(Collectors.joining("|")),
                    String.join("|", trial.countries()), trial.countries().contains("Sweden"), c.atmp(), c.category(),
                    c.modality(), c.rule(), c.evidence(), trial.format());
        };
        List<Path> csvFiles = context.files(CSV);
        List<Path> jsonFiles = context.files(JSON);
        if (csvFiles.isEmpty() && jsonFiles.isEmpty()) {
            context.problems().add(context.display("clinical-trials"), 0, null,
                    "no file found (expected the ClinicalTrials.gov CSV download ctg-studies.csv or API v2 JSON files)");
        }
        for (Path path : csvFiles) {
            reading.file(context.sourceFile(path, CSV.format()));
            CtgCsvReader.read(path, context.display(path), context.problems(), reading::record, add);
        }
        for (Path path : jsonFiles) {
            reading.file(context.sourceFile(path, JSON.format()));
            CtgJsonReader.read(path, context.display(path), context.problems(), reading::record, add);
        }
        if (duplicates[0] > 0) {
            reading.note(duplicates[0] + " studies found in more than one file counted once");
        }
        return List.of(new Dataset(table.build(), "Clinical trials (ClinicalTrials.gov)",
                reading.provenance("ClinicalTrials.gov (U.S. National Library of Medicine)",
                        "https://clinicaltrials.gov/", context.settings().retrieved("clinical_trials"))));
    }
}
