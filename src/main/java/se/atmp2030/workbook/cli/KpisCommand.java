package se.atmp2030.workbook.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import se.atmp2030.workbook.analyze.KpiCatalogueDoc;

/** {@code kpis}: prints the KPI catalogue, the keys that key-insights sentences and templates can use. */
@Command(name = "kpis", mixinStandardHelpOptions = true,
        description = "Prints the KPI catalogue (Markdown): every key sentences and templates can use, with its definition.")
final class KpisCommand extends ConsoleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        console.out.print(KpiCatalogueDoc.markdown());
        console.out.flush();
        return ExitCodes.OK;
    }
}
