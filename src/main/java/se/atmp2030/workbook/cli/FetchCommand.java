package se.atmp2030.workbook.cli;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.engine.SettingsReader;
import se.atmp2030.workbook.fetch.Fetcher;
import se.atmp2030.workbook.fetch.Http;
import se.atmp2030.workbook.fetch.Manifest;

/**
 * {@code fetch}: downloads the year's data from every registry with an open interface into the inputs folder, records
 * each download, then validates everything as {@code validate} does.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Downloads the year's data from ClinicalTrials.gov, PubMed, Eurostat, CORDIS and JobTech into the "
                + "inputs folder, records each download in inputs/fetch/manifest.json, then validates the inputs.")
final class FetchCommand extends ConsoleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--only", split = ",", paramLabel = "DATASET",
            description = "Fetch only these datasets (clinical_trials, publications, population, eu_funding, job_postings).")
    List<String> only = List.of();

    @Option(names = "--offline", description = "Touch no network: say what the inputs folder holds from earlier fetches, "
            + "then validate.")
    boolean offline;

    @Override
    public Integer call() {
        try {
            Problems problems = new Problems();
            SettingsReader.Settings settings = SettingsReader.read(common.inputs, common.inputsDisplay(), common.year,
                    problems);
            if (!problems.isEmpty()) {
                console.problems(problems.all());
                return ExitCodes.BAD_INPUT;
            }
            Fetcher fetcher = new Fetcher();
            Set<String> unknown = new LinkedHashSet<>(only);
            unknown.removeAll(fetcher.sources().keySet());
            if (!unknown.isEmpty()) {
                console.err.println("error: --only " + String.join(",", unknown) + ": no such source (expected "
                        + String.join(", ", fetcher.sources().keySet()) + ")");
                console.err.flush();
                return ExitCodes.USAGE;
            }
            int year = settings.report().year();
            boolean failed = false;
            if (offline) {
                console.out.println("Offline: nothing fetched. From earlier fetches, " + common.inputsDisplay() + " holds:");
                Manifest manifest = Manifest.read(common.inputs);
                manifest.entries().forEach(e -> console.out.println("  " + e.dataset() + ": " + e.file() + " ("
                        + String.format(java.util.Locale.ENGLISH, "%,d", e.size()) + " bytes, fetched "
                        + e.fetched().substring(0, Math.min(16, e.fetched().length())).replace('T', ' ') + " UTC)"));
                if (manifest.entries().isEmpty()) {
                    console.out.println("  nothing (no " + Manifest.FILE + ")");
                }
            } else {
                console.out.println("Fetching the data of " + year + " into " + common.inputsDisplay() + ":");
                console.out.flush();
                for (Fetcher.Outcome outcome : fetcher.fetch(common.inputs, year, settings.sources(), Set.copyOf(only),
                        new Http(Http.Retry.standard()))) {
                    failed |= outcome.failure() != null;
                    console.out.println("  " + outcome.dataset() + ": " + outcome.summary());
                }
            }
            console.out.println("Not fetched, kept by the analysts: " + String.join(", ", Fetcher.ANALYST_KEPT) + ".");
            console.out.println();
            console.out.flush();
            int validated = ValidateCommand.run(common, console);
            if (failed) {
                console.err.println("error: some sources could not be fetched (listed above); their files are as they "
                        + "were. Fetch again later, or with --only for the others.");
                console.err.flush();
                return ExitCodes.FETCH;
            }
            return validated;
        } catch (IOException | RuntimeException e) {
            return Main.internalError(e, console.err);
        }
    }
}
