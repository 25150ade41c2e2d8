package se.atmp2030.workbook.collect.trials;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import se.atmp2030.workbook.collect.AtmpRules;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.Provenance;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Table;

/**
 * Clinical trials from ClinicalTrials.gov, from its CSV download and its JSON in any form (API pages, the website's
 * array, single studies, the zip of one file per study). Each trial is classified ATMP or not by {@link AtmpClassifier},
 * with the rule that matched, and flagged for a site in Sweden and for an active status.
 *
 * <p>A study found in more than one file is kept once: the most recently updated copy, classified on the copy with the
 * most intervention text (see {@link StudyCopies}). Deciding that takes a first pass over the files that only notes
 * each copy; the second pass keeps the chosen ones. With a single file there is nothing to merge and one pass is made.
 */
final class ClinicalTrialsCollector implements Collector {

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
        return List.of("clinical_trials", "classification_review");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(StudyFiles.CSV, StudyFiles.JSON, StudyFiles.ZIP);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Table.Builder table = Table.builder("clinical_trials")
                .column("nct_id", ColumnType.TEXT, "ClinicalTrials.gov identifier")
                .column("title", ColumnType.TEXT, "Study title")
                .column("status", ColumnType.TEXT, "Overall status as ClinicalTrials.gov gives it. RECRUITING, "
                        + "ACTIVE_NOT_RECRUITING, ENROLLING_BY_INVITATION: active. COMPLETED, TERMINATED, SUSPENDED, UNKNOWN: "
                        + "started, now ended, paused or not updated. WITHDRAWN (stopped before the first participant) and "
                        + "NOT_YET_RECRUITING: never started or not started yet, so not counted among trials started")
                .column("active", ColumnType.BOOLEAN, "Recruiting, active not recruiting, or enrolling by invitation")
                .column("phase", ColumnType.TEXT, "Phase: Phase 1, Phase 1/2, ..., Early phase 1, Not applicable")
                .column("start_date", ColumnType.DATE, "Start date (the first of the month where only the month is given): "
                        + "the actual start, or the planned one for a trial not yet recruiting; a date after the day the data "
                        + "was taken is a plan, not a start")
                .column("start_year", ColumnType.INTEGER, "Year of the start date; a trial counts as started that year "
                        + "unless it is withdrawn, not yet recruiting, or the date is still to come")
                .column("study_type", ColumnType.TEXT, "Interventional or observational")
                .column("sponsor", ColumnType.TEXT, "Lead sponsor")
                .column("funder_type", ColumnType.TEXT, "Lead sponsor class: INDUSTRY, OTHER, NIH, ...")
                .column("conditions", ColumnType.TEXT, "Conditions studied, joined with |")
                .column("interventions", ColumnType.TEXT, "Interventions as TYPE: name, joined with |")
                .column("countries", ColumnType.TEXT, "Countries with a site, joined with |")
                .column("locations_without_country", ColumnType.INTEGER,
                        "Locations that name no country the tool knows (not counted as any country)")
                .column("swedish_site", ColumnType.BOOLEAN, "Whether the study has a site in Sweden")
                .column("atmp", ColumnType.BOOLEAN, "Whether the classification rules make it an ATMP trial")
                .column("atmp_category", ColumnType.TEXT, "GTMP, sCTMP, TEP or combined")
                .column("modality", ColumnType.TEXT, "Kind of ATMP, e.g. CAR T, AAV gene therapy")
                .column("atmp_rule", ColumnType.TEXT, "Id of the classification rule that decided (see the README)")
                .column("atmp_evidence", ColumnType.TEXT, "The text the rule matched, and where")
                .column("last_update", ColumnType.DATE, "Last Update Posted: the copy kept of a study found twice is the newest")
                .column("source_format", ColumnType.TEXT, "CSV download or JSON")
                .column("source_file", ColumnType.TEXT, "The file the kept copy was read from");
        Table.Builder review = Table.builder("classification_review")
                .column("nct_id", ColumnType.TEXT, "ClinicalTrials.gov identifier")
                .column("title", ColumnType.TEXT, "Study title")
                .column("swedish_site", ColumnType.BOOLEAN, "Whether the study has a site in Sweden (those count in the report)")
                .column("decision", ColumnType.TEXT, "What the rules decided: GTMP, sCTMP, TEP, combined, or not ATMP")
                .column("atmp_rule", ColumnType.TEXT, "The rule that decided")
                .column("atmp_evidence", ColumnType.TEXT, "The text it matched, and where")
                .column("why_review", ColumnType.TEXT, "Why the call is worth a second look: decided on the title or "
                        + "conditions alone, on a brand name or INN stem alone, excluded though an ATMP term was there, or an "
                        + "ATMP term in an intervention the rules do not count")
                .column("interventions", ColumnType.TEXT, "Interventions as TYPE: name, joined with |");
        Reading reading = new Reading();
        AtmpRules rules = context.atmpRules();
        reading.note("classified by " + rules.describe() + " (" + rules.rules().size() + " rules)");
        Overrides overrides = Overrides.read(context, reading);
        try (StudyFiles files = StudyFiles.list(context, reading)) {
            if (files.files().isEmpty() && context.problems().isEmpty()) {
                context.problems().add(context.display("clinical-trials"), 0, null, "no file found (expected the "
                        + "ClinicalTrials.gov CSV download ctg-studies.csv, JSON saved from the site or the API, or the "
                        + "JSON download ctg-studies.json.zip)");
            }
            Map<Integer, StudyCopies.Decision> decisions = files.files().size() > 1 ? survey(files) : Map.of();
            new Merge(table, review, new AtmpClassifier(rules), overrides, reading, context.problems(), decisions,
                    context.display("clinical-trials")).readAll(files);
        }
        for (Overrides.Override unused : overrides.unused()) {
            context.problems().warn(unused.where(), "no trial " + unused.nctId() + " in the ClinicalTrials.gov files: "
                    + "the override is not applied (a typing error in the NCT number, or a trial no longer in the search?)");
        }
        if (overrides.size() > 0) {
            reading.note((overrides.size() - overrides.unused().size()) + " classifications set by the analysts in "
                    + Overrides.FILE + " (atmp_rule = override)");
        }
        Provenance provenance = reading.provenance("ClinicalTrials.gov (U.S. National Library of Medicine)",
                "https://clinicaltrials.gov/", context.settings().retrieved("clinical_trials"));
        Table reviewed = review.build();
        return List.of(new Dataset(table.build(), "Clinical trials (ClinicalTrials.gov)", provenance),
                new Dataset(reviewed, "Classification review: the calls of the ATMP rules worth a second look",
                        new Provenance("The tool's ATMP rules (" + rules.origin() + ")", "", List.of(), reviewed.rowCount(),
                                0, provenance.retrieved(), provenance.dataAsOf(), List.of())));
    }

    /** The first pass: every copy of every study, noted; problems are left to the second pass to report. */
    private static Map<Integer, StudyCopies.Decision> survey(StudyFiles files) throws IOException {
        StudyCopies copies = new StudyCopies();
        Problems ignored = new Problems();
        List<StudyFiles.StudyFile> list = files.files();
        for (int f = 0; f < list.size(); f++) {
            int file = f;
            int[] ordinal = {0};
            read(list.get(f), ignored, new StudySink() {
                @Override
                public void accept(Trial trial, long line) {
                    copies.add(trial, file, ordinal[0]++);
                }

                @Override
                public void rejected() {
                }
            });
        }
        return copies.decide();
    }

    private static CtgJsonReader.FileShape read(StudyFiles.StudyFile file, Problems problems, StudySink sink)
            throws IOException {
        if (file.json()) {
            return CtgJsonReader.read(file.path(), file.display(), problems, sink);
        }
        CtgCsvReader.read(file.path(), file.display(), problems, sink);
        return null;
    }

    /** The second pass: keeps one copy of each study, classified, and notes what was merged. */
    private static final class Merge {
        private final Table.Builder table;
        private final Table.Builder review;
        private final AtmpClassifier classifier;
        private final Overrides overrides;
        private final Reading reading;
        private final Problems problems;
        private final Map<Integer, StudyCopies.Decision> decisions;
        private final Set<Integer> seen = new HashSet<>();
        private final Map<Integer, List<Trial.Intervention>> classifiedOn = new HashMap<>();
        private final Map<Integer, Trial> waiting = new HashMap<>();
        private final Map<String, Integer> keptFrom = new TreeMap<>();
        private long repeated;
        private long unplacedLocations;
        private final Set<String> unplacedExamples = new java.util.LinkedHashSet<>();
        private int pages;
        private int pagesWithToken;
        private final String folder;

        Merge(Table.Builder table, Table.Builder review, AtmpClassifier classifier, Overrides overrides, Reading reading,
              Problems problems, Map<Integer, StudyCopies.Decision> decisions, String folder) {
            this.folder = folder;
            this.table = table;
            this.review = review;
            this.classifier = classifier;
            this.overrides = overrides;
            this.reading = reading;
            this.problems = problems;
            this.decisions = decisions;
        }

        void readAll(StudyFiles files) throws IOException {
            List<StudyFiles.StudyFile> list = files.files();
            for (int f = 0; f < list.size(); f++) {
                int file = f;
                int[] ordinal = {0};
                CtgJsonReader.FileShape shape = read(list.get(f), problems, new StudySink() {
                    @Override
                    public void accept(Trial trial, long line) {
                        reading.record(true);
                        take(trial, file, ordinal[0]++);
                    }

                    @Override
                    public void rejected() {
                        reading.record(false);
                    }
                });
                if (shape != null && shape.page) {
                    pages++;
                    pagesWithToken += shape.nextPageToken ? 1 : 0;
                }
            }
            waiting.values().forEach(trial -> keep(trial, trial.interventions()));
            notes();
        }

        private void take(Trial trial, int file, int ordinal) {
            int number = trial.number();
            StudyCopies.Decision decision = decisions.get(number);
            if (decision == null) {
                if (seen.add(number)) {
                    keep(trial, trial.interventions());
                } else {
                    repeated++;
                }
                return;
            }
            if (decision.classified(file, ordinal)) {
                classifiedOn.put(number, trial.interventions());
                Trial kept = waiting.remove(number);
                if (kept != null) {
                    keep(kept, trial.interventions());
                }
            }
            if (decision.kept(file, ordinal)) {
                String from = trial.file();
                keptFrom.merge(from.contains("!") ? from.substring(0, from.indexOf('!')) : from, 1, Integer::sum);
                List<Trial.Intervention> interventions = classifiedOn.remove(number);
                if (interventions != null) {
                    keep(trial, interventions);
                } else {
                    waiting.put(number, trial);
                }
            }
        }

        /** Keeps a study; a study found twice shows (and is classified on) the copy with the most intervention text. */
        private void keep(Trial kept, List<Trial.Intervention> classifyOn) {
            Trial trial = kept.withInterventions(classifyOn);
            AtmpClassifier.Classification c = classifier.classify(trial);
            String interventions = trial.interventions().stream().map(Trial.Intervention::label)
                    .collect(Collectors.joining("|"));
            Overrides.Override override = overrides.of(trial.nctId());
            if (override != null) {
                // The analysts' call, with the rules' own call kept in the evidence.
                String rules = c.atmp() ? c.category() + " by rule " + c.rule() : "not ATMP by rule " + c.rule();
                c = new AtmpClassifier.Classification(override.atmp(), override.atmp() ? override.category() : null,
                        override.atmp() ? (c.modality() != null ? c.modality() : "Set by the analysts") : null, "override",
                        override.reason() + " (the rules: " + rules + ")", null);
            } else if (c.review() != null) {
                review.add(trial.nctId(), trial.title(), trial.countries().contains("Sweden"),
                        c.atmp() ? c.category() : "not ATMP", c.rule(), c.evidence(), c.review(), interventions);
            }
            unplacedLocations += trial.unplaced().size();
            trial.unplaced().stream().limit(3).forEach(l -> {
                if (unplacedExamples.size() < 3) {
                    unplacedExamples.add(l);
                }
            });
            table.add(trial.nctId(), trial.title(), trial.status(), CtgFields.ACTIVE.contains(trial.status()),
                    trial.phase(), trial.startDate(), trial.startDate() == null ? null : (long) trial.startDate().getYear(),
                    trial.studyType(), trial.sponsor(), trial.funderType(), trial.conditions(), interventions,
                    String.join("|", trial.countries()), (long) trial.unplaced().size(), trial.countries().contains("Sweden"),
                    c.atmp(), c.category(), c.modality(), c.rule(), c.evidence(), trial.lastUpdate(), trial.format(),
                    trial.file());
        }

        private void notes() {
            if (!decisions.isEmpty()) {
                long classifiedElsewhere = decisions.values().stream()
                        .filter(d -> d.classifiedFile() != d.keptFile() || d.classifiedOrdinal() != d.keptOrdinal()).count();
                reading.note(decisions.size() + " studies found in more than one file (or twice in one) kept once: the most "
                        + "recently updated copy (Last Update Posted), " + keptFrom.entrySet().stream()
                        .map(e -> e.getValue() + " from " + e.getKey()).collect(Collectors.joining(", "))
                        + (classifiedElsewhere == 0 ? "" : "; " + classifiedElsewhere
                        + " classified on another copy with more intervention text (descriptions, other names)"));
            }
            if (repeated > 0) {
                reading.note(repeated + " studies listed twice in the same file counted once");
            }
            if (unplacedLocations > 0) {
                reading.note(unplacedLocations + " locations name no country the tool knows and are counted under no "
                        + "country, e.g. " + unplacedExamples.stream().map(l -> "\"" + l + "\"")
                        .collect(Collectors.joining(", ")));
            }
            if (pages > 0 && pagesWithToken == pages) {
                problems.warn(folder, "every API page here has a nextPageToken, so the registry has more "
                        + "pages than were saved: save the page that the last token leads to, and the ones after it, "
                        + "until a page comes without a token");
            }
        }
    }
}
