package se.atmp2030.workbook.collect.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static se.atmp2030.workbook.CollectHarness.column;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.CollectHarness;

/**
 * JobTech's yearly files in every form it has published them: {@code {year}.jsonl.zip}, the older {@code {year}.zip}
 * holding {@code {year}.json} (one JSON array of ads), gzipped and plain JSON Lines; and the forms the tool cannot read,
 * each reported.
 */
class JobTechFormsTest {
    @TempDir
    Path inputs;
    Path folder;

    private static String ad(String id, String headline, String date) {
        return "{\"id\":\"" + id + "\",\"headline\":\"" + headline + "\",\"publication_date\":\"" + date
                + "T08:00:00\",\"description\":{\"text\":\"Vi söker dig.\"},\"employer\":{\"name\":\"Cell Medical AB\"},"
                + "\"occupation\":{\"label\":\"Biomedicinsk analytiker\"},\"workplace_address\":{\"region\":\"Stockholms län\","
                + "\"country\":\"Sverige\"}}";
    }

    @BeforeEach
    void nordicFile() throws IOException {
        folder = Files.createDirectories(inputs.resolve("job-postings/jobtech"));
        Files.writeString(inputs.resolve("job-postings/nordic-postings.csv"),
                "Id,Publication date,Country,Employer,Title,Source\nDK-1,2021-03-01,Denmark,Novo,Cell therapy scientist,Jobnet\n");
    }

    @Test
    void theOlderYearZipHoldingAJsonArrayGzippedAndPlainJsonLinesAreAllRead() throws IOException {
        // As JobTech's 2006-2019 files: the zip holds one JSON document, an array of ads, spread over lines.
        zip(folder.resolve("2019.zip"), "2019.json", "[\n  " + ad("19-1", "QC analyst, cell therapy", "2019-03-01")
                + ",\n  " + ad("19-2", "Lagerarbetare", "2019-04-01") + ",\n  " + ad("19-3", "Stem cell scientist",
                "2019-05-01") + "\n]\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("2020.jsonl.gz")))) {
            out.write((ad("20-1", "Process engineer, viral vector production", "2020-02-01") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(folder.resolve("2021.jsonl"), ad("21-1", "CAR-T operator", "2021-06-01") + "\n");
        CollectHarness.Result result = CollectHarness.collect(inputs, new JobPostingsModule());
        assertThat(result.messages()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(column(result.table("job_postings"), "id"))
                .containsExactlyInAnyOrder("19-1", "19-3", "20-1", "21-1", "DK-1");
    }

    @Test
    void aRarArchiveIsAProblemNamingTheFileAndWhatToDo() throws IOException {
        Files.writeString(folder.resolve("2021.jsonl"), ad("21-1", "CAR-T operator", "2021-06-01") + "\n");
        Files.write(folder.resolve("2022.rar"), new byte[] {'R', 'a', 'r', '!', 0x1a, 0x07, 0x00});
        CollectHarness.Result result = CollectHarness.collect(inputs, new JobPostingsModule());
        assertThat(result.messages()).containsExactly("inputs/job-postings/jobtech/2022.rar: is a RAR archive, which the "
                + "tool cannot open: unpack it into this folder, or download the .zip form of the file instead");
    }

    @Test
    void aZipWithoutAdsIsAProblemAndEachEntryNotReadIsSaid() throws IOException {
        zip(folder.resolve("2023.zip"), "2023.csv", "id,headline\n1,x\n");
        CollectHarness.Result result = CollectHarness.collect(inputs, new JobPostingsModule());
        assertThat(result.messages()).containsExactly("inputs/job-postings/jobtech/2023.zip: the zip holds no .jsonl or "
                + ".json file (expected the ads of one year)");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly(
                "inputs/job-postings/jobtech/2023.zip!2023.csv: not read (expected .jsonl or .json files in the zip)");
    }

    @Test
    void aFileThatIsNotAZipIsAProblemNotAnEmptyYear() throws IOException {
        Files.writeString(folder.resolve("2024.zip"), "<html>Service unavailable</html>");
        assertThat(CollectHarness.collect(inputs, new JobPostingsModule()).messages()).hasSize(1).first().asString()
                .startsWith("inputs/job-postings/jobtech/2024.zip: cannot be opened as a zip archive (")
                .endsWith("): download it again");
    }

    private static void zip(Path zip, String entry, String content) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
