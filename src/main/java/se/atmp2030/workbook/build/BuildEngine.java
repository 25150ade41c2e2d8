package se.atmp2030.workbook.build;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.ReportSettings;

/**
 * Runs the collectors bound in Guice, knowing none by name: in the order their {@link Collector#requires()} give, then
 * by name, so that the order never depends on how modules were installed.
 */
public final class BuildEngine {
    private static final Logger LOG = LoggerFactory.getLogger(BuildEngine.class);

    private final List<Collector> collectors;

    @Inject
    public BuildEngine(Set<Collector> collectors) {
        this.collectors = order(collectors);
    }

    /** The collectors in the order they run. */
    public List<Collector> collectors() {
        return collectors;
    }

    /** Runs every collector; problems go to {@code problems} and the datasets come back in collector order. */
    public List<Dataset> collect(Path inputs, String inputsDisplay, ReportSettings settings, Problems problems) {
        Map<String, Dataset> done = new LinkedHashMap<>();
        for (Collector collector : collectors) {
            Map<String, Dataset> required = new HashMap<>();
            collector.requires().forEach(name -> required.put(name, done.get(name)));
            CollectContext context = new CollectContext(inputs, inputsDisplay, settings, problems, required);
            long start = System.nanoTime();
            int mark = problems.mark();
            List<Dataset> datasets;
            try {
                datasets = collector.collect(context);
            } catch (IOException e) {
                problems.add(inputsDisplay, 0, null, "collector " + collector.name() + " could not read its files: " + e);
                continue;
            }
            checkDeclared(collector, datasets);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Dataset dataset : datasets) {
                done.put(dataset.name(), dataset);
                LOG.info("{}: {} records read, {} rejected, {} rows in {} ({} s)", collector.name(),
                        dataset.provenance().rowsRead(), dataset.provenance().rowsRejected(), dataset.table().rowCount(),
                        dataset.name(), String.format(java.util.Locale.ROOT, "%.2f", seconds));
                dataset.provenance().notes().forEach(note -> LOG.debug("{}: {}", dataset.name(), note));
            }
            int found = problems.since(mark).size();
            if (found > 0) {
                LOG.debug("{}: {} problems", collector.name(), found);
            }
        }
        return new ArrayList<>(done.values());
    }

    private static void checkDeclared(Collector collector, List<Dataset> datasets) {
        List<String> names = datasets.stream().map(Dataset::name).toList();
        if (!names.equals(collector.datasets())) {
            throw new IllegalStateException("collector " + collector.name() + " declared datasets " + collector.datasets()
                    + " but returned " + names);
        }
    }

    /** Orders by requirements, then by name; a dataset produced twice or a requirement no collector meets is a plugin error. */
    static List<Collector> order(Set<Collector> collectors) {
        Map<String, Collector> producer = new TreeMap<>();
        Map<String, Collector> byName = new HashMap<>();
        for (Collector c : collectors) {
            Collector other = byName.put(c.name(), c);
            if (other != null) {
                throw new IllegalStateException("two collectors are named " + c.name() + ": " + other.getClass().getName()
                        + " and " + c.getClass().getName() + " (remove one plugin from the plugins folder)");
            }
            for (String dataset : c.datasets()) {
                Collector twice = producer.put(dataset, c);
                if (twice != null) {
                    throw new IllegalStateException("dataset " + dataset + " is produced by two collectors, " + twice.name()
                            + " and " + c.name() + " (remove one plugin from the plugins folder)");
                }
            }
        }
        List<Collector> sorted = new ArrayList<>(collectors);
        sorted.sort(Comparator.comparing(Collector::name));
        List<Collector> ordered = new ArrayList<>();
        while (!sorted.isEmpty()) {
            Collector next = sorted.stream()
                    .filter(c -> c.requires().stream().allMatch(d -> ordered.contains(producer.get(d))))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("collectors "
                            + sorted.stream().map(Collector::name).toList() + " require datasets no collector produces: "
                            + sorted.stream().flatMap(c -> c.requires().stream()).filter(d -> !producer.containsKey(d)
                            || !ordered.contains(producer.get(d))).distinct().toList()));
            ordered.add(next);
            sorted.remove(next);
        }
        return List.copyOf(ordered);
    }
}
