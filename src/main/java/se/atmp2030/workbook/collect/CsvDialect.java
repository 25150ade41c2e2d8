package se.atmp2030.workbook.collect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a delimited text file is written: its character set, whether it starts with a byte order mark, and its delimiter.
 * {@link #detect(Path)} tells them apart without the user saying which, so that a file saved by Swedish Excel
 * ({@code ;}, decimal comma, Windows-1252) reads as well as a UTF-8 one with commas.
 */
public record CsvDialect(Charset charset, boolean bom, char delimiter) {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 64 * 1024;

    /**
     * UTF-8 with this delimiter, as a registry that always writes UTF-8 delivers it (ClinicalTrials.gov); only the first
     * bytes are read, for a BOM, where {@link #detect} would read a file of hundreds of megabytes once more to tell
     * UTF-8 from Windows-1252.
     */
    public static CsvDialect utf8(Path file, char delimiter) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(3);
        }
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        return new CsvDialect(StandardCharsets.UTF_8, bom, delimiter);
    }

    /** Whether numbers in this file are written with a decimal comma (the Swedish Excel convention that goes with {@code ;}). */
    public boolean decimalComma() {
        return delimiter == ';';
    }

    public String describe() {
        String name = charset.equals(WINDOWS_1252) ? "Windows-1252" : charset.name();
        return name + (bom ? " with BOM" : "") + ", '" + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter))
                + "'-separated";
    }

    /**
     * Tells the file's dialect: a UTF-8 BOM, else UTF-8 if every byte sequence is valid UTF-8, else Windows-1252 (what
     * Excel writes for "CSV" on Swedish Windows); the delimiter is the most frequent of {@code ; , TAB} outside quotes on
     * the first non-empty line.
     */
    public static CsvDialect detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        boolean utf8 = bom || isValidUtf8(file);
        Charset charset = utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
        String text = new String(head, charset);
        String firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        return new CsvDialect(charset, bom, delimiterOf(firstLine));
    }

    private static boolean isValidUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(SNIFF_BYTES);
        CharBuffer chars = CharBuffer.allocate(SNIFF_BYTES);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), SNIFF_BYTES)) {
            int n;
            while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) > 0) {
                bytes.position(bytes.position() + n).flip();
                chars.clear();
                if (decoder.decode(bytes, chars, false).isError()) {
                    return false;
                }
                bytes.compact();
            }
        }
        bytes.flip();
        chars.clear();
        return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError();
    }

    static char delimiterOf(String line) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
