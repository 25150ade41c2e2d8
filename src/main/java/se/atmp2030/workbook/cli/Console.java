package se.atmp2030.workbook.cli;

import java.io.PrintWriter;
import java.util.List;
import se.atmp2030.workbook.collect.Problem;

/** What commands print for the user: results on stdout, problems and errors on stderr. */
final class Console {
    final PrintWriter out;
    final PrintWriter err;

    Console(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    void problems(List<Problem> problems) {
        err.println("error: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the inputs:");
        for (Problem problem : problems) {
            err.println("  " + problem);
        }
        err.flush();
    }

    /** Warnings: what the build could still do, but the user must hear of. */
    void warnings(List<Problem> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        err.println("warning: " + warnings.size() + (warnings.size() == 1 ? " thing" : " things") + " to know:");
        for (Problem warning : warnings) {
            err.println("  " + warning);
        }
        err.flush();
    }
}
