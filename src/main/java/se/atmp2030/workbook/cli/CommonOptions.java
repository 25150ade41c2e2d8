package se.atmp2030.workbook.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import se.atmp2030.workbook.engine.WorkbookBuild;

/** Options every command that reads the inputs shares. */
final class CommonOptions {
    @Option(names = "--inputs", paramLabel = "DIR", defaultValue = "inputs",
            description = "Folder with the input files (default: ${DEFAULT-VALUE}).")
    Path inputs;

    @Option(names = "--plugins", paramLabel = "DIR", defaultValue = "plugins",
            description = "Folder of plugin jars that add collectors (default: ${DEFAULT-VALUE}; may be missing).")
    Path plugins;

    @Option(names = "--skip-broken-plugins", description = "Go on without a plugin that cannot be used (not a jar, a "
            + "module that fails to load, a collector that fails), with a warning; without this, such a plugin stops "
            + "the build.")
    boolean skipBrokenPlugins;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "workbook-templates",
            description = "Folder with the workbook template and the key-insights sentences (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--year", paramLabel = "N",
            description = "Report year (default: the year in <inputs>/report.properties).")
    Integer year;

    WorkbookBuild.Request request(Path out) {
        return new WorkbookBuild.Request(inputs, inputsDisplay(), out, year, templates);
    }

    WorkbookBuild.Request request(Path out, Path keepEditsFrom, boolean fresh) {
        return new WorkbookBuild.Request(inputs, inputsDisplay(), out, year, templates, keepEditsFrom, fresh);
    }

    /** How messages name the inputs folder: as the user typed it. */
    String inputsDisplay() {
        String text = inputs.toString().replace('\\', '/');
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
