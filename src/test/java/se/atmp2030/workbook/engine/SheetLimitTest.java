package se.atmp2030.workbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset longer than a sheet holds continues on {@code <name> (2)}. Excel's limit is 1,048,576 rows; the build is run
 * here with the limit lowered to 1,000 so that the 4,051 publication rows of the bundled inputs need five sheets.
 */
class SheetLimitTest {
    @Test
    void aDatasetBeyondTheRowLimitContinuesOnNumberedSheets(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("report.xlsx");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Datmp.sheet.maxRows=1000", "-cp", classpath, "se.atmp2030.workbook.cli.Main", "build", "--out",
                book.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("log.txt"));
        assertThat(build.exitValue()).as(log).isZero();
        assertThat(log).contains("publications: rows 1000 to 1998 continue on sheet 'data_publications (2)' "
                + "(a sheet holds 1000 rows)");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(book))) {
            int rows = 0;
            for (int part = 1; part <= 5; part++) {
                XSSFSheet sheet = workbook.getSheet(part == 1 ? "data_publications" : "data_publications (" + part + ")");
                assertThat(sheet).as("part " + part).isNotNull();
                assertThat(sheet.getTables()).extracting(t -> t.getName())
                        .containsExactly(part == 1 ? "tbl_publications" : "tbl_publications_" + part);
                assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(999);
                rows += sheet.getLastRowNum();
            }
            assertThat(workbook.getSheet("data_publications (6)")).isNull();
            assertThat(rows).isEqualTo(4051);
        }
    }
}
