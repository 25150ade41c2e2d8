package se.atmp2030.workbook.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import se.atmp2030.workbook.engine.WorkbookBuild;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Provenance;

/** {@code validate}: reads and checks every input, prints a summary per dataset and every problem; writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Reads and checks every input, prints a summary per dataset and every problem found. Writes nothing.")
final class ValidateCommand extends ConsoleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return run(common, console);
    }

    /** Validates as the command does; fetch runs it on what it fetched. */
    static int run(CommonOptions common, Console console) {
        try {
            WorkbookBuild build = WorkbookBuild.create(common.plugins, common.skipBrokenPlugins);
            WorkbookBuild.Collected collected = build.collect(common.request(null));
            if (collected.datasets().isEmpty() && !collected.problems().isEmpty()) {
                console.problems(collected.problems().all());
                return ExitCodes.BAD_INPUT;
            }
            console.out.println("Report year " + collected.year() + ", inputs " + common.inputsDisplay() + ":");
            console.out.printf("  %-18s %8s %8s %9s%n", "dataset", "rows", "records", "rejected");
            for (Dataset dataset : collected.datasets()) {
                Provenance p = dataset.provenance();
                console.out.printf("  %-18s %8d %8d %9d%n", dataset.name(), dataset.table().rowCount(), p.rowsRead(),
                        p.rowsRejected());
                p.files().forEach(file -> console.out.println("      " + file.path()));
                p.notes().forEach(note -> console.out.println("      (" + note + ")"));
            }
            console.out.flush();
            console.warnings(collected.problems().warnings());
            if (!collected.problems().isEmpty()) {
                console.problems(collected.problems().all());
                return ExitCodes.BAD_INPUT;
            }
            int warnings = collected.problems().warnings().size();
            console.out.println("No problems found" + (warnings == 0 ? "." : " (" + warnings
                    + (warnings == 1 ? " warning" : " warnings") + " above)."));
            console.out.flush();
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            return Main.internalError(e, console.err);
        }
    }
}
