package se.atmp2030.workbook.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.atmp2030.workbook.engine.BadInputException;
import se.atmp2030.workbook.engine.OutputException;
import se.atmp2030.workbook.engine.PdfExport;
import se.atmp2030.workbook.engine.WorkbookBuild;

/** {@code build}: reads and checks every input and, only if all is well, writes the workbook. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Reads every input, checks it, and writes the workbook (only if no input has a problem).")
final class BuildCommand extends ConsoleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Workbook to write (default: out/atmp-annual-report-<year>.xlsx).")
    Path out;

    @Mixin
    RebuildOptions rebuild;

    @Override
    public Integer call() {
        return run(common, out, rebuild, console);
    }

    static int run(CommonOptions common, Path out, RebuildOptions rebuild, Console console) {
        try (ProgressLine progress = ProgressLine.start()) {
            WorkbookBuild build = WorkbookBuild.create(common.plugins, common.skipBrokenPlugins);
            Path written = build.build(common.request(out, rebuild.keepEditsFrom, rebuild.fresh));
            progress.stop();
            console.out.println("Wrote " + written.toString().replace('\\', '/'));
            console.out.flush();
            if (rebuild.pdf) {
                Path pdf = PdfExport.export(written);
                console.out.println("Wrote " + pdf.toString().replace('\\', '/'));
                console.out.flush();
            }
            return ExitCodes.OK;
        } catch (BadInputException e) {
            console.problems(e.problems());
            console.err.println("Nothing was written" + (out == null ? "" : "; " + out + " is unchanged")
                    + ". Fix the inputs and build again (validate checks them without building).");
            console.err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (OutputException e) {
            console.err.println("error: " + e.getMessage());
            console.err.flush();
            return ExitCodes.OUTPUT;
        } catch (IOException e) {
            OutputException disk = OutputException.ofDisk(e);
            if (disk != null) {
                console.err.println("error: " + disk.getMessage());
                console.err.flush();
                return ExitCodes.OUTPUT;
            }
            return Main.internalError(e, console.err);
        } catch (RuntimeException e) {
            return Main.internalError(e, console.err);
        }
    }
}
