package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.atmp2030.workbook.LibreOffice;
import se.atmp2030.workbook.TestInputs;

/**
 * Templates and earlier workbooks that are damaged or hostile, made from the bundled template as an attacker or an
 * accident would: not a zip, an old .xls, a zip without a workbook, macros, an XML external entity, a billion-laughs
 * expansion, a zip bomb. Each is exit 1 with the file and the reason, never an internal error, and nothing is written;
 * an earlier workbook at the output path stays byte for byte what it was.
 */
class HostileWorkbooksTest {
    private static final Path TEMPLATES = Path.of("workbook-templates");
    private static final Path TEMPLATE = TEMPLATES.resolve("atmp-annual-report.xlsx");
    private static final String DTD = "has a part with a DTD (<!DOCTYPE ...>), which a workbook saved by Excel or "
            + "LibreOffice never has and which could reach files on this machine or expand without end; it is not read "
            + "(save the workbook again from Excel or LibreOffice)";

    @TempDir
    Path dir;

    /** A hostile variant of a workbook: its name, how it is made from the good one, and the reason the tool gives. */
    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("not a zip", (Maker) good -> "Region;Beds\nSkåne;6\n".getBytes(StandardCharsets.UTF_8),
                        "is not an Excel workbook (expected an .xlsx file, a zip of XML parts; it may have been cut short "
                                + "or saved in another format)"),
                Arguments.of("an .xls", (Maker) good -> {
                    byte[] ole = new byte[1024];
                    byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
                    System.arraycopy(magic, 0, ole, 0, magic.length);
                    return ole;
                }, "is an Excel 97-2003 workbook (.xls), or encrypted with a password (expected an .xlsx workbook: open it "
                        + "in Excel and save it as \"Excel Workbook (.xlsx)\" without a password)"),
                Arguments.of("a zip of something else", (Maker) good -> zip(Map.of("notes.txt",
                        "just notes".getBytes(StandardCharsets.UTF_8))),
                        "is a zip but no Excel workbook (it has no [Content_Types].xml)"),
                Arguments.of("cut short", (Maker) good -> Arrays.copyOf(good, good.length / 2),
                        "is not a readable zip ("),
                Arguments.of("missing a sheet's part", (Maker) good -> {
                    Map<String, byte[]> parts = unzip(good);
                    parts.remove("xl/worksheets/sheet2.xml");
                    return zip(parts);
                }, "is damaged: xl/_rels/workbook.xml.rels names the part xl/worksheets/sheet2.xml, which the file does "
                        + "not hold (save the workbook again from Excel or LibreOffice)"),
                Arguments.of("with its properties part cut short", (Maker) good -> withPart(good, "docProps/core.xml",
                        xml -> xml.substring(0, xml.length() / 2)), "is damaged: its part docProps/core.xml (the "
                        + "document's properties) is not well-formed XML ("),
                Arguments.of("with macros", (Maker) good -> {
                    Map<String, byte[]> parts = unzip(good);
                    parts.put("xl/vbaProject.bin", new byte[] {1, 2, 3, 4});
                    return zip(parts);
                }, "is a macro-enabled workbook (expected an .xlsx without macros: save it as \"Excel Workbook (.xlsx)\"; "
                        + "the tool never runs macros)"),
                Arguments.of("an external entity", (Maker) good -> withPart(good, "xl/workbook.xml", xml -> xml.replaceFirst(
                        "\\?>", "?><!DOCTYPE workbook [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")
                        .replaceFirst("<sheet ", "<definedName name=\"x\">&secret;</definedName><sheet ")), DTD),
                Arguments.of("a billion laughs", (Maker) good -> withPart(good, "xl/sharedStrings.xml", xml -> {
                    StringBuilder dtd = new StringBuilder("<!DOCTYPE sst [<!ENTITY l0 \"lol\">");
                    for (int i = 1; i < 10; i++) {
                        dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                                .append("\">");
                    }
                    return xml.replaceFirst("\\?>", "?>" + dtd + "]>").replaceFirst("<t>", "<t>&l9;");
                }), DTD),
                Arguments.of("a zip bomb", (Maker) good -> withPart(good, "xl/workbook.xml", xml -> xml.replaceFirst(
                        "\\?>", "?>" + " ".repeat(60 << 20))),
                        "has a part that unpacks to far more than its size (a zip bomb, or a damaged file); it is not read"));
    }

    @ParameterizedTest(name = "a template that is {0}")
    @MethodSource("hostile")
    void aHostileTemplateIsRefusedByName(String what, Maker maker, String reason) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        TestInputs.copyTree(TEMPLATES, templates);
        Path template = templates.resolve("atmp-annual-report.xlsx");
        Files.write(template, maker.make(Files.readAllBytes(TEMPLATE)));
        Path out = dir.resolve("out/book.xlsx");

        TestInputs.Run run = TestInputs.run("build", "--templates", templates.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("error: 1 problem in the inputs:\n  " + template.toString().replace('\\', '/')
                + ": the workbook template " + reason);
        assertThat(run.err()).doesNotContain("internal error", "\tat ", "Exception:");
        assertThat(out).doesNotExist();

        TestInputs.Run validate = TestInputs.run("validate", "--templates", templates.toString());
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(1);
        assertThat(validate.err()).contains(": the workbook template " + reason);
    }

    @ParameterizedTest(name = "an earlier workbook that is {0}")
    @MethodSource("hostile")
    void aHostileEarlierWorkbookIsRefusedAndKept(String what, Maker maker, String reason) throws IOException {
        Path out = dir.resolve("book.xlsx");
        TestInputs.Run first = TestInputs.run("build", "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        byte[] hostile = maker.make(Files.readAllBytes(out));
        Files.write(out, hostile);

        TestInputs.Run run = TestInputs.run("build", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(out.toString().replace('\\', '/') + ": the earlier workbook, whose edits a build "
                + "keeps, " + reason, "Move it away, or build with --fresh to replace it (it is kept in backup/)");
        assertThat(run.err()).doesNotContain("internal error", "\tat ", "Exception:");
        assertThat(Files.readAllBytes(out)).as("the earlier file, byte for byte").isEqualTo(hostile);

        TestInputs.Run keep = TestInputs.run("build", "--out", dir.resolve("other.xlsx").toString(), "--keep-edits-from",
                out.toString());
        assertThat(keep.exitCode()).as(keep.err()).isEqualTo(1);
        assertThat(keep.err()).contains(": the earlier workbook, whose edits a build keeps, " + reason);

        TestInputs.Run fresh = TestInputs.run("build", "--out", out.toString(), "--fresh");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
    }

    @Test
    void editsKeptFromAWorkbookThisToolDidNotBuildAreAddedSheetsWithAWarning() throws Exception {
        LibreOffice.require();
        // An analyst's own workbook, made and saved by LibreOffice from a CSV, with a sheet of notes added there.
        Path csv = dir.resolve("beds.csv");
        // ASCII only: LibreOffice opens a CSV as Latin-1 unless told otherwise.
        Files.writeString(csv, "Region,Beds\nUppsala,6\nStockholm,9\n");
        Path own = dir.resolve("own.xlsx");
        LibreOffice.edit(csv, own, new LibreOffice.Ops().addSheet("My notes").text("My notes", "A1", "Ask the regions"));

        Path out = dir.resolve("book.xlsx");
        TestInputs.Run run = TestInputs.run("build", "--out", out.toString(), "--keep-edits-from", own.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheet("My notes").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Ask the regions");
            // The CSV's own sheet (LibreOffice names it after the file it opened) is kept as a sheet the analyst added.
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).as("sheets").anyMatch(name -> rows(book.getSheet(name)).equals(List.of("Region | Beds",
                    "Uppsala | 6", "Stockholm | 9")));
            assertThat(rows(book.getSheet("Build report"))).anyMatch(r -> r.startsWith("not a build of this tool | "
                    + "own.xlsx |  | the workbook has no record of a build (_build)"));
        }
    }

    @Test
    void aDamagedBuildRecordKeepsWhatItCanAndSaysSo() throws IOException {
        Path out = dir.resolve("book.xlsx");
        assertThat(TestInputs.run("build", "--out", out.toString()).exitCode()).isZero();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook book = new XSSFWorkbook(in)) {
            book.createSheet("My notes").createRow(0).createCell(0).setCellValue("Ask the regions");
            XSSFSheet record = book.getSheet("_build");
            // Every kind of record damaged as a hand edit or a careless tool would: keys and values made nonsense.
            List<String> junk = List.of("", "!", "'Key insights'!", "Z", "#0#", "Companies#x#y", "-1", "A0", "XFE99999999");
            int i = 0;
            for (Row row : record) {
                if (row.getRowNum() > 0) {
                    row.getCell(1).setCellValue(junk.get(i % junk.size()));
                    row.getCell(2).setCellValue(junk.get((i + 3) % junk.size()));
                    i++;
                }
            }
            try (OutputStream save = Files.newOutputStream(out)) {
                book.write(save);
            }
        }
        TestInputs.Run run = TestInputs.run("build", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("internal error", "\tat ");
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheet("My notes").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Ask the regions");
            assertThat(book.getSheet("Build report")).isNotNull();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    /** Makes a hostile workbook from a good one's bytes. */
    @FunctionalInterface
    interface Maker {
        byte[] make(byte[] good) throws IOException;
    }

    static List<String> rows(XSSFSheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<String> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("workbook", ".zip");
        try {
            Files.write(file, bytes);
            Map<String, byte[]> parts = new LinkedHashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    parts.put(e.getName(), zip.getInputStream(e).readAllBytes());
                }
            }
            return parts;
        } finally {
            Files.delete(file);
        }
    }

    static byte[] zip(Map<String, byte[]> parts) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] withPart(byte[] good, String name, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> parts = unzip(good);
        parts.put(name, change.apply(new String(parts.get(name), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }
}
