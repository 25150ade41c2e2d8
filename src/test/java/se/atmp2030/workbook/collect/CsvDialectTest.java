package se.atmp2030.workbook.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDialectTest {
    @TempDir
    Path dir;

    @Test
    void swedishExcelCsvIsSemicolonWindows1252WithDecimalComma() throws Exception {
        Path file = dir.resolve("sv.csv");
        Files.write(file, "Region;Belopp\r\nVästra Götaland;1 234,50\r\nÖrebro;7,25\r\n".getBytes(CsvDialect.WINDOWS_1252));
        CsvDialect dialect = CsvDialect.detect(file);
        assertThat(dialect).isEqualTo(new CsvDialect(CsvDialect.WINDOWS_1252, false, ';'));
        assertThat(dialect.decimalComma()).isTrue();
        assertThat(read(file, dialect)).containsExactly("Västra Götaland=1234.5", "Örebro=7.25");
    }

    @Test
    void utf8WithBomAndCommas() throws Exception {
        Path file = dir.resolve("en.csv");
        Files.write(file, "\uFEFFRegion,Belopp\nVästra Götaland,\"1,234.50\"\n".getBytes(StandardCharsets.UTF_8));
        CsvDialect dialect = CsvDialect.detect(file);
        assertThat(dialect).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, true, ','));
        assertThat(read(file, dialect)).containsExactly("Västra Götaland=1234.5");
    }

    @Test
    void utf8LaterInALargeFileIsStillUtf8() throws Exception {
        Path file = dir.resolve("late.csv");
        String ascii = "a,b\n" + "x,1\n".repeat(50_000);
        Files.write(file, (ascii + "Göteborg,2\n").getBytes(StandardCharsets.UTF_8));
        assertThat(CsvDialect.detect(file).charset()).isEqualTo(StandardCharsets.UTF_8);
        Files.write(file, (ascii + "Göteborg,2\n").getBytes(CsvDialect.WINDOWS_1252));
        assertThat(CsvDialect.detect(file).charset()).as("one Windows-1252 byte after 200 kB").isEqualTo(CsvDialect.WINDOWS_1252);
    }

    @Test
    void delimiterCountsOutsideQuotes() {
        assertThat(CsvDialect.delimiterOf("\"a;b;c\",d")).isEqualTo(',');
        assertThat(CsvDialect.delimiterOf("\"projectID\";\"name\"")).isEqualTo(';');
        assertThat(CsvDialect.delimiterOf("a\tb\tc")).isEqualTo('\t');
    }

    @Test
    void recordsKnowTheLineTheyStartOnAcrossQuotedLineBreaks() throws Exception {
        Path file = dir.resolve("multi.csv");
        Files.writeString(file, "id,summary,n\n1,\"two\nlines\",5\n\n2,plain,x\n");
        Problems problems = new Problems();
        CsvSource csv = CsvSource.open(file, "inputs/multi.csv", CsvDialect.detect(file), problems);
        List<Long> lines = new ArrayList<>();
        csv.forEach(r -> {
            lines.add(r.line());
            r.required("n", Values::integer);
        });
        assertThat(lines).containsExactly(2L, 5L);
        assertThat(problems.all()).extracting(Problem::toString)
                .containsExactly("inputs/multi.csv:5: column \"n\": \"x\" is not a whole number (expected a whole number such as 42)");
    }

    private static List<String> read(Path file, CsvDialect dialect) throws Exception {
        List<String> values = new ArrayList<>();
        CsvSource csv = CsvSource.open(file, "f.csv", dialect, new Problems());
        csv.forEach(r -> values.add(r.text("region") + "=" + r.decimal("belopp", true)));
        return values;
    }
}
