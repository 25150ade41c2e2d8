package se.atmp2030.workbook.engine;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Problem;
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

    /**
     * Runs every collector; problems go to {@code problems} and the datasets come back in collector order. Collectors
     * that do not need each other run at the same time, one per core.
     */
    public List<Dataset> collect(Path inputs, String inputsDisplay, ReportSettings settings, Problems problems)
            throws IOException {
        Map<String, CompletableFuture<List<Dataset>>> byDataset = new HashMap<>();
        Map<Collector, CompletableFuture<List<Dataset>>> runs = new LinkedHashMap<>();
        Set<Collector> notRun = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // Each collector reports into its own list, merged in collector order, so that messages never interleave.
        Map<Collector, Problems> reported = new LinkedHashMap<>();
        collectors.forEach(c -> reported.put(c, new Problems()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread thread = new Thread(r, "collector");
                    thread.setDaemon(true);
                    return thread;
                });
        // Records may be dated up to the year after the report year; a date beyond (3000) or before 1900 is a typing error.
        se.atmp2030.workbook.collect.Values.lastYear(settings.year() >= se.atmp2030.workbook.collect.Values.FIRST_YEAR
                ? settings.year() + 1 : java.time.Year.now().getValue() + 1);
        // The classification rules, read once for every collector that classifies; a rule that does not read is a
        // problem of the inputs like any other.
        se.atmp2030.workbook.collect.AtmpRules rules = se.atmp2030.workbook.collect.AtmpRules.load(inputs,
                inputsDisplay + "/" + se.atmp2030.workbook.collect.AtmpRules.FILE, problems);
        try {
            for (Collector collector : collectors) {
                List<CompletableFuture<List<Dataset>>> needs = collector.requires().stream().map(byDataset::get).toList();
                CompletableFuture<List<Dataset>> run = CompletableFuture.allOf(needs.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> {
                            Map<String, Dataset> required = new HashMap<>();
                            needs.forEach(n -> n.join().forEach(d -> required.put(d.name(), d)));
                            Problems own = reported.get(collector);
                            List<String> missing = collector.requires().stream().filter(r -> !required.containsKey(r))
                                    .toList();
                            if (!missing.isEmpty()) {
                                // What it needs has problems of its own (listed) or was left out: nothing to add to.
                                notRun.add(collector);
                                own.warn(new Problem(inputsDisplay, 0, null, "collector " + collector.name()
                                        + " not run: it needs " + String.join(", ", missing) + ", which could not be "
                                        + "collected"));
                                return List.<Dataset>of();
                            }
                            return this.run(collector, new CollectContext(inputs, inputsDisplay, settings, own, required,
                                    rules), inputsDisplay, own);
                        }, pool);
                runs.put(collector, run);
                collector.datasets().forEach(d -> byDataset.put(d, run));
            }
            Map<Collector, List<Dataset>> results = new LinkedHashMap<>();
            List<Dataset> all = new ArrayList<>();
            for (Map.Entry<Collector, CompletableFuture<List<Dataset>>> run : runs.entrySet()) {
                results.put(run.getKey(), run.getValue().join());
                all.addAll(results.get(run.getKey()));
            }
            se.atmp2030.workbook.fetch.Manifest manifest = se.atmp2030.workbook.fetch.Manifest.read(inputs);
            Problems unread = new Problems();
            // A collector that stopped at a problem, or did not run, leaves its files unread: no news to the user.
            Set<Collector> incomplete = new java.util.HashSet<>(notRun);
            runs.keySet().stream().filter(c -> !reported.get(c).isEmpty()).forEach(incomplete::add);
            Map<Collector, List<String>> unreadNotes = UnreadFiles.check(inputs, inputsDisplay, collectors, all,
                    incomplete, unread);
            List<Dataset> datasets = new ArrayList<>();
            for (Map.Entry<Collector, List<Dataset>> result : results.entrySet()) {
                Problems own = reported.get(result.getKey());
                problems.addAll(own);
                List<String> notes = new ArrayList<>(own.warnings().stream().map(Problem::toString).toList());
                notes.addAll(fetched(manifest, inputsDisplay, result.getValue()));
                notes.addAll(unreadNotes.getOrDefault(result.getKey(), List.of()));
                List<Dataset> list = result.getValue();
                for (int i = 0; i < list.size(); i++) {
                    datasets.add(i == 0 ? list.get(i).withNotes(notes) : list.get(i));
                }
            }
            problems.addAll(unread);
            return datasets;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Where the files of these datasets came from when fetch downloaded them, for the Sources sheet: the address, the
     * query and the day, once per query (a fetch of 40 pages is one note).
     */
    private static List<String> fetched(se.atmp2030.workbook.fetch.Manifest manifest, String inputsDisplay,
                                        List<Dataset> datasets) {
        java.util.Set<String> notes = new java.util.LinkedHashSet<>();
        for (Dataset dataset : datasets) {
            for (var file : dataset.provenance().files()) {
                String relative = file.path().startsWith(inputsDisplay + "/")
                        ? file.path().substring(inputsDisplay.length() + 1) : file.path();
                manifest.entry(relative).ifPresent(e -> notes.add("fetched from " + e.url().replaceFirst("\\?.*", "")
                        + (e.query() == null ? "" : " (" + e.query().replaceFirst("; (page|\\d{4}:) .*", "") + ")")
                        + " on " + e.fetched().substring(0, 10)));
            }
        }
        return List.copyOf(notes);
    }

    private boolean skipBrokenPlugins;
    private final List<Problem> leftOut = java.util.Collections.synchronizedList(new ArrayList<>());

    /** The plugins' collectors that failed and were left out (with --skip-broken-plugins), since the last call. */
    List<Problem> takeLeftOut() {
        synchronized (leftOut) {
            List<Problem> taken = List.copyOf(leftOut);
            leftOut.clear();
            return taken;
        }
    }

    /** Whether a plugin's collector that fails is left out with a warning (else it is a problem that stops the build). */
    void skipBrokenPlugins(boolean skip) {
        this.skipBrokenPlugins = skip;
    }

    private List<Dataset> run(Collector collector, CollectContext context, String inputsDisplay, Problems problems) {
        long start = System.nanoTime();
        int mark = problems.mark();
        List<Dataset> datasets;
        try {
            datasets = collector.collect(context);
        } catch (RuntimeException | LinkageError e) {
            String origin = Plugins.origin(collector.getClass());
            if (origin.equals("built-in")) {
                throw e; // a bug of the tool's own: exit 4, with the details under -v
            }
            Problem problem = new Problem(Plugins.location(collector.getClass()), 0, null, "collector " + collector.name() + " failed ("
                    + Plugins.cause(e) + ")" + (skipBrokenPlugins ? "; its datasets are left out"
                    : "; fix or remove the plugin, or build with --skip-broken-plugins to go on without it"));
            if (skipBrokenPlugins) {
                problems.warn(problem);
                leftOut.add(problem);
            } else {
                problems.add(problem);
            }
            return List.of();
        } catch (se.atmp2030.workbook.collect.DamagedInputException e) {
            problems.add(e.file(), 0, null, e.getMessage());
            return List.of();
        } catch (IOException e) {
            problems.add(inputsDisplay, 0, null, "collector " + collector.name() + " could not read its files: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return List.of();
        }
        checkDeclared(collector, datasets);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Dataset dataset : datasets) {
            LOG.info("{}: {} records read, {} rejected, {} rows in {} ({} s)", collector.name(),
                    dataset.provenance().rowsRead(), dataset.provenance().rowsRejected(), dataset.table().rowCount(),
                    dataset.name(), String.format(java.util.Locale.ROOT, "%.2f", seconds));
            dataset.provenance().notes().forEach(note -> LOG.debug("{}: {}", dataset.name(), note));
        }
        int found = problems.since(mark).size();
        if (found > 0) {
            LOG.debug("{}: {} problems", collector.name(), found);
        }
        return datasets;
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
