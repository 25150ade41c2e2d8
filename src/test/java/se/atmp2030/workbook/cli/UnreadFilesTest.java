package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.TestInputs;

/** No file in the inputs is skipped without a word: each one no collector reads is named, with what to do. */
class UnreadFilesTest {
    @TempDir
    Path dir;

    private Path inputs() throws IOException {
        Path inputs = dir.resolve("inputs");
        TestInputs.copyTree(TestInputs.BUNDLED, inputs);
        Files.writeString(inputs.resolve("cart/infusions-2024.xlsx"), "x");
        Files.createDirectories(inputs.resolve("hospital-beds"));
        Files.writeString(inputs.resolve("hospital-beds/beds.csv"), "Region,Year,Beds\n");
        Files.writeString(inputs.resolve("notes.txt"), "notes");
        // Left alone: what operating systems and Excel leave behind, the inputs' own README, and the tables of an
        // unpacked CORDIS extract that the funding figures do not need.
        Files.createDirectories(inputs.resolve("eu-funding/h2020"));
        Files.writeString(inputs.resolve("eu-funding/h2020/euroSciVoc.csv"), "\"projectID\";\"euroSciVocCode\"\n");
        Files.writeString(inputs.resolve("eu-funding/h2020/webLink.csv"), "\"id\";\"projectID\"\n");
        Files.writeString(inputs.resolve(".DS_Store"), "");
        Files.writeString(inputs.resolve("clinical-trials/~$ctg-studies.csv"), "");
        return inputs;
    }

    @Test
    void validateNamesEveryFileNoCollectorReadsAndStillFindsNoProblem() throws IOException {
        Path inputs = inputs();
        TestInputs.Run run = TestInputs.run("validate", "--inputs", inputs.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errWith(inputs).lines().toList()).containsExactly(
                "warning: 3 things to know:",
                "  inputs/cart/infusions-2024.xlsx: not read by cart-infusions (it reads analyst CSV: Year, Region, Centre, "
                        + "Product, Indication, Infusions); to use this sheet, save it from Excel with Save As, CSV UTF-8, "
                        + "into the same folder",
                "  inputs/hospital-beds/beds.csv: not read: no collector reads the folder inputs/hospital-beds (a plugin "
                        + "may be missing; see the collectors command)",
                "  inputs/notes.txt: not read: no collector reads files at the top of the inputs folder (put it in the "
                        + "folder of its dataset)");
        assertThat(run.out()).endsWith("No problems found (3 warnings above).\n");
    }

    @Test
    void theSourcesSheetKeepsWhatWasNotReadBesideTheDatasetWhoseFolderItIsIn() throws IOException {
        Path inputs = inputs();
        Path out = dir.resolve("book.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--inputs", inputs.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet sources = book.getSheet("Sources");
            String notes = null;
            for (Row row : sources) {
                if (row.getCell(0).getStringCellValue().equals("cart_infusions")) {
                    notes = row.getCell(10).getStringCellValue();
                }
            }
            assertThat(notes).as("the note names the file as the user named the folder")
                    .startsWith(inputs + "/cart/infusions-2024.xlsx: not read by cart-infusions (it reads analyst CSV");
        }
    }

    @Test
    void anArchiveTheToolCannotOpenAndAMissingCsvBesideItsSpreadsheetAreProblems() throws IOException {
        Path inputs = dir.resolve("inputs");
        TestInputs.copyTree(TestInputs.BUNDLED, inputs);
        Files.write(inputs.resolve("job-postings/jobtech/2019.rar"), new byte[] {'R', 'a', 'r', '!', 0x1a, 0x07, 0x00});
        Files.delete(inputs.resolve("patients/patients-treated.csv"));
        Files.writeString(inputs.resolve("patients/patients.xlsx"), "x");
        TestInputs.Run validate = TestInputs.run("validate", "--inputs", inputs.toString());
        TestInputs.Run build = TestInputs.run("build", "--inputs", inputs.toString(), "--out",
                dir.resolve("never.xlsx").toString());
        List<String> expected = List.of(
                "error: 2 problems in the inputs:",
                "  inputs/patients/*.csv: no file found (expected analyst CSV: Product, ATMP type, Indication, Year, "
                        + "Patients); the folder has patients.xlsx",
                "  inputs/job-postings/jobtech/2019.rar: is a RAR archive, which the tool cannot open: unpack it into "
                        + "this folder, or download the .zip form of the file instead");
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.errWith(inputs).lines().filter(l -> !l.startsWith("warning") && !l.startsWith("  inputs/"
                + "patients/patients.xlsx")).toList()).containsExactlyElementsOf(expected);
        assertThat(build.exitCode()).isEqualTo(1);
        assertThat(build.errWith(inputs)).contains(String.join("\n", expected));
        assertThat(dir.resolve("never.xlsx")).doesNotExist();
    }
}
