package se.atmp2030.workbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.TestInputs;

/**
 * Builds the example plugin of {@code src/test/resources/plugin-example} into a jar, as a plugin author would, drops it
 * into a plugins folder and shows that its collector is listed, run and written, without rebuilding the tool.
 */
class PluginJarTest {
    private static final Path EXAMPLE = Path.of("src/test/resources/plugin-example");

    @Test
    void aJarInThePluginsFolderAddsItsCollector(@TempDir Path work) throws IOException {
        Path plugins = work.resolve("plugins");
        Path jar = buildPluginJar(work.resolve("classes"), plugins.resolve("hospital-beds.jar"));
        assertThat(jar).exists();

        TestInputs.Run listed = TestInputs.run("collectors", "--plugins", plugins.toString());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("hospital-beds (hospital-beds.jar)", "reads hospital-beds/*.csv",
                "clinical-trials (built-in)");

        Path inputs = work.resolve("inputs");
        TestInputs.copyTree(TestInputs.BUNDLED, inputs);
        TestInputs.copyTree(EXAMPLE.resolve("inputs"), inputs);
        Path out = work.resolve("out.xlsx");
        TestInputs.Run build = TestInputs.run("build", "--inputs", inputs.toString(), "--plugins", plugins.toString(),
                "--out", out.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            var sheet = workbook.getSheet("data_hospital_beds");
            assertThat(sheet.getTables()).extracting(t -> t.getName()).containsExactly("tbl_hospital_beds");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Skåne");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(6);
        }

        TestInputs.Run without = TestInputs.run("collectors", "--plugins", work.resolve("none").toString());
        assertThat(without.out()).doesNotContain("hospital-beds");
    }

    /** Compiles the example against the tool's classes and packs it with its service file. */
    static Path buildPluginJar(Path classes, Path jar) throws IOException {
        Files.createDirectories(classes);
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath, "--release", "17"));
        args.addAll(sources);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("the example plugin compiles").isZero();
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            add(zip, classes, classes);
            zip.putNextEntry(new JarEntry("META-INF/services/com.google.inject.Module"));
            zip.write(Files.readAllBytes(EXAMPLE.resolve("src/META-INF/services/com.google.inject.Module")));
            zip.closeEntry();
        }
        return jar;
    }

    private static void add(JarOutputStream zip, Path root, Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
    }
}
