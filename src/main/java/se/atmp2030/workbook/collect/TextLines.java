package se.atmp2030.workbook.collect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lines of a small text file the user writes by hand (the headline sentences, the classification rules, the
 * report's settings), decoded as the CSV files are: a byte order mark decides, else UTF-8 when the file has UTF-8 in it
 * and Windows-1252 when it has none. A UTF-8 file with bytes that are not UTF-8 is a problem with the line, never
 * mojibake and never an internal error.
 */
public final class TextLines {
    private TextLines() {
    }

    /** The file's lines without byte order marks, or {@code null} when it cannot be decoded (a problem is added). */
    public static List<String> read(Path path, String display, Problems problems) throws IOException {
        CsvDialect dialect = CsvDialect.detect(path);
        byte[] bytes = Files.readAllBytes(path);
        String text;
        try {
            text = dialect.decoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            boolean utf8 = dialect.charset().equals(java.nio.charset.StandardCharsets.UTF_8);
            problems.add(display, utf8 ? CsvSource.firstInvalidUtf8Line(path) : 0, null, utf8
                    ? CsvSource.notUtf8("as UTF-8")
                    : "the file is not " + dialect.charset().name() + " throughout, as its byte order mark says: the file "
                    + "was damaged; save it again as UTF-8");
            return null;
        }
        return text.replace("\uFEFF", "").lines().toList();
    }
}
