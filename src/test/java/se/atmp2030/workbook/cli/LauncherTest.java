package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @Test
    void ordinaryInputsRunInAJvmWithTheQuickCompilerAndTheSameArguments() {
        List<String> command = Launcher.relaunchCommand(new String[] {"build", "--out", "x.xlsx"}, "/opt/atmp-workbook.jar");
        assertThat(command).isNotNull();
        assertThat(command.get(0)).endsWith("java");
        assertThat(command).contains("-XX:TieredStopAtLevel=1", "-Datmp.launch=child")
                .containsSubsequence("-cp", "/opt/atmp-workbook.jar", "se.atmp2030.workbook.cli.Main", "build", "--out", "x.xlsx");
    }

    @Test
    void largeInputsKeepTheFullCompiler(@TempDir Path inputs) throws Exception {
        try (RandomAccessFile big = new RandomAccessFile(inputs.resolve("ctg-studies.csv").toFile(), "rw")) {
            big.setLength(Launcher.LARGE_INPUTS + 1);
        }
        assertThat(Launcher.inputsSize(new String[] {"--inputs", inputs.toString()})).isGreaterThan(Launcher.LARGE_INPUTS);
        assertThat(Launcher.relaunchCommand(new String[] {"--inputs=" + inputs}, "/opt/atmp-workbook.jar")).isNull();
    }

    @Test
    void notFromAJarRunsHere(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.csv"), "x");
        assertThat(Launcher.relaunchCommand(new String[] {"--inputs", dir.toString()}, "/work/target/classes/")).isNull();
    }
}
