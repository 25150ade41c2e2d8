package se.atmp2030.workbook.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.atmp2030.workbook.analyze.Analysis;
import se.atmp2030.workbook.analyze.Analyzer;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Progress;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.fill.ReportInfo;
import se.atmp2030.workbook.fill.WorkbookWriter;

/**
 * The whole job: discover the collector plugins, read and check every input, and, only when all is well, write the
 * workbook atomically.
 *
 * <pre>{@code
 * WorkbookBuild build = WorkbookBuild.create(Path.of("plugins"));
 * Path written = build.build(new WorkbookBuild.Request(Path.of("inputs"), "inputs", null, null));
 * }</pre>
 */
public final class WorkbookBuild {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbookBuild.class);

    /**
     * @param inputs        the inputs folder
     * @param inputsDisplay how messages name it
     * @param out           the workbook to write, or {@code null} for {@code out/atmp-annual-report-<year>.xlsx}
     * @param year          the report year, or {@code null} for the one {@code report.properties} gives
     * @param templates     the folder of the workbook template and the key-insights sentences
     */
    public record Request(Path inputs, String inputsDisplay, Path out, Integer year, Path templates, Path keepEditsFrom,
                          boolean fresh) {
        public Request(Path inputs, String inputsDisplay, Path out, Integer year) {
            this(inputs, inputsDisplay, out, year, Path.of("workbook-templates"), null, false);
        }

        public Request(Path inputs, String inputsDisplay, Path out, Integer year, Path templates) {
            this(inputs, inputsDisplay, out, year, templates, null, false);
        }
    }

    /** The workbook template, in the templates folder. */
    public static final String TEMPLATE_FILE = "atmp-annual-report.xlsx";

    /** The sentences of the Key insights sheet, in the templates folder. */
    public static final String INSIGHTS_FILE = "key-insights.txt";

    /** What {@link #collect} found: the settings, the datasets, and the problems (empty when the inputs are good). */
    public record Collected(int year, String title, List<Dataset> datasets, Analysis analysis, Problems problems) {
    }

    private final BuildEngine engine;
    private final Plugins plugins;

    private WorkbookBuild(BuildEngine engine, Plugins plugins) {
        this.engine = engine;
        this.plugins = plugins;
    }

    /** Wires the built-in collectors and those of the jars in {@code pluginsDir}. */
    public static WorkbookBuild create(Path pluginsDir) throws IOException {
        return create(pluginsDir, false);
    }

    /**
     * As above; with {@code skipBroken}, a plugin that cannot be used (a file that is no plugin jar, a module that fails
     * to load or to wire, a collector that fails) is left out with a warning instead of stopping the build.
     */
    public static WorkbookBuild create(Path pluginsDir, boolean skipBroken) throws IOException {
        TempFolder.get();
        Plugins plugins = Plugins.discover(pluginsDir);
        List<Plugins.Broken> broken = new ArrayList<>(plugins.broken());
        Injector injector;
        try {
            injector = Guice.createInjector(plugins.modules());
        } catch (com.google.inject.CreationException | com.google.inject.ConfigurationException e) {
            // Which plugin's module does not wire: each tried alone beside the built-in ones.
            java.util.Set<String> failing = new java.util.TreeSet<>();
            List<com.google.inject.Module> builtIn = plugins.found().stream().filter(f -> f.origin().equals("built-in"))
                    .map(Plugins.Found::module).toList();
            for (Plugins.Found found : plugins.found()) {
                if (found.origin().equals("built-in")) {
                    continue;
                }
                List<com.google.inject.Module> trial = new ArrayList<>(builtIn);
                trial.add(found.module());
                try {
                    Guice.createInjector(trial);
                } catch (RuntimeException failed) {
                    failing.add(found.origin());
                    broken.add(new Plugins.Broken(pluginsDir + "/" + found.origin(), "has a module that cannot be wired ("
                            + Plugins.cause(failed) + ")"));
                }
            }
            if (failing.isEmpty()) {
                throw e; // the built-in modules themselves: a bug
            }
            plugins = plugins.without(failing);
            injector = Guice.createInjector(plugins.modules());
        }
        BuildEngine engine = injector.getInstance(BuildEngine.class);
        engine.skipBrokenPlugins(skipBroken);
        WorkbookBuild build = new WorkbookBuild(engine, plugins);
        build.broken = List.copyOf(broken);
        build.skipBroken = skipBroken;
        return build;
    }

    private List<Plugins.Broken> broken = List.of();
    private boolean skipBroken;

    /** The plugins that cannot be used: problems, or warnings when the user asked to go on without them. */
    private void reportBroken(Problems problems) {
        for (Plugins.Broken b : broken) {
            Problem problem = new Problem(b.file(), 0, null, b.reason() + (skipBroken ? "; left out"
                    : "; remove it, or build with --skip-broken-plugins to go on without it"));
            if (skipBroken) {
                problems.warn(problem);
            } else {
                problems.add(problem);
            }
        }
    }

    public List<Collector> collectors() {
        return engine.collectors();
    }

    public Plugins plugins() {
        return plugins;
    }

    /**
     * Reads and checks every input and runs every check a build runs (the sentences, the template, its charts and
     * pivots), filling the workbook in memory; writes nothing and carries no edits. "No problems" from here means that
     * {@link #build} will succeed.
     */
    public Collected collect(Request request) throws IOException {
        Prepared prepared = prepare(request, false);
        prepared.close();
        return prepared.collected();
    }

    /** The inputs read, analysed and filled into the template, ready to write; or the problems that stop it. */
    private record Prepared(Collected collected, WorkbookWriter writer, Path target) {
        void close() throws IOException {
            if (writer != null) {
                writer.close();
            }
        }
    }

    /** @param carryEdits whether to carry the edits of the earlier workbook (a build does; validate writes nothing) */
    private Prepared prepare(Request request, boolean carryEdits) throws IOException {
        Problems problems = new Problems();
        reportBroken(problems);
        if (!Files.isDirectory(request.inputs())) {
            problems.add(request.inputsDisplay(), 0, null, "the inputs folder does not exist (run the command from the "
                    + "project folder, or give the folder with --inputs DIR)");
            return new Prepared(new Collected(request.year() == null ? 0 : request.year(), "", List.of(), null, problems),
                    null, null);
        }
        Path template = request.templates().resolve(TEMPLATE_FILE);
        String templateName = template.toString().replace('\\', '/');
        // Opening the template loads POI's OOXML schemas, a second or so on a cold JVM: done while the collectors read.
        CompletableFuture<WorkbookWriter> opening = Files.isRegularFile(template)
                ? CompletableFuture.supplyAsync(() -> {
                    try {
                        return WorkbookWriter.open(template, templateName);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                : null;
        SettingsReader.Settings settings = SettingsReader.read(request.inputs(), request.inputsDisplay(), request.year(),
                problems);
        List<Dataset> datasets = engine.collect(request.inputs(), request.inputsDisplay(), settings.report(), problems);
        int year = settings.report().year();
        if (!problems.isEmpty()) {
            // Analyses of inputs with problems would only add noise to the messages: fix the inputs first.
            closeQuietly(opening);
            return new Prepared(new Collected(year, settings.title(), datasets, null, problems), null, null);
        }
        WorkbookWriter writer;
        try {
            writer = opening == null ? null : join(opening);
        } catch (se.atmp2030.workbook.collect.DamagedInputException e) {
            problems.add(e.file(), 0, null, "the workbook template " + e.getMessage());
            return new Prepared(new Collected(year, settings.title(), datasets, null, problems), null, null);
        }
        Analysis analysis = analyse(request, settings, datasets, writer, problems);
        // Plugins left out at the user's request change what the workbook holds: the Build report says so.
        List<se.atmp2030.workbook.analyze.Notice> leftOut = new ArrayList<>();
        if (skipBroken) {
            broken.forEach(b -> leftOut.add(new se.atmp2030.workbook.analyze.Notice("plugin left out", b.file(),
                    b.reason() + "; left out")));
        }
        engine.takeLeftOut().forEach(p -> leftOut.add(new se.atmp2030.workbook.analyze.Notice("plugin left out",
                p.file(), p.message())));
        analysis = analysis.withNotices(leftOut);
        if (writer == null) {
            problems.add(templateName, 0, null, "the workbook template is missing (expected the report's layout; see the README)");
            return new Prepared(new Collected(year, settings.title(), datasets, analysis, problems), null, null);
        }
        Collected collected = new Collected(year, settings.title(), datasets, analysis, problems);
        Path target = request.out() != null ? request.out() : Path.of("out", "atmp-annual-report-" + year + ".xlsx");
        Path previous = request.keepEditsFrom();
        if (previous != null && !Files.isRegularFile(previous)) {
            problems.add(new Problem(previous.toString(), 0, null,
                    "the workbook to keep the edits of does not exist (expected the earlier build, e.g. " + target + ")"));
        }
        if (!problems.isEmpty()) {
            writer.close();
            return new Prepared(collected, null, target);
        }
        if (previous == null && !request.fresh() && Files.isRegularFile(target)) {
            previous = target;
        }
        if (!carryEdits) {
            previous = null;
        }
        ReportInfo info = new ReportInfo(settings.title(), year, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS),
                version(), request.inputsDisplay());
        boolean filled;
        try {
            filled = writer.fill(info, datasets, analysis, previous, problems);
        } catch (se.atmp2030.workbook.collect.DamagedInputException e) {
            problems.add(e.file(), 0, null, "the earlier workbook, whose edits a build keeps, " + e.getMessage()
                    + ". Move it away, or build with --fresh to replace it (it is kept in backup/)");
            filled = false;
        }
        if (!filled || !problems.isEmpty()) {
            writer.close();
            return new Prepared(collected, null, target);
        }
        return new Prepared(collected, writer, target);
    }

    /** The analyses, with the sentences of the templates folder and the KPIs the template names. */
    private static Analysis analyse(Request request, SettingsReader.Settings settings, List<Dataset> datasets,
                                    WorkbookWriter writer, Problems problems) throws IOException {
        long start = System.nanoTime();
        Path insights = request.templates().resolve(INSIGHTS_FILE);
        String insightsName = insights.toString().replace('\\', '/');
        List<String> patterns = List.of();
        if (Files.isRegularFile(insights)) {
            List<String> read = se.atmp2030.workbook.collect.TextLines.read(insights, insightsName, problems);
            patterns = read == null ? List.of() : read;
        } else {
            problems.add(insightsName, 0, null, "the file is missing (expected the headline sentences, one per line)");
        }
        Analysis analysis = new Analyzer().analyze(datasets, settings.report(), patterns, insightsName,
                writer == null ? java.util.Set.of() : writer.kpiReferences(), problems);
        LOG.info("analysis: {} series, {} KPIs, {} insights ({} s)", analysis.series().size(), analysis.kpis().size(),
                analysis.insights().size(), String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
        analysis.notices().forEach(notice -> LOG.warn("{}", notice));
        return analysis;
    }

    /** Collects, and writes the workbook only if no input has a problem; returns the file written. */
    public Path build(Request request) throws IOException, BadInputException, OutputException {
        Progress.stage("reading inputs");
        long start = System.nanoTime();
        Prepared prepared = prepare(request, true);
        prepared.collected().problems().warnings().forEach(warning -> LOG.warn("{}", warning));
        if (prepared.writer() == null) {
            throw new BadInputException(prepared.collected().problems().all());
        }
        Progress.stage("writing the workbook");
        Path target = prepared.target();
        try (WorkbookWriter writer = prepared.writer()) {
            refuseIfOpen(target);
            backup(target);
            AtomicOutput.write(target, writer::writeTo);
        }
        LOG.info("workbook: {} data tables written to {} ({} s)", prepared.collected().datasets().size(), target,
                String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
        return target;
    }

    private static WorkbookWriter join(CompletableFuture<WorkbookWriter> opening) throws IOException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private static void closeQuietly(CompletableFuture<WorkbookWriter> opening) {
        if (opening != null) {
            opening.thenAccept(writer -> {
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // nothing was written with it
                }
            });
        }
    }

    /** Excel and LibreOffice leave a lock file beside a workbook they have open; replacing it then would lose work. */
    private static void refuseIfOpen(Path target) throws OutputException {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        for (String lock : List.of("~$" + name, ".~lock." + name + "#")) {
            if (dir != null && Files.exists(dir.resolve(lock))) {
                throw new OutputException(target + " is open in " + (lock.startsWith("~$") ? "Excel" : "LibreOffice")
                        + " (lock file " + lock + "): close it there and build again; nothing was changed", null);
            }
        }
    }

    /** Keeps the workbook about to be replaced as {@code backup/<name>-<yyyyMMdd-HHmmss>.xlsx} beside it. */
    private static void backup(Path target) throws OutputException {
        if (!Files.isRegularFile(target)) {
            return;
        }
        String stem = target.getFileName().toString().replaceFirst("\\.xlsx$", "");
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());
        Path dir = target.resolveSibling("backup");
        try {
            Files.createDirectories(dir);
            Path copy = dir.resolve(stem + "-" + stamp + ".xlsx");
            Files.copy(target, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LOG.info("backup: the earlier workbook is kept as {}", copy);
        } catch (IOException e) {
            throw new OutputException("cannot keep a backup of " + target + " in " + dir + " (" + AtomicOutput.reason(e)
                    + "); nothing was replaced", e);
        }
    }

    /** The version in the jar's manifest; {@code dev} when run from classes. */
    public static String version() {
        String version = WorkbookBuild.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
