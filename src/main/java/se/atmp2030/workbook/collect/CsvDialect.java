package se.atmp2030.workbook.collect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
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
     * Tells the file's dialect. The character set: a byte order mark decides (UTF-8, UTF-16 or UTF-32, little or big
     * endian); else the whole file is checked: UTF-8 if it has valid UTF-8 sequences of more than one byte (or only
     * ASCII), Windows-1252 (what Excel writes for "CSV" on Swedish Windows) if none of its non-ASCII bytes forms one. A
     * UTF-8 file with some bytes that are not UTF-8 stays UTF-8, and reading it stops at the first such line with a
     * problem, rather than turning the whole file into mojibake. The delimiter is the most frequent of
     * {@code ; , TAB} outside quotes on the first non-empty line.
     */
    public static CsvDialect detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        Charset charset;
        boolean bom = false;
        int skip = 0;
        if (starts(head, 0xFF, 0xFE, 0x00, 0x00) || starts(head, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32"); // the decoder reads the BOM and its byte order
        } else if (starts(head, 0xFF, 0xFE) || starts(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16;
        } else if (starts(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = true;
            skip = 3;
        } else {
            charset = utf8Evidence(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(head, skip, head.length - skip, charset);
        String firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("").replace("\uFEFF", "");
        return new CsvDialect(charset, bom, delimiterOf(firstLine));
    }

    private static boolean starts(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the file reads as UTF-8: all ASCII, or holding at least one well-formed multi-byte UTF-8 sequence (a
     * Windows-1252 file of Swedish text has none: "ä" is one byte there, and no such byte starts a valid sequence
     * followed by the right continuation bytes, in practice).
     */
    private static boolean utf8Evidence(Path file) throws IOException {
        boolean invalid = false;
        try (InputStream in = new BufferedInputStream(ZipGuard.open(file), SNIFF_BYTES)) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b < 0x80) {
                    continue;
                }
                int more = utf8Continuations(b);
                if (more < 0) {
                    invalid = true;
                    continue;
                }
                boolean ok = true;
                in.mark(4);
                for (int i = 0; i < more; i++) {
                    int c = in.read();
                    if (c < 0x80 || c > 0xBF) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    return true;
                }
                in.reset();
                invalid = true;
            }
        }
        return !invalid;
    }

    /** How many continuation bytes follow this lead byte in UTF-8, or -1 when no UTF-8 sequence starts with it. */
    static int utf8Continuations(int lead) {
        return lead >= 0xF0 && lead <= 0xF4 ? 3 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xC2 && lead <= 0xDF ? 1
                : -1;
    }

    /**
     * A decoder for this dialect's character set, strict for UTF-8 (a byte that is not UTF-8 stops the reading, so
     * that its line can be named, never a silent replacement); Windows-1252 has a character for nearly every byte.
     */
    java.nio.charset.CharsetDecoder decoder() {
        return charset.newDecoder()
                .onMalformedInput(charset.equals(WINDOWS_1252) ? java.nio.charset.CodingErrorAction.REPLACE
                        : java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
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
