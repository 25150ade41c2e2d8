package se.atmp2030.workbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.SheetTable;
import se.atmp2030.workbook.TestInputs;

/**
 * Plugins that cannot be used, as users leave them in {@code plugins/}: a note, a jar cut short, a jar without a module,
 * a module whose class is missing, a collector that throws. Each is named with its file and the cause; the build stops
 * (exit 1, the earlier workbook untouched) unless the user asked to go on without it.
 */
class BrokenPluginsTest {
    @TempDir
    Path dir;

    @Test
    void filesThatAreNoPluginStopTheBuildByNameUnlessSkipped() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("readme.txt"), "Put the beds plugin here.\n");
        Files.write(plugins.resolve("cut.jar"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        jar(plugins.resolve("empty.jar"), List.of("notes/a.txt"), List.of("just a note"));
        jar(plugins.resolve("missing.jar"), List.of("META-INF/services/com.google.inject.Module"),
                List.of("org.example.Missing\n"));
        Path out = dir.resolve("book.xlsx");
        Files.writeString(out, "the earlier workbook");

        TestInputs.Run stopped = TestInputs.run("build", "--plugins", plugins.toString(), "--out", out.toString());
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(1);
        String p = plugins.toString().replace('\\', '/');
        String remedy = "; remove it, or build with --skip-broken-plugins to go on without it";
        assertThat(stopped.err()).contains(
                p + "/cut.jar: is not a readable jar (zip END header not found): build the plugin again" + remedy,
                p + "/empty.jar: has no Guice module listed in META-INF/services/com.google.inject.Module (expected the "
                        + "plugin's module class named there; see the README's plugin section)" + remedy,
                p + "/missing.jar: has a module that fails to load (Provider org.example.Missing not found)" + remedy,
                p + "/readme.txt: is not a jar (expected plugin jars only here; move it away)" + remedy);
        assertThat(stopped.err()).doesNotContain("internal error", "\tat ", "Exception");
        assertThat(Files.readString(out)).isEqualTo("the earlier workbook");

        TestInputs.Run skipped = TestInputs.run("build", "--plugins", plugins.toString(), "--out", out.toString(),
                "--fresh", "--skip-broken-plugins");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(sheetText(out, "Build report")).contains("plugin left out " + p + "/readme.txt is not a jar "
                + "(expected plugin jars only here; move it away); left out", "plugin left out " + p + "/missing.jar "
                + "has a module that fails to load (Provider org.example.Missing not found); left out");
    }

    @Test
    void aCollectorThatThrowsIsNamedWithItsPlugin() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = compile(plugins.resolve("failing.jar"), "org/example/failing/FailingModule.java", """
                package org.example.failing;
                import com.google.inject.AbstractModule;
                import com.google.inject.multibindings.Multibinder;
                import java.util.List;
                import se.atmp2030.workbook.collect.*;
                public final class FailingModule extends AbstractModule {
                    public static final class Failing implements Collector {
                        public String name() { return "failing"; }
                        public String description() { return "fails on purpose"; }
                        public List<String> datasets() { return List.of("failing"); }
                        public List<InputSpec> inputs() { return List.of(); }
                        public List<Dataset> collect(CollectContext context) {
                            String none = System.getProperty("no.such.property");
                            return none.isEmpty() ? List.of() : List.of();
                        }
                    }
                    @Override protected void configure() {
                        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(Failing.class);
                    }
                }
                """, "org.example.failing.FailingModule");
        Path out = dir.resolve("book.xlsx");

        TestInputs.Run stopped = TestInputs.run("build", "--plugins", plugins.toString(), "--out", out.toString());
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(1);
        String shown = jar.toAbsolutePath().normalize().toString().replace('\\', '/');
        if (jar.toAbsolutePath().normalize().startsWith(Path.of("").toAbsolutePath())) {
            shown = Path.of("").toAbsolutePath().relativize(jar.toAbsolutePath().normalize()).toString();
        }
        assertThat(stopped.err()).contains(shown + ": collector failing failed (NullPointerException");
        assertThat(stopped.err()).contains("fix or remove the plugin, or build with --skip-broken-plugins to go on "
                + "without it");
        assertThat(stopped.err()).doesNotContain("internal error", "\tat ");
        assertThat(out).doesNotExist();

        TestInputs.Run skipped = TestInputs.run("build", "--plugins", plugins.toString(), "--out", out.toString(),
                "--skip-broken-plugins");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(SheetTable.read(out, "KPIs").get("KPIs").rows()).isNotEmpty();
        assertThat(sheetText(out, "Build report")).contains("collector failing failed (NullPointerException",
                "its datasets are left out");
    }

    /** Every cell of a sheet as text, a line per row. */
    static String sheetText(Path book, String sheet) throws IOException {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Row row : workbook.getSheet(sheet)) {
                for (Cell cell : row) {
                    text.append(formatter.formatCellValue(cell)).append(' ');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static void jar(Path jar, List<String> names, List<String> contents) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new JarEntry(names.get(i)));
                zip.write(contents.get(i).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private Path compile(Path jar, String file, String source, String module) throws IOException {
        Path src = dir.resolve("src").resolve(file);
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                classpath, "--release", "17", src.toString());
        assertThat(compiled).as("the failing plugin compiles").isZero();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path c : files.filter(Files::isRegularFile).toList()) {
                    zip.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(c));
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new JarEntry("META-INF/services/com.google.inject.Module"));
            zip.write((module + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
