package se.atmp2030.workbook.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.atmp2030.workbook.engine.Plugins;
import se.atmp2030.workbook.engine.WorkbookBuild;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.InputSpec;

/** {@code collectors}: lists the installed collectors, the files each reads and their formats. */
@Command(name = "collectors", mixinStandardHelpOptions = true,
        description = "Lists the installed collectors, the datasets they make, the files they read and their formats.")
final class CollectorsCommand extends ConsoleCommand implements Callable<Integer> {
    @Option(names = "--plugins", paramLabel = "DIR", defaultValue = "plugins",
            description = "Folder of plugin jars that add collectors (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path plugins;

    @Override
    public Integer call() {
        try {
            WorkbookBuild build = WorkbookBuild.create(plugins);
            for (Collector collector : build.collectors()) {
                console.out.println(collector.name() + " (" + origin(build.plugins(), collector) + ")");
                console.out.println("  " + collector.description());
                console.out.println("  datasets: " + String.join(", ", collector.datasets())
                        + (collector.requires().isEmpty() ? "" : "   requires: " + String.join(", ", collector.requires())));
                for (InputSpec input : collector.inputs()) {
                    console.out.println("  reads " + input.glob() + (input.required() ? "" : " (optional)"));
                    console.out.println("        " + input.format());
                }
            }
            console.out.flush();
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            return Main.internalError(e, console.err);
        }
    }

    private static String origin(Plugins plugins, Collector collector) {
        ClassLoader loader = collector.getClass().getClassLoader();
        return plugins.found().stream()
                .filter(found -> found.module().getClass().getClassLoader() == loader)
                .map(Plugins.Found::origin)
                .findFirst().orElse("built-in");
    }
}
