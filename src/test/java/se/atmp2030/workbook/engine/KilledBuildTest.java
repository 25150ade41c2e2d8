package se.atmp2030.workbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.atmp2030.workbook.TestInputs;

/**
 * A build killed while it writes (the analyst's laptop closed, Ctrl-C, CI's timeout) never leaves a damaged workbook:
 * the file is the earlier one byte for byte, or, if the kill came after the move, the complete new one.
 */
class KilledBuildTest {
    @ParameterizedTest(name = "killed {0} ms after the analyses")
    @ValueSource(ints = {0, 150, 400, 900})
    void theEarlierWorkbookStaysWholeWhenABuildIsKilled(int delayMillis, @TempDir Path dir) throws Exception {
        Path book = dir.resolve("report.xlsx");
        TestInputs.Run first = TestInputs.run("build", "--out", book.toString(), "--fresh");
        assertThat(first.exitCode()).as(first.err()).isZero();
        byte[] earlier = Files.readAllBytes(book);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, "se.atmp2030.workbook.cli.Main", "build", "--out", book.toString(), "--fresh")
                .redirectErrorStream(true).start();
        try (BufferedReader log = new BufferedReader(new InputStreamReader(build.getInputStream()))) {
            String line;
            while ((line = log.readLine()) != null && !line.contains("analysis:")) {
                // wait until the workbook is about to be written
            }
            Thread.sleep(delayMillis);
            build.destroyForcibly();
            build.waitFor(30, TimeUnit.SECONDS);
        }
        if (delayMillis == 0) {
            assertThat(build.exitValue()).as("the build really was killed before it finished").isNotZero();
        }

        byte[] now = Files.readAllBytes(book);
        if (!Arrays.equals(now, earlier)) {
            try (XSSFWorkbook complete = new XSSFWorkbook(Files.newInputStream(book))) {
                assertThat(complete.getSheet("Key insights")).as("the new workbook, complete").isNotNull();
            }
        }
        TestInputs.Run next = TestInputs.run("build", "--out", book.toString(), "--fresh");
        assertThat(next.exitCode()).as(next.err()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .as("the next build cleared what the killed one left").isEmpty();
        }
    }
}
