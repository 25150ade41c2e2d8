package se.atmp2030.workbook;

import com.google.inject.Guice;
import com.google.inject.Module;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import se.atmp2030.workbook.engine.BuildEngine;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.ReportSettings;
import se.atmp2030.workbook.collect.Table;

/** Runs some collectors, wired by their own Guice modules, on an inputs folder, as the engine does. */
public final class CollectHarness {
    public record Result(List<Dataset> datasets, List<Problem> problems, List<Problem> warnings) {
        public Dataset dataset(String name) {
            return datasets.stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no dataset " + name + " in " + datasets));
        }

        public Table table(String name) {
            return dataset(name).table();
        }

        /** The problems as a user reads them, with the inputs folder shown as {@code inputs}. */
        public List<String> messages() {
            return problems.stream().map(Problem::toString).toList();
        }
    }

    private CollectHarness() {
    }

    public static Result collect(Path inputs, Module... modules) {
        BuildEngine engine = Guice.createInjector(modules).getInstance(BuildEngine.class);
        Problems problems = new Problems();
        List<Dataset> datasets;
        try {
            datasets = engine.collect(inputs, "inputs", new ReportSettings(2024, Map.of()), problems);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Result(datasets, problems.all(), problems.warnings());
    }

    /** A column's values in row order. */
    public static List<Object> column(Table table, String column) {
        int i = table.columnIndex(column);
        return table.stream().map(row -> row[i]).toList();
    }
}
