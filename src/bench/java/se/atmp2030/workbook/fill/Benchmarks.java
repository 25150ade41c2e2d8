package se.atmp2030.workbook.fill;

import com.google.inject.Guice;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.atmp2030.workbook.engine.BuildEngine;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.ReportSettings;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.publications.PublicationsModule;
import se.atmp2030.workbook.collect.trials.ClinicalTrialsModule;

/**
 * The benchmark behind BENCHMARKS.md, run by {@code mvn -B -Pbenchmark verify} in a JVM of its own with {@code -Xmx512m}:
 * (a) the default build end to end, JVM start included; (b) a 1,000,000-row table written by the tool against raw POI
 * SXSSF and fastexcel writing the same rows in the same run; (c) collector throughput on large registry files made
 * here. Each figure is the median of several runs; peak heap is sampled while each case runs.
 */
public final class Benchmarks {
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int TABLE_ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final int STUDIES = Integer.getInteger("bench.studies", 550_000);
    private static final int MEDLINE_RECORDS = Integer.getInteger("bench.medline", 500_000);

    private final Path dir;
    private final StringBuilder report = new StringBuilder();

    private Benchmarks(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("atmp-bench");
        Benchmarks bench = new Benchmarks(dir);
        bench.line("| case | median | runs | peak heap | target |");
        bench.line("| --- | --- | --- | --- | --- |");
        bench.defaultBuild();
        bench.millionRows();
        bench.collectors();
        Path out = Path.of("target", "benchmarks.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, bench.report);
        System.out.println();
        System.out.println(bench.report);
        System.out.println("Written to " + out + " (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, "
                + Runtime.getRuntime().availableProcessors() + " cores)");
    }

    // ---- (a) -----------------------------------------------------------------------------------------------------------

    private void defaultBuild() throws Exception {
        Path jar = Path.of("target", "atmp-workbook.jar");
        double[] seconds = new double[RUNS + 1];
        for (int i = 0; i <= RUNS; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(javaBin(), "-Xmx512m", "-jar", jar.toString(), "build", "--fresh", "--out",
                    dir.resolve("default.xlsx").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("default.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("the default build failed: " + Files.readString(dir.resolve("default.log")));
            }
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        // The first run warms the disk cache and is left out.
        line(String.format(Locale.ROOT, "| (a) default build, `java -Xmx512m -jar target/atmp-workbook.jar`, wall clock "
                + "with JVM start | %.2f s | %s | under 512 MB (-Xmx512m) | under 3 s |", median(Arrays.copyOfRange(seconds, 1,
                seconds.length)), runs(Arrays.copyOfRange(seconds, 1, seconds.length))));
    }

    // ---- (b) -----------------------------------------------------------------------------------------------------------

    private void millionRows() throws Exception {
        Table table = bigTable(TABLE_ROWS);
        // One untimed round on a tenth of the rows, so that no writer pays for the JIT warming up.
        Table warmUp = bigTable(TABLE_ROWS / 10);
        writeWithTool(warmUp);
        writeRawSxssf(warmUp);
        writeFastexcel(warmUp);
        double[] tool = new double[RUNS];
        double[] raw = new double[RUNS];
        double[] fast = new double[RUNS];
        long[] heap = new long[3];
        for (int i = 0; i < RUNS; i++) {
            // The order changes from run to run, so that none is always first after a garbage collection.
            if (i % 2 == 0) {
                tool[i] = measure(heap, 0, () -> writeWithTool(table));
                raw[i] = measure(heap, 1, () -> writeRawSxssf(table));
            } else {
                raw[i] = measure(heap, 1, () -> writeRawSxssf(table));
                tool[i] = measure(heap, 0, () -> writeWithTool(table));
            }
            fast[i] = measure(heap, 2, () -> writeFastexcel(table));
        }
        double ratio = median(tool) / median(raw);
        line(String.format(Locale.ROOT, "| (b) %,d rows × 8 columns through the tool (streamed data sheet, Excel table, "
                + "styles) | %.2f s | %s | %d MB | at most 1.0 × raw SXSSF |", TABLE_ROWS, median(tool), runs(tool), heap[0] >> 20));
        line(String.format(Locale.ROOT, "| (b) the same rows, raw POI SXSSF | %.2f s | %s | %d MB | |", median(raw), runs(raw),
                heap[1] >> 20));
        line(String.format(Locale.ROOT, "| (b) the same rows, dhatim fastexcel (the fastest Java writer) | %.2f s | %s | %d MB | |",
                median(fast), runs(fast), heap[2] >> 20));
        line(String.format(Locale.ROOT, "| (b) ratio tool / raw SXSSF | **%.2f ×** | | | at most 1.0 × |", ratio));
    }

    private void writeWithTool(Table table) {
        try (SXSSFWorkbook workbook = FastSheetDataWriter.workbook(new XSSFWorkbook(), 200);
             OutputStream out = Files.newOutputStream(dir.resolve("tool.xlsx"))) {
            new DataSheetWriter(workbook, new Styles(workbook), "Benchmark").write("data_big", table, "tbl_big");
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeRawSxssf(Table table) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 200, false, false);
             OutputStream out = Files.newOutputStream(dir.resolve("raw.xlsx"))) {
            SXSSFSheet sheet = workbook.createSheet("data_big");
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                header.createCell(c).setCellValue(table.columns().get(c).name());
            }
            var date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            int r = 1;
            for (Object[] values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof String s) {
                        cell.setCellValue(s);
                    } else if (v instanceof Long l) {
                        cell.setCellValue(l);
                    } else if (v instanceof Double d) {
                        cell.setCellValue(d);
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeFastexcel(Table table) {
        try (OutputStream out = Files.newOutputStream(dir.resolve("fast.xlsx"))) {
            org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "bench", "1.0");
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("data_big");
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.value(0, c, table.columns().get(c).name());
            }
            int r = 1;
            for (Object[] values : table.rows()) {
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v instanceof String s) {
                        sheet.value(r, c, s);
                    } else if (v instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (v instanceof Boolean b) {
                        sheet.value(r, c, b);
                    } else if (v instanceof LocalDate d) {
                        sheet.value(r, c, d);
                        sheet.style(r, c).format("yyyy-mm-dd").set();
                    }
                }
                if (r % 1000 == 0) {
                    sheet.flush();
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Table bigTable(int rows) {
        Table.Builder table = Table.builder("big")
                .column("id", ColumnType.TEXT, "")
                .column("year", ColumnType.INTEGER, "")
                .column("day", ColumnType.DATE, "")
                .column("amount", ColumnType.DECIMAL, "")
                .column("active", ColumnType.BOOLEAN, "")
                .column("country", ColumnType.TEXT, "")
                .column("title", ColumnType.TEXT, "")
                .column("count", ColumnType.INTEGER, "");
        String[] countries = {"Sweden", "Denmark", "Norway", "Finland", "Germany"};
        LocalDate start = LocalDate.of(2015, 1, 1);
        for (int i = 0; i < rows; i++) {
            table.add("NCT" + (10_000_000 + i), (long) (2015 + i % 10), start.plusDays(i % 3650), i * 1.25,
                    i % 3 == 0, countries[i % 5], "Study of an advanced therapy, number " + i, (long) (i % 500));
        }
        return table.build();
    }

    // ---- (c) -----------------------------------------------------------------------------------------------------------

    private void collectors() throws Exception {
        Path trials = dir.resolve("trials");
        long trialBytes = writeCtgCsv(trials.resolve("clinical-trials/ctg-studies.csv"), STUDIES);
        Path medline = dir.resolve("medline");
        long medlineBytes = writeMedline(medline.resolve("publications/pubmed.txt"), MEDLINE_RECORDS);
        collector("ClinicalTrials.gov CSV", trials, new ClinicalTrialsModule(), STUDIES, trialBytes);
        collector("PubMed MEDLINE", medline, new PublicationsModule(), MEDLINE_RECORDS, medlineBytes);
        largeBuild(trials.resolve("clinical-trials/ctg-studies.csv"), medline.resolve("publications/pubmed.txt"));
    }

    /** (d) The whole build, the jar in a JVM limited to 512 MB, on the bundled inputs with both large files in them. */
    private void largeBuild(Path ctg, Path pubmed) throws Exception {
        Path inputs = dir.resolve("large-inputs");
        se.atmp2030.workbook.TestInputs.copyTree(se.atmp2030.workbook.TestInputs.BUNDLED, inputs);
        Files.copy(ctg, inputs.resolve("clinical-trials/ctg-studies.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pubmed, inputs.resolve("publications/pubmed-atmp.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(javaBin(), "-Xmx512m", "-jar", Path.of("target", "atmp-workbook.jar").toString(),
                "build", "--fresh", "--inputs", inputs.toString(), "--out", dir.resolve("large.xlsx").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("large.log").toFile()).start();
        if (!p.waitFor(900, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("the large build failed: " + Files.readString(dir.resolve("large.log")));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        line(String.format(Locale.ROOT, "| (d) whole build with -Xmx512m on the bundled inputs plus the %,d-study "
                + "ClinicalTrials.gov file and the %,d-record MEDLINE file (about %,d publication rows) | %.1f s | 1 | "
                + "under 512 MB (-Xmx512m) | passes with -Xmx512m |", STUDIES, MEDLINE_RECORDS, MEDLINE_RECORDS * 2, seconds));
    }

    private void collector(String what, Path inputs, com.google.inject.Module module, int records, long bytes) {
        double[] seconds = new double[RUNS];
        long[] heap = new long[1];
        for (int i = 0; i < RUNS; i++) {
            seconds[i] = measure(heap, 0, () -> {
                BuildEngine engine = Guice.createInjector(module).getInstance(BuildEngine.class);
                Problems problems = new Problems();
                List<Dataset> datasets;
                try {
                    datasets = engine.collect(inputs, "inputs", new ReportSettings(2024, Map.of()), problems);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (!problems.isEmpty() || datasets.isEmpty()) {
                    throw new IllegalStateException(problems.all().toString());
                }
            });
        }
        double median = median(seconds);
        line(String.format(Locale.ROOT, "| (c) %s, %,d records, %,d MB: read, classified, counted | %.2f s: **%,.0f records/s, "
                        + "%.1f MB/s** | %s | %d MB | under 512 MB |", what, records, bytes >> 20, median, records / median,
                bytes / 1e6 / median, runs(seconds), heap[0] >> 20));
    }

    private static long writeCtgCsv(Path file, int studies) throws IOException {
        Files.createDirectories(file.getParent());
        String[] kinds = {"BIOLOGICAL: CD19 CAR-T cells", "GENETIC: AAV5-hFIX vector", "DRUG: Pembrolizumab",
                "BIOLOGICAL: Allogeneic mesenchymal stromal cells", "BIOLOGICAL: Rituximab|DRUG: Fludarabine"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("NCT Number,Study Title,Study URL,Acronym,Study Status,Brief Summary,Study Results,Conditions,"
                    + "Interventions,Phases,Enrollment,Funder Type,Study Type,Start Date,Locations\n");
            for (int i = 0; i < studies; i++) {
                String nct = String.format("NCT%08d", i);
                out.write(nct + ",\"A study of therapy " + i + "\",https://clinicaltrials.gov/study/" + nct + ",,"
                        + (i % 3 == 0 ? "RECRUITING" : "COMPLETED") + ",\"Summary of the study,\nover two lines.\",NO,Lymphoma,"
                        + kinds[i % kinds.length] + "," + (i % 2 == 0 ? "PHASE1|PHASE2" : "PHASE3") + ",40,INDUSTRY,"
                        + "INTERVENTIONAL," + (2000 + i % 25) + "-0" + (1 + i % 9) + ",\"Karolinska, Stockholm, Sweden|"
                        + "Rigshospitalet, Copenhagen, Denmark\"\n");
            }
        }
        return Files.size(file);
    }

    private static long writeMedline(Path file, int records) throws IOException {
        Files.createDirectories(file.getParent());
        String[] places = {"Karolinska Institutet, Stockholm, Sweden.", "Rigshospitalet, Copenhagen, Denmark.",
                "Charité, Berlin, Germany. someone@example.org.", "Massachusetts General Hospital, Boston, MA 02114, USA."};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < records; i++) {
                out.write("PMID- " + (30_000_000 + i) + "\nOWN - NLM\nDP  - " + (2000 + i % 25) + " May\n"
                        + "TI  - Outcomes of gene therapy in a cohort, report number " + i + " of a long series\n"
                        + "      that continues on a second line.\nAU  - Author A\nAD  - " + places[i % places.length] + "\n"
                        + "AD  - " + places[(i + 1) % places.length] + "\nJT  - Human gene therapy\n\n");
            }
        }
        return Files.size(file);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    /** Runs a case and returns its seconds; the highest heap use seen while it ran goes to {@code heap[slot]}. */
    private static double measure(long[] heap, int slot, Runnable work) {
        System.gc();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        heap[slot] = Math.max(heap[slot], peak.get());
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String runs(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(String.format(Locale.ROOT, "%.2f", v));
        }
        return String.join(", ", parts);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}
