package se.atmp2030.workbook.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How {@code build} treats an earlier workbook, and whether it also makes a PDF. */
final class RebuildOptions {
    @Option(names = "--keep-edits-from", paramLabel = "FILE",
            description = "Carry the manual edits of this earlier workbook into the new one (default: the workbook being "
                    + "replaced, if there is one).")
    Path keepEditsFrom;

    @Option(names = "--fresh", description = "Start from the template alone, keeping no edits of an earlier workbook.")
    boolean fresh;

    @Option(names = "--pdf", description = "Also write a PDF of the workbook beside it (needs LibreOffice).")
    boolean pdf;
}
