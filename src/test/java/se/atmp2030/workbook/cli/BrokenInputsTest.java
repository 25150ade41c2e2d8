package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.atmp2030.workbook.TestInputs;

/**
 * Each folder under {@code src/test/resources/broken/} breaks the bundled inputs in one way: files under {@code overlay/}
 * replace or add input files, lines under {@code append/} are added to the end of a bundled file. {@code expected.txt}
 * holds every problem {@code validate} must print, exactly, with the inputs folder shown as {@code inputs}.
 */
class BrokenInputsTest {
    private static final Path CASES = Path.of("src/test/resources/broken");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateNamesEveryProblemWithFileLineColumnAndValue(String name, @TempDir Path inputs) throws IOException {
        Path dir = CASES.resolve(name);
        breakInputs(dir, inputs);
        TestInputs.Run run = TestInputs.run("validate", "--inputs", inputs.toString());
        List<String> problems = run.errWith(inputs).lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
        if (System.getProperty("broken.print") != null) {
            System.out.println("== " + name + "\n" + String.join("\n", problems));
        }
        assertThat(problems).as(run.err()).containsExactlyElementsOf(
                Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildRefusesWithTheVeryProblemsValidateNames(String name, @TempDir Path dir) throws IOException {
        Path inputs = dir.resolve("inputs");
        breakInputs(CASES.resolve(name), inputs);
        Path out = dir.resolve("never.xlsx");
        TestInputs.Run build = TestInputs.run("build", "--inputs", inputs.toString(), "--out", out.toString());
        List<String> problems = build.errWith(inputs).lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
        assertThat(problems).as(build.err()).containsExactlyElementsOf(
                Files.readAllLines(CASES.resolve(name).resolve("expected.txt"), StandardCharsets.UTF_8));
        assertThat(build.exitCode()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    /** Copies the bundled inputs and applies a case's overlay and appended lines. */
    static void breakInputs(Path caseDir, Path inputs) throws IOException {
        TestInputs.copyTree(TestInputs.BUNDLED, inputs);
        if (Files.isDirectory(caseDir.resolve("overlay"))) {
            TestInputs.copyTree(caseDir.resolve("overlay"), inputs);
        }
        Path append = caseDir.resolve("append");
        if (Files.isDirectory(append)) {
            try (Stream<Path> files = Files.walk(append)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.write(inputs.resolve(append.relativize(file).toString()), Files.readAllBytes(file),
                            StandardOpenOption.APPEND);
                }
            }
        }
    }
}
