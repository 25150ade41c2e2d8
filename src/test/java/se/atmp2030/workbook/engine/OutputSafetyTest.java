package se.atmp2030.workbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.atmp2030.workbook.TestInputs;

/**
 * Where the workbook goes: two builds on one output, a build whose parent is killed, an output path that is a folder,
 * a full disk. Each ends with one clear line and the earlier workbook whole.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "the second build starts {0} ms after the first")
    @ValueSource(ints = {0, 300, 900})
    void twoBuildsOnOneOutputTakeTurns(int offsetMillis) throws Exception {
        Path book = dir.resolve("report.xlsx");
        Process first = java("build", "--out", book.toString(), "--fresh");
        Thread.sleep(offsetMillis);
        Process second = java("build", "--out", book.toString(), "--fresh");
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String firstOut = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String secondOut = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(first.exitValue()).as(firstOut).isZero();
        assertThat(second.exitValue()).as(secondOut).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(book))) {
            assertThat(workbook.getSheet("Key insights")).isNotNull();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
                    .as("no temporary or lock file left beside the workbook").isEmpty();
        }
    }

    @Test
    void aBuildThatCannotHaveTheOutputSaysWhoHoldsIt() throws Exception {
        Path book = dir.resolve("report.xlsx");
        assertThat(TestInputs.run("build", "--out", book.toString(), "--fresh").exitCode()).isZero();
        byte[] earlier = Files.readAllBytes(book);
        Path lockFile = dir.resolve(".report.xlsx.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            channel.write(java.nio.ByteBuffer.wrap("build 4242 of anna since 2024-09-01T10:00 #ab\n"
                    .getBytes(StandardCharsets.UTF_8)));
            Process waiting = java("-Datmp.lockWaitMillis=600", "build", "--out", book.toString(), "--fresh");
            assertThat(waiting.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String err = new String(waiting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(waiting.exitValue()).as(err).isEqualTo(3);
            assertThat(err).contains("error: another build is writing " + book + " (build 4242 of anna since "
                    + "2024-09-01T10:00): wait for it to finish and build again; nothing was changed");
        }
        assertThat(Files.readAllBytes(book)).as("the earlier workbook, untouched").isEqualTo(earlier);
    }

    @Test
    void aBuildWhoseLauncherIsKilledStops() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        Path book = dir.resolve("report.xlsx");
        Process child = java("-Datmp.parent=" + parent.pid(), "build", "--out", book.toString(), "--fresh");
        parent.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the relaunched JVM ends with its parent").isTrue();
        assertThat(child.exitValue()).isEqualTo(4);
        assertThat(book).doesNotExist();
    }

    @Test
    void anOutputThatIsAFolderIsOneClearLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out.xlsx"));
        TestInputs.Run run = TestInputs.run("build", "--out", folder.toString(), "--fresh");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines().filter(l -> l.startsWith("error:")).toList()).containsExactly("error: " + folder
                + " is a folder: give --out a file name such as " + folder.resolve("report.xlsx") + "; nothing was written");
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aFullDiskIsOneClearLineAndLeavesNothing() throws Exception {
        Path small = tmpfs("small", "size=256k", "the full-disk case");
        try {
            Path book = small.resolve("report.xlsx");
            TestInputs.Run run = TestInputs.run("build", "--out", book.toString(), "--fresh");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err().lines().filter(l -> l.startsWith("error:")).toList()).containsExactly("error: cannot "
                    + "write " + book + " (the disk is full); the earlier workbook is unchanged");
            try (var files = Files.list(small)) {
                assertThat(files.toList()).as("nothing left on the full disk").isEmpty();
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aParentFolderThatIsAFileIsOneClearLine() throws IOException {
        Path file = Files.writeString(dir.resolve("reports"), "not a folder");
        Path book = file.resolve("2024/report.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--out", book.toString(), "--fresh");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines().filter(l -> l.startsWith("error:")).toList()).containsExactly("error: cannot write "
                + "to the folder " + book.getParent() + " (" + file + " is a file, not a folder)");
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void aReadOnlyDiskIsOneClearLineAndKeepsTheEarlierWorkbook() throws Exception {
        // A read-only disk, not chmod: root, as in CI, writes into any folder whatever its mode.
        Path disk = tmpfs("disk", "size=8m", "the read-only case");
        try {
            Path book = disk.resolve("report.xlsx");
            Files.writeString(book, "the earlier workbook");
            Process readOnly = new ProcessBuilder("mount", "-o", "remount,ro", disk.toString()).start();
            assertThat(readOnly.waitFor(30, TimeUnit.SECONDS) && readOnly.exitValue() == 0).isTrue();
            TestInputs.Run run = TestInputs.run("build", "--out", book.toString(), "--fresh");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err().lines().filter(l -> l.startsWith("error:")).toList()).hasSize(1).first().asString()
                    .contains("(the disk is read-only)");
            assertThat(run.err()).doesNotContain("\tat ", "Exception");
            assertThat(Files.readString(book)).isEqualTo("the earlier workbook");
            try (var files = Files.list(disk)) {
                assertThat(files.toList()).containsExactly(book);
            }
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A small tmpfs mounted in the test's folder, or the test skipped with the reason where mounting is not allowed. */
    private Path tmpfs(String name, String options, String what) throws Exception {
        Path mountPoint = Files.createDirectories(dir.resolve(name));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "this machine does not let the tests mount a small tmpfs (needs root and "
                + "CAP_SYS_ADMIN): " + what + " is not run here");
        return mountPoint;
    }

    /** The tool in a JVM of its own, from the test classpath, output and errors together. */
    private static Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("-D") ? command : rest).add(arg);
        }
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("se.atmp2030.workbook.cli.Main");
        command.addAll(rest);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
