package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.SheetTable;
import se.atmp2030.workbook.TestInputs;

/**
 * Broken and hostile inputs, one case each, as a user meets them: each gets exit 1 (or a warning where the data is
 * still right) with one message naming the file, the line or part, what was found and what to do; never an internal
 * error, a stack trace or silently wrong data.
 */
class HostileInputsTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    // ---- text: encodings, byte order marks, control characters ---------------------------------------------------------

    @Test
    void aByteOrderMarkInsideAFileIsRemovedAndSaid() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path patients = inputs.resolve("patients/patients-treated.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(patients, StandardCharsets.UTF_8));
        // The file's second half, saved separately and pasted on: it begins with its own byte order mark.
        String moved = lines.remove(3);
        lines.add("\uFEFF" + moved);
        Files.write(patients, lines, StandardCharsets.UTF_8);
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errWith(inputs)).contains("inputs/patients/patients-treated.csv:" + lines.size() + ": 1 byte order "
                + "mark (U+FEFF) inside the file removed from the values");
        SheetTable kpis = TestInputs.buildFresh(inputs, dir.resolve("book.xlsx"), "KPIs").get("KPIs");
        assertThat(kpis.where(r -> ((String) r.get("key")).contains("\uFEFF"))).as("no KPI key with a BOM").isEmpty();
        long luxturna = lines.stream().skip(1).filter(l -> l.replace("\uFEFF", "").startsWith("Luxturna,"))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
        assertThat(kpis.row("key", "patients.luxturna").get("value")).isEqualTo((double) luxturna);
    }

    @Test
    void aUtf16FileIsReadAndAUtf8FileWithABadByteIsStoppedAtItsLine() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path assessments = inputs.resolve("recommendations/nt-radet-assessments.csv");
        String text = Files.readString(assessments, CP1252);
        try (OutputStream out = Files.newOutputStream(assessments)) {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            out.write(text.getBytes(StandardCharsets.UTF_16LE));
        }
        Path patients = inputs.resolve("patients/patients-treated.csv");
        String csv = Files.readString(patients, StandardCharsets.UTF_8).replace("Spinal muscular atrophy",
                "Spinal muscul\u00E4r atrophy");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        // One line further down, a byte that is no UTF-8: the file was damaged there.
        int at = csv.indexOf("Zolgensma", csv.indexOf("Zolgensma") + 1);
        bytes[csv.substring(0, at).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xFA;
        Files.write(patients, bytes);
        long line = csv.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problems(run, inputs)).containsExactly("inputs/patients/patients-treated.csv:" + line + ": bytes that "
                + "are not UTF-8 (the rest of the file is UTF-8): the file was damaged, or joined from files saved "
                + "differently; save it again from Excel as \"CSV UTF-8\"");
    }

    // ---- CSV structure ---------------------------------------------------------------------------------------------------

    @Test
    void duplicateColumnsAndAQuoteNeverClosedAreProblemsWithTheirLines() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path patients = inputs.resolve("patients/patients-treated.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(patients, StandardCharsets.UTF_8));
        lines.set(0, lines.get(0) + ",Year");
        Files.write(patients, lines, StandardCharsets.UTF_8);
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        List<String> cartLines = new ArrayList<>(Files.readAllLines(cart, CP1252));
        cartLines.set(6, cartLines.get(6).replace(";Kymriah;", ";\"Kymriah;"));
        Files.write(cart, cartLines, CP1252);
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problems(run, inputs)).containsExactly(
                "inputs/cart/cart-infusions.csv:7: a quote opened in the record that starts on this line is never closed "
                        + "(expected a closing \" before the end of the file)",
                "inputs/patients/patients-treated.csv:1: columns 4 and 6 are both called \"Year\" (expected each column "
                        + "once: rename or delete one)");
    }

    @Test
    void aQuoteThatSwallowsTheFileIsStoppedWhereItOpened() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(cart, CP1252));
        List<String> longer = new ArrayList<>(lines.subList(0, 3));
        longer.add(lines.get(3).replace(";Kymriah;", ";\"Kymriah;"));
        for (int i = 0; i < 11; i++) {
            longer.addAll(lines.subList(4, lines.size()));
        }
        longer.add("2024;Skåne;Skånes universitetssjukhus;Kymriah\";DLBCL;1");
        Files.write(cart, longer, CP1252);
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problems(run, inputs)).singleElement().asString().startsWith("inputs/cart/cart-infusions.csv:4: a quote "
                + "opened on this line is closed only on line " + longer.size() + ": ");
    }

    // ---- identity and range ------------------------------------------------------------------------------------------------

    @Test
    void twoSpellingsOfOneProductAreOneKpiAndSaid() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path patients = inputs.resolve("patients/patients-treated.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(patients, StandardCharsets.UTF_8));
        lines.replaceAll(l -> l.startsWith("Zolgensma,") && l.contains(",2021,") ? l.replace("Zolgensma", "ZOLGENSMA ") : l);
        Files.write(patients, lines, StandardCharsets.UTF_8);
        long zolgensma = lines.stream().skip(1).filter(l -> l.toLowerCase().startsWith("zolgensma"))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
        Map<String, SheetTable> book = TestInputs.buildFresh(inputs, dir.resolve("book.xlsx"), "KPIs", "Build report");
        assertThat(book.get("KPIs").row("key", "patients.zolgensma").get("value")).isEqualTo((double) zolgensma);
        assertThat(book.get("Build report").where(r -> "one member, several spellings".equals(r.get("what"))))
                .singleElement().satisfies(r -> assertThat((String) r.get("note"))
                        .startsWith("\"Zolgensma\" is also written \"ZOLGENSMA\": counted as one"));
    }

    @Test
    void anIdentifierTwiceIsOneRecordWhenTheSameAndAProblemWhenNot() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path register = inputs.resolve("companies/atmp-developers.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(register, CP1252));
        lines.add(lines.get(1));
        lines.add(lines.get(2).replace(";Ja;", ";Nej;"));
        Files.write(register, lines, CP1252);
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).isEqualTo(1);
        String org = lines.get(2).substring(0, lines.get(2).indexOf(';'));
        assertThat(problems(run, inputs)).containsExactly("inputs/companies/atmp-developers.csv:" + lines.size()
                + ": column \"Organisation number\": the same Organisation number " + org
                + " as on line 3, with another SME (true against false): which is right? (expected each once)");
    }

    @Test
    void datesOutsideTheReportsYearsAreProblems() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(cart, CP1252));
        lines.add("1800;Skåne;Skånes universitetssjukhus;Kymriah;DLBCL;1");
        lines.add("3000;Skåne;Skånes universitetssjukhus;Kymriah;DLBCL;1");
        Files.write(cart, lines, CP1252);
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problems(run, inputs)).containsExactly(
                "inputs/cart/cart-infusions.csv:" + (lines.size() - 1) + ": column \"Year\": \"1800\" is out of range "
                        + "(expected a year from 1900 to 2025)",
                "inputs/cart/cart-infusions.csv:" + lines.size() + ": column \"Year\": \"3000\" is out of range (expected "
                        + "a year from 1900 to 2025)");
    }

    @Test
    void aValueTooLongIsShortenedInTheMessage() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path cart = inputs.resolve("cart/cart-infusions.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(cart, CP1252));
        lines.add("2024;Skåne;Skånes universitetssjukhus;Kymriah;DLBCL;" + "9".repeat(200_000));
        Files.write(cart, lines, CP1252);
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problems(run, inputs)).singleElement().asString().startsWith("inputs/cart/cart-infusions.csv:"
                + lines.size() + ": column \"Infusions\": \"" + "9".repeat(60) + "… (200,000 characters)\" is not a whole "
                + "number").hasSizeLessThan(300);
    }

    // ---- JSON, MEDLINE, archives ---------------------------------------------------------------------------------------

    @Test
    void jsonOfTheWrongShapeIsAProblemNeverAnInternalError() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path page = inputs.resolve("clinical-trials/ctg-studies-page1.json");
        String json = Files.readString(page, StandardCharsets.UTF_8);
        String broken = json.replaceFirst("\"interventions\"\\s*:\\s*\\[", "\"interventions\": \"none\", \"x\": [")
                .replaceFirst("\"studies\"\\s*:\\s*\\[", "\"studies\": [42, ");
        Files.writeString(page, broken, StandardCharsets.UTF_8);
        Path nested = inputs.resolve("job-postings/jobtech/deep.jsonl");
        Files.writeString(nested, "{\"id\": \"0\"}\n{\"deep\": " + "[".repeat(5000) + "]".repeat(5000) + "}\n"
                + "{\"id\": \"1\", \"id\": \"2\"}\n", StandardCharsets.UTF_8);
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(problems(run, inputs)).anyMatch(p -> p.startsWith("inputs/clinical-trials/ctg-studies-page1.json:")
                && p.endsWith(": field \"protocolSection.armsInterventionsModule.interventions\": is the text \"none\" "
                + "(expected a list [...])"));
        assertThat(problems(run, inputs)).anyMatch(p -> p.startsWith("inputs/clinical-trials/ctg-studies-page1.json:")
                && p.endsWith("an item of the studies array is not a study (expected an object)"));
        assertThat(problems(run, inputs)).anyMatch(p -> p.startsWith("inputs/job-postings/jobtech/deep.jsonl:2: the line is "
                + "not valid JSON (") && p.contains("nesting depth"));
        assertThat(problems(run, inputs)).anyMatch(p -> p.startsWith("inputs/job-postings/jobtech/deep.jsonl:3: the line is "
                + "not valid JSON (Duplicate field 'id'"));
    }

    @Test
    void medlineRecordsRunTogetherAreParted() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path medline = inputs.resolve("publications/pubmed-atmp.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(medline, StandardCharsets.UTF_8));
        int second = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("PMID-")) {
                second = i;
                break;
            }
        }
        lines.remove(second - 1); // the blank line between the first two records
        Files.write(medline, lines, StandardCharsets.UTF_8);
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errWith(inputs)).contains("inputs/publications/pubmed-atmp.txt:" + second + ": 1 record starts "
                + "without a blank line before it: read as records of their own");
    }

    @Test
    void damagedJobTechArchivesAreProblemsNotAShortYear() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path jobtech = inputs.resolve("job-postings/jobtech");
        Files.writeString(jobtech.resolve("2022.jsonl.zip"), "<html>Not found</html>");
        Path year2023 = jobtech.resolve("2023.jsonl.zip");
        byte[] original = Files.readAllBytes(year2023);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(year2023))) {
            zip.putNextEntry(new ZipEntry("2023.zip"));
            zip.write(original);
            zip.closeEntry();
        }
        Path year2021 = jobtech.resolve("2021.jsonl.zip");
        byte[] cut = Files.readAllBytes(year2021);
        Files.write(year2021, java.util.Arrays.copyOf(cut, cut.length / 2));
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problems(run, inputs)).contains(
                "inputs/job-postings/jobtech/2022.jsonl.zip: cannot be opened as a zip archive (zip END header not found): "
                        + "download it again",
                "inputs/job-postings/jobtech/2023.jsonl.zip!2023.zip: an archive inside the zip is not read (expected "
                        + ".jsonl or .json files): unpack it and zip its files, or keep them beside the zip",
                "inputs/job-postings/jobtech/2021.jsonl.zip: cannot be opened as a zip archive (zip END header not found): "
                        + "download it again");
    }

    @Test
    void aZipBombAndALineOfMegabytesStopWithAProblemNotTheMemory() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path h2020 = inputs.resolve("eu-funding/cordis-h2020projects-csv.zip");
        List<String[]> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(h2020.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.add(new String[] {e.getName(), new String(zip.getInputStream(e).readAllBytes(),
                        StandardCharsets.UTF_8)});
            }
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(h2020))) {
            for (String[] e : entries) {
                zip.putNextEntry(new ZipEntry(e[0]));
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                if (e[0].contains("organization")) {
                    byte[] padding = ("\"1\";\"x\";" + "a".repeat(1000) + "\n").repeat(1000).getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 150; i++) {
                        zip.write(padding);
                    }
                }
                zip.closeEntry();
            }
        }
        Path jobs = inputs.resolve("job-postings/jobtech/long.jsonl");
        try (OutputStream out = Files.newOutputStream(jobs)) {
            out.write("{\"id\": \"1\", \"headline\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problems(run, inputs)).contains(
                "inputs/eu-funding/cordis-h2020projects-csv.zip: unpacks to more than 100 MB, over 100 times its own size: "
                        + "a zip bomb or a damaged archive; download it again from the source",
                "inputs/job-postings/jobtech/long.jsonl:1: the line is longer than 16 MB and was not read (expected one ad "
                        + "per line, a few kilobytes each): the file is damaged or not JSON Lines");
    }

    @Test
    void aTextLongerThanACellHoldsIsCutWithANote() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path postings = inputs.resolve("job-postings/nordic-postings.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(postings, StandardCharsets.UTF_8));
        // A title pasted with a whole job advert behind it: 40,000 characters, no delimiter.
        String[] fields = lines.get(1).split(",");
        String title = "Cell Therapy Production Specialist " + "responsible for GMP manufacturing ".repeat(1200);
        fields[4] = title;
        lines.set(1, String.join(",", fields));
        Files.write(postings, lines, StandardCharsets.UTF_8);
        Map<String, SheetTable> book = TestInputs.buildFresh(inputs, dir.resolve("book.xlsx"), "data_job_postings",
                "Sources");
        String id = fields[0];
        String written = (String) book.get("data_job_postings").row("id", id).get("title");
        int limit = 32_767;
        assertThat(title.length()).isGreaterThan(limit);
        assertThat(written).hasSize(limit).endsWith("…");
        assertThat(title).startsWith(written.substring(0, limit - 1));
        assertThat(book.get("Sources").toString() + book.get("Sources").rows())
                .contains("1 value longer than 32,767 characters (what a cell holds) cut, ending in …");
    }

    @Test
    void theHandWrittenTextFilesAreDecodedAsTheCsvFilesAre() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path templates = dir.resolve("templates");
        TestInputs.copyTree(Path.of("workbook-templates"), templates);
        // The rules saved by Notepad as "Unicode" (UTF-16 with a BOM): read, the same rules.
        Path rules = inputs.resolve("atmp-classification.txt");
        String text = Files.readString(rules, StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(rules)) {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            out.write(text.getBytes(StandardCharsets.UTF_16LE));
        }
        // The sentences with a line pasted from a file in another encoding: stopped at that line.
        Path sentences = templates.resolve("key-insights.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(sentences, StandardCharsets.UTF_8));
        try (OutputStream out = Files.newOutputStream(sentences, java.nio.file.StandardOpenOption.APPEND)) {
            out.write("Sm\u00e5 f\u00f6retag\n".getBytes(CP1252));
        }
        TestInputs.Run run = TestInputs.run("validate", "--inputs", inputs.toString(), "--templates",
                templates.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(problems(run, inputs)).containsExactly(sentences.toString().replace('\\', '/') + ":"
                + (lines.size() + 1) + ": bytes that are not UTF-8 (the rest of the file is UTF-8): the file was damaged, "
                + "or joined from files saved differently; save it again as UTF-8");
        Files.write(sentences, lines, StandardCharsets.UTF_8);
        TestInputs.Run fixed = TestInputs.run("validate", "--inputs", inputs.toString(), "--templates",
                templates.toString());
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(fixed.out().replace(inputs.toString(), "inputs")).as("the file's rules, not the built-in ones")
                .contains("(classified by the rules of inputs/atmp-classification.txt (");
    }

    @Test
    void aRegisterWhoseHeaderNeverClosesItsQuoteIsOneProblemNotThirty() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir);
        Path register = inputs.resolve("companies/atmp-developers.csv");
        String text = Files.readString(register, CP1252);
        Files.writeString(register, "\"" + text, CP1252);
        TestInputs.Run run = validate(inputs);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        // Not also every employee "not in the register", nor the funding's files "not read" for want of companies.
        assertThat(problems(run, inputs)).containsExactly("inputs/companies/atmp-developers.csv:1: the header row opens "
                + "a quote that is never closed (expected a closing \" in the header)");
        assertThat(run.err()).doesNotContain("internal error", "not read by");
    }

    @Test
    void aSentenceLongerThanACellHoldsIsAProblemWithItsLine() throws IOException {
        Path templates = dir.resolve("templates");
        TestInputs.copyTree(Path.of("workbook-templates"), templates);
        Path sentences = templates.resolve("key-insights.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(sentences, StandardCharsets.UTF_8));
        int line = lines.size();
        lines.add("A pasted report: " + "ATMP developers in Sweden grow. ".repeat(1100));
        Files.write(sentences, lines, StandardCharsets.UTF_8);
        int length = lines.get(line).strip().length();
        TestInputs.Run run = TestInputs.run("build", "--templates", templates.toString(), "--out",
                dir.resolve("book.xlsx").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(sentences.toString().replace('\\', '/') + ":" + (line + 1) + ": the sentence is "
                + String.format(java.util.Locale.ENGLISH, "%,d", length) + " characters long (expected one sentence per "
                + "line; a cell holds at most 32,767)");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private static TestInputs.Run validate(Path inputs) {
        return TestInputs.run("validate", "--inputs", inputs.toString());
    }

    /** The problems listed under "error: N problems", as the user reads them. */
    static List<String> problems(TestInputs.Run run, Path inputs) {
        List<String> problems = new ArrayList<>();
        boolean in = false;
        for (String line : run.errWith(inputs).lines().toList()) {
            if (line.startsWith("error: ")) {
                in = true;
                continue;
            }
            if (in && line.startsWith("  ")) {
                problems.add(line.strip());
            } else if (in) {
                break;
            }
        }
        return problems;
    }
}
