package se.atmp2030.workbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfwayLeavesTheEarlierFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("report.xlsx");
        Files.writeString(target, "the earlier workbook");
        assertThatThrownBy(() -> AtomicOutput.write(target, out -> {
            out.write("half a new workbook".getBytes());
            throw new IOException("disk full");
        })).isInstanceOf(OutputException.class)
                .hasMessage("cannot write " + target + " (disk full); the earlier workbook is unchanged");
        assertThat(Files.readString(target)).isEqualTo("the earlier workbook");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void theNewFileReplacesTheOldOneAndIsReadableByOthers() throws Exception {
        Path target = dir.resolve("out/report.xlsx");
        AtomicOutput.write(target, out -> out.write("new".getBytes()));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).startsWith("rw-r");
    }
}
