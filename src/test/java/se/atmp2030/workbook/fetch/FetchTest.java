package se.atmp2030.workbook.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.SheetTable;
import se.atmp2030.workbook.TestInputs;

/**
 * {@code fetch} then {@code build} against {@link FakeRegistries}, a local server that answers as the five registries
 * do, faults included: no test reaches the internet. The workbook built from fetched files is compared with one built
 * from the same data put in place by hand.
 */
class FetchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The registry files fetch supplies; removed from the copied inputs so that what is there came by fetch. */
    private static final List<String> FETCHED = List.of("clinical-trials", "publications", "population", "eu-funding",
            "job-postings/jobtech");

    @TempDir
    Path dir;

    @BeforeAll
    static void quickRetries() {
        System.setProperty("atmp.fetch.backoffMillis", "5");
        System.setProperty("atmp.fetch.maxWaitMillis", "1500");
        System.setProperty("atmp.fetch.pubmedIntervalMillis", "0");
    }

    @AfterAll
    static void normalRetries() {
        System.clearProperty("atmp.fetch.backoffMillis");
        System.clearProperty("atmp.fetch.maxWaitMillis");
        System.clearProperty("atmp.fetch.pubmedIntervalMillis");
        System.clearProperty("atmp.fetch.attempts");
    }

    @Test
    void fetchThenBuildMakesTheWorkbookOfTheRegistriesData() throws Exception {
        try (FakeRegistries registries = new FakeRegistries(20)) {
            Path inputs = inputsFor(registries, dir.resolve("fetched"));
            // The network as it is: rate limited, then down a moment; a large file's connection dropped halfway.
            registries.fault("/ctgov/", FakeRegistries.Fault.TOO_MANY_REQUESTS, FakeRegistries.Fault.UNAVAILABLE);
            registries.fault("/cordis/cordis-h2020", FakeRegistries.Fault.DROP_HALFWAY);
            // A query file deleted by mistake: written again from the tool's own copy, and used.
            Files.delete(inputs.resolve("fetch/population.txt"));

            TestInputs.Run fetch = TestInputs.run("fetch", "--inputs", inputs.toString());
            assertThat(fetch.exitCode()).as(fetch.out() + fetch.err()).isZero();
            int pages = (registries.studies.size() + registries.pageSize - 1) / registries.pageSize;
            assertThat(fetch.out()).contains("clinical_trials: " + pages + " files downloaded",
                    "Not fetched, kept by the analysts: companies, employees", "No problems found");

            assertThat(Files.readString(inputs.resolve("fetch/population.txt")))
                    .isEqualTo(Files.readString(FakeRegistries.BUNDLED.resolve("fetch/population.txt")));
            // Every study, once, over the pages, asked for with the page token of the one before.
            Set<String> ids = new HashSet<>();
            List<Path> pageFiles = list(inputs.resolve("clinical-trials"));
            assertThat(pageFiles).hasSize(pages);
            for (Path page : pageFiles) {
                JSON.readTree(page.toFile()).path("studies").forEach(s -> ids.add(
                        s.path("protocolSection").path("identificationModule").path("nctId").asText()));
            }
            assertThat(ids).hasSize(registries.studies.size());
            assertThat(registries.requests("/ctgov/")).hasSize(pages + 2);
            // After the 429 the client waited the second its Retry-After asked, not its own few milliseconds.
            List<FakeRegistries.Request> ctgov = registries.requests("/ctgov/");
            assertThat((ctgov.get(1).nanos() - ctgov.get(0).nanos()) / 1e6).isGreaterThanOrEqualTo(950);
            assertThat(registries.requests("/ctgov/").get(pages + 1).path()).contains("pageToken=NF0");
            // The dropped download went on where it stopped, and is whole.
            String h2020 = "/cordis/cordis-h2020projects-csv.zip";
            assertThat(registries.requests(h2020)).anyMatch(r -> r.headers().containsKey("range"));
            assertThat(Files.readAllBytes(inputs.resolve("eu-funding/cordis-h2020projects-csv.zip")))
                    .isEqualTo(registries.served(h2020));
            // One MEDLINE file per year with records, each holding that year's records.
            for (Map.Entry<Integer, List<String>> year : registries.medlineByYear.entrySet()) {
                String text = Files.readString(inputs.resolve("publications/pubmed-" + year.getKey() + ".txt"));
                assertThat(text.lines().filter(l -> l.startsWith("PMID- ")).count()).isEqualTo(year.getValue().size());
            }

            // The manifest: every file with its address, status and a SHA-256 that is the file's.
            JsonNode manifest = JSON.readTree(inputs.resolve("fetch/manifest.json").toFile()).path("entries");
            List<String> recorded = new ArrayList<>();
            for (JsonNode entry : manifest) {
                Path file = inputs.resolve(entry.path("file").asText());
                assertThat(entry.path("sha256").asText()).as(entry.toString()).isEqualTo(sha256(file));
                assertThat(entry.path("size").asLong()).isEqualTo(Files.size(file));
                assertThat(entry.path("url").asText()).startsWith("http://127.0.0.1:");
                recorded.add(entry.path("file").asText());
            }
            assertThat(recorded).contains("population/demo_pjan.tsv", "eu-funding/cordis-HORIZONprojects-csv.zip",
                    "job-postings/jobtech/2024.jsonl.zip", "clinical-trials/ctgov-api-page-0001.json");
            String properties = Files.readString(inputs.resolve("report.properties"));
            for (String dataset : List.of("clinical_trials", "publications", "population", "eu_funding", "job_postings")) {
                assertThat(properties).contains("retrieved." + dataset + " = " + LocalDate.now());
            }

            // The same data put in place by hand, dated the same day: the same workbook figures.
            Path byHand = TestInputs.copyOfBundled(dir.resolve("by-hand"));
            Files.delete(byHand.resolve("clinical-trials/ctg-studies.csv"));
            Files.writeString(byHand.resolve("report.properties"), properties.replaceAll("(?m)^source\\..*$", ""));
            Map<String, SheetTable> fetched = TestInputs.buildFresh(inputs, dir.resolve("fetched.xlsx"), "KPIs",
                    "Sources");
            Map<String, SheetTable> expected = TestInputs.buildFresh(byHand, dir.resolve("by-hand.xlsx"), "KPIs");
            assertThat(fetched.get("KPIs").rows()).isEqualTo(expected.get("KPIs").rows());
            assertThat(fetched.get("Sources").rows().toString()).contains("fetched from " + registries.base("ctgov")
                    + "/studies (query.locn = Sweden OR Denmark OR Norway OR Finland OR Iceland) on " + LocalDate.now());
            // Notes as long as the PubMed query wrap in their cell, on a row made tall enough, not past the page edge.
            try (var in = Files.newInputStream(dir.resolve("fetched.xlsx"));
                 var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
                var sheet = book.getSheet("Sources");
                int notes = -1;
                for (var cell : sheet.getRow(0)) {
                    notes = cell.getStringCellValue().equals("notes") ? cell.getColumnIndex() : notes;
                }
                for (var row : sheet) {
                    var cell = row.getCell(notes);
                    if (row.getRowNum() > 0 && cell != null && cell.getStringCellValue().length() > 60) {
                        assertThat(cell.getCellStyle().getWrapText()).as("row " + row.getRowNum()).isTrue();
                        assertThat(row.getHeightInPoints()).isGreaterThan(sheet.getDefaultRowHeightInPoints());
                    }
                }
            }
        }
    }

    @Test
    void aSecondFetchAsksOnlyForWhatChanged() throws Exception {
        try (FakeRegistries registries = new FakeRegistries(100)) {
            Path inputs = inputsFor(registries, dir.resolve("inputs"));
            assertThat(TestInputs.run("fetch", "--inputs", inputs.toString()).exitCode()).isZero();
            byte[] cordis = Files.readAllBytes(inputs.resolve("eu-funding/cordis-h2020projects-csv.zip"));
            // Eurostat publishes a revision: a new ETag. The other files stay as they were.
            String tsv = "/eurostat/data/demo_pjan/A.NR.TOTAL.T.";
            byte[] revised = new String(registries.served(tsv), StandardCharsets.UTF_8).replace("9158750 p", "9158751 p")
                    .getBytes(StandardCharsets.UTF_8);
            registries.serve(tsv, revised);
            // A file changed by hand since (here only its time): not the one fetched, so asked for whole again.
            Path year2019 = inputs.resolve("job-postings/jobtech/2019.jsonl.zip");
            Files.setLastModifiedTime(year2019, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(year2019).toMillis() - 60_000));
            registries.log.clear();

            TestInputs.Run again = TestInputs.run("fetch", "--inputs", inputs.toString());
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("population: 1 file downloaded",
                    "eu_funding: 2 files, unchanged since the last fetch",
                    "job_postings: 6 files: 1 downloaded, the others unchanged since the last fetch");
            assertThat(registries.requests("/cordis/")).allMatch(r -> r.headers().containsKey("if-none-match"));
            assertThat(registries.requests("/jobtech/2019")).singleElement()
                    .satisfies(r -> assertThat(r.headers()).doesNotContainKey("if-none-match"));
            assertThat(registries.requests("/jobtech/2020")).singleElement()
                    .satisfies(r -> assertThat(r.headers()).containsKey("if-none-match"));
            assertThat(Files.readAllBytes(inputs.resolve("population/demo_pjan.tsv"))).isEqualTo(revised);
            assertThat(Files.readAllBytes(inputs.resolve("eu-funding/cordis-h2020projects-csv.zip"))).isEqualTo(cordis);
            JsonNode manifest = JSON.readTree(inputs.resolve("fetch/manifest.json").toFile()).path("entries");
            for (JsonNode entry : manifest) {
                if (entry.path("dataset").asText().equals("eu_funding")) {
                    assertThat(entry.path("status").asInt()).isEqualTo(304);
                }
            }
        }
    }

    @Test
    void aSourceDownOrMovedIsNamedAndItsFilesStayAsTheyWere() throws Exception {
        System.setProperty("atmp.fetch.attempts", "3");
        try (FakeRegistries registries = new FakeRegistries(20)) {
            Path inputs = inputsFor(registries, dir.resolve("inputs"), List.of("clinical-trials"));
            assertThat(TestInputs.run("fetch", "--inputs", inputs.toString(), "--only", "clinical_trials").exitCode())
                    .isZero();
            Map<Path, byte[]> before = contents(inputs.resolve("clinical-trials"));

            // The registry answers its "we have moved" page where the data was.
            registries.fault("/ctgov/", FakeRegistries.Fault.HTML_PAGE);
            TestInputs.Run moved = TestInputs.run("fetch", "--inputs", inputs.toString(), "--only", "clinical_trials");
            assertThat(moved.exitCode()).isEqualTo(5);
            assertThat(moved.out()).contains("clinical_trials: NOT FETCHED, " + registries.base("ctgov") + "/studies?",
                    "answered not JSON (expected a page of studies, {\"studies\": [...], \"nextPageToken\": ...}): the "
                            + "API may have changed; nothing was replaced");
            assertThat(moved.err()).contains("error: some sources could not be fetched (listed above)");
            assertThat(contents(inputs.resolve("clinical-trials"))).containsExactlyInAnyOrderEntriesOf(before);

            // Down: three tries, then one line, and the files of before.
            registries.fault("/ctgov/", FakeRegistries.Fault.UNAVAILABLE, FakeRegistries.Fault.UNAVAILABLE,
                    FakeRegistries.Fault.UNAVAILABLE);
            TestInputs.Run down = TestInputs.run("fetch", "--inputs", inputs.toString(), "--only", "clinical_trials");
            assertThat(down.exitCode()).isEqualTo(5);
            assertThat(down.out()).contains("answered HTTP 503 (503 Service Unavailable) 3 times: the source is down or "
                    + "refuses; try again later");
            assertThat(contents(inputs.resolve("clinical-trials"))).containsExactlyInAnyOrderEntriesOf(before);
            assertThat(down.err()).doesNotContain("internal error", "\tat ");
        } finally {
            System.clearProperty("atmp.fetch.attempts");
        }
    }

    @Test
    void theYearInProgressIsTheAdsOpenTodayFromTheSearchApi() throws Exception {
        try (FakeRegistries registries = new FakeRegistries(100)) {
            Path inputs = inputsFor(registries, dir.resolve("inputs"), List.of("job-postings/jobtech"));
            registries.withdraw("/jobtech/2024.jsonl.zip");
            TestInputs.Run fetch = TestInputs.run("fetch", "--inputs", inputs.toString(), "--only", "job_postings");
            assertThat(fetch.exitCode()).as(fetch.out() + fetch.err()).isZero();

            // Every open ad of 2024 that one of the search terms finds, once: worked out here from the served ads.
            String terms = Files.readAllLines(inputs.resolve("fetch/job_postings.txt")).stream()
                    .filter(l -> l.startsWith("search =")).map(l -> l.substring(8)).reduce("", (a, b) -> a + "," + b);
            Set<String> expected = new java.util.TreeSet<>();
            for (JsonNode ad : registries.openAds()) {
                String text = (ad.path("headline").asText() + " " + ad.path("description").path("text").asText())
                        .toLowerCase(java.util.Locale.ROOT);
                for (String term : terms.split(",")) {
                    if (!term.isBlank() && text.contains(term.strip().toLowerCase(java.util.Locale.ROOT))) {
                        expected.add(ad.path("id").asText());
                    }
                }
            }
            List<String> lines = Files.readAllLines(inputs.resolve("job-postings/jobtech/2024-open-ads.jsonl"));
            Set<String> written = new java.util.TreeSet<>();
            for (String line : lines) {
                written.add(JSON.readTree(line).path("id").asText());
            }
            assertThat(lines).hasSize(written.size());
            assertThat(written).isNotEmpty().isEqualTo(expected);
            assertThat(registries.requests("/jobsearch/search")).allMatch(r -> r.path().contains(
                    "published-after=2024-01-01T00:00:00"));
        }
    }

    @Test
    void aDownloadCutShortGoesOnAtTheNextFetch() throws Exception {
        System.setProperty("atmp.fetch.attempts", "1");
        try (FakeRegistries registries = new FakeRegistries(100)) {
            Path inputs = inputsFor(registries, dir.resolve("inputs"), List.of("eu-funding"));
            String h2020 = "/cordis/cordis-h2020projects-csv.zip";
            registries.fault(h2020, FakeRegistries.Fault.DROP_HALFWAY);
            TestInputs.Run cut = TestInputs.run("fetch", "--inputs", inputs.toString(), "--only", "eu_funding");
            assertThat(cut.exitCode()).isEqualTo(5);
            assertThat(inputs.resolve("eu-funding/cordis-h2020projects-csv.zip")).doesNotExist();

            registries.log.clear();
            TestInputs.Run again = TestInputs.run("fetch", "--inputs", inputs.toString(), "--only", "eu_funding");
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            int half = registries.served(h2020).length / 2;
            assertThat(registries.requests(h2020)).singleElement().satisfies(r ->
                    assertThat(r.headers().get("range")).isEqualTo("bytes=" + half + "-"));
            assertThat(Files.readAllBytes(inputs.resolve("eu-funding/cordis-h2020projects-csv.zip")))
                    .isEqualTo(registries.served(h2020));
            try (Stream<Path> left = Files.walk(inputs.resolve("fetch"))) {
                assertThat(left.filter(p -> p.toString().contains(".partial")).toList()).isEmpty();
            }
        } finally {
            System.clearProperty("atmp.fetch.attempts");
        }
    }

    @Test
    void offlineTouchesNoNetwork() throws Exception {
        try (FakeRegistries registries = new FakeRegistries(100)) {
            Path inputs = inputsFor(registries, dir.resolve("inputs"), List.of("population"));
            assertThat(TestInputs.run("fetch", "--inputs", inputs.toString(), "--only", "population").exitCode()).isZero();
            registries.log.clear();
            TestInputs.Run offline = TestInputs.run("fetch", "--inputs", inputs.toString(), "--offline");
            assertThat(registries.log).isEmpty();
            assertThat(offline.exitCode()).as(offline.out() + offline.err()).isZero();
            assertThat(offline.out()).contains("Offline: nothing fetched", "population: population/demo_pjan.tsv (");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    /** The bundled inputs without the registries' files, sent to the fake registries. */
    private static Path inputsFor(FakeRegistries registries, Path folder) throws IOException {
        return inputsFor(registries, folder, FETCHED);
    }

    /** As above, with only these folders emptied (the others keep the bundled files, for a fetch --only). */
    private static Path inputsFor(FakeRegistries registries, Path folder, List<String> emptied) throws IOException {
        Path inputs = TestInputs.copyOfBundled(folder);
        for (String fetched : emptied) {
            for (Path file : list(inputs.resolve(fetched))) {
                Files.delete(file);
            }
        }
        Files.write(inputs.resolve("report.properties"), registries.sourceSettings(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return inputs;
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Map<Path, byte[]> contents(Path folder) throws IOException {
        Map<Path, byte[]> map = new java.util.HashMap<>();
        for (Path file : list(folder)) {
            map.put(file, Files.readAllBytes(file));
        }
        return map;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
