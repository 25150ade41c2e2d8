package se.atmp2030.workbook.fill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.TestInputs;

/**
 * The workbook as a stakeholder without Excel sees it: LibreOffice (headless) opens it and exports a PDF, whose text
 * must hold the headline sentences, the KPIs and numbers in the pivot tables. POI reading its own output proves little;
 * this is a second, real reader. CI installs LibreOffice ({@code .ci/run}); on a machine without it the test is skipped,
 * except under CI, where it fails.
 */
class LibreOfficeRoundTripTest {
    @Test
    void libreOfficeOpensTheWorkbookAndItsPdfShowsTheKpisAndThePivotNumbers(@TempDir Path dir) throws Exception {
        requireTools("soffice", "pdftotext");
        Path book = dir.resolve("report.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--out", book.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path profile = dir.resolve("profile");
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), book.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(240, TimeUnit.SECONDS)).as("LibreOffice finished in time").isTrue();
        Path pdf = dir.resolve("report.pdf");
        assertThat(pdf).as(Files.readString(dir.resolve("soffice.log"))).exists();
        Process text = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), dir.resolve("report.txt").toString())
                .redirectErrorStream(true).start();
        assertThat(text.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String pdfText = Files.readString(dir.resolve("report.txt")).replaceAll("[ \\t]+", " ");

        assertThat(pdfText).contains("Key insights: Swedish ATMP Annual Report 2024",
                "25 SME ATMP developers in Sweden – 183% increase in employees since 2018 – 201 new employees",
                "ATMP clinical trials double from 2021 to 2024 and counting – at least 48 currently active",
                "712 Nordic ATMP job postings from 2020 to 2024: Denmark with 519, Sweden second with 156.",
                "78 ATMP trials with a site in Sweden; 18 started so far in 2024 against 9 in 2021; active now: at least 48.");
        assertThat(pdfText).as("the pivot of trials by year and phase shows its counts and grand total")
                .containsPattern("Count of nct_id")
                .containsPattern("2024( \\d+){5,7} 50")
                .containsPattern("Total Result( \\d+){6,8} 459");
        assertThat(pdfText).as("the postings pivot").containsPattern("Denmark( \\d+){5} 519");
        double developers = 0;
        try (var in = Files.newInputStream(book); var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var data = workbook.getSheet("data_eu_funding");
            java.util.Map<String, Integer> column = new java.util.HashMap<>();
            data.getRow(0).forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                if (data.getRow(r).getCell(column.get("atmp_developer")).getBooleanCellValue()) {
                    developers += data.getRow(r).getCell(column.get("ec_contribution")).getNumericCellValue();
                }
            }
        }
        assertThat(pdfText).as("LibreOffice applies the funding pivot's filter: the developers' total")
                .containsPattern("Total Result( [\\d,.]+){2} " + String.format(java.util.Locale.ENGLISH, "%,.2f", developers)
                        .replace(".", "\\."));
    }

    private static void requireTools(String... tools) {
        for (String tool : tools) {
            boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (!found) {
                if (System.getenv("CI") != null) {
                    fail(tool + " is missing: .ci/run must install libreoffice-calc-nogui and poppler-utils");
                }
                Assumptions.abort(tool + " is not installed (apt-get install -y libreoffice-calc-nogui poppler-utils)");
            }
        }
    }
}
