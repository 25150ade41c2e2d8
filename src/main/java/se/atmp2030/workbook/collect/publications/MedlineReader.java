package se.atmp2030.workbook.collect.publications;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * PubMed's MEDLINE text format, one record at a time: each line is a tag padded to four characters, {@code "- "} and a
 * value; a line indented six spaces continues the value above; a blank line ends the record. No library reads it, so
 * this small parser is written here.
 */
final class MedlineReader {
    /** A record: its first line, and each tag's values in order (AD and AU repeat). */
    record MedlineRecord(long line, Map<String, List<String>> fields) {
        String first(String tag) {
            List<String> values = fields.get(tag);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String tag) {
            return fields.getOrDefault(tag, List.of());
        }
    }

    private MedlineReader() {
    }

    /**
     * Whether the file is in MEDLINE format, from its first line that is not blank; if not, what it looks like instead:
     * PubMed saves the same search in several formats, and only MEDLINE ("Format: PubMed") has the affiliations.
     *
     * @return {@code null} for MEDLINE, else the name of the format it looks like
     */
    static String notMedline(Path path) throws IOException {
        try (InputStreamReader in = new InputStreamReader(se.atmp2030.workbook.collect.ZipGuard.open(path),
                StandardCharsets.UTF_8)) {
            se.atmp2030.workbook.collect.BoundedLines reader = new se.atmp2030.workbook.collect.BoundedLines(in, 4096);
            String line;
            while ((line = reader.next()) != null) {
                if (reader.tooLong()) {
                    return "a file whose first lines are very long (not MEDLINE text)";
                }
                line = line.replace("\uFEFF", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("PMID-")) {
                    return null;
                }
                if (line.startsWith("PMID,") || line.startsWith("\"PMID\",")) {
                    return "PubMed's CSV, which has no affiliations";
                }
                if (line.startsWith("<?xml") || line.startsWith("<PubmedArticleSet") || line.startsWith("<!DOCTYPE")) {
                    return "PubMed's XML";
                }
                if (line.matches("\\d+[.:] .*")) {
                    return "PubMed's \"Abstract (text)\" or \"Summary (text)\" format, which has no tagged fields";
                }
                if (line.startsWith("TY  -")) {
                    return "a RIS citation file";
                }
                return "a file whose first line is not PMID- (" + (line.length() > 60 ? line.substring(0, 60) + "…" : line)
                        + ")";
            }
            return "an empty file";
        }
    }

    /** What the reading met besides records: records not parted by a blank line, lines too long to read. */
    static final class Oddities {
        long joined;
        long firstJoined;
        long tooLong;
        long firstTooLong;
    }

    /**
     * Reads the records. A record ends at a blank line, and also where a new PMID line starts without one (two records
     * run together would otherwise lose the first's affiliations); those are counted in {@code oddities}. A byte that
     * is not UTF-8 stops the reading with {@link se.atmp2030.workbook.collect.DamagedInputException} naming the line.
     */
    static void read(Path path, String file, Oddities oddities, Consumer<MedlineRecord> action) throws IOException {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        long number = 0;
        try (InputStreamReader in = new InputStreamReader(se.atmp2030.workbook.collect.ZipGuard.open(path), decoder)) {
            se.atmp2030.workbook.collect.BoundedLines reader = new se.atmp2030.workbook.collect.BoundedLines(in);
            Map<String, List<String>> fields = new LinkedHashMap<>();
            List<String> last = null;
            long start = 0;
            String line;
            while ((line = reader.next()) != null) {
                number = reader.number();
                if (reader.tooLong()) {
                    oddities.firstTooLong = oddities.tooLong++ == 0 ? number : oddities.firstTooLong;
                    continue;
                }
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.startsWith("PMID-") && !fields.isEmpty()) {
                    oddities.firstJoined = oddities.joined++ == 0 ? number : oddities.firstJoined;
                    action.accept(new MedlineRecord(start, fields));
                    fields = new LinkedHashMap<>();
                    last = null;
                }
                if (line.isBlank()) {
                    if (!fields.isEmpty()) {
                        action.accept(new MedlineRecord(start, fields));
                        fields = new LinkedHashMap<>();
                        last = null;
                    }
                    continue;
                }
                if (line.startsWith("      ") && last != null) {
                    int i = last.size() - 1;
                    last.set(i, last.get(i) + " " + line.strip());
                    continue;
                }
                if (line.length() >= 5 && line.charAt(4) == '-') {
                    if (fields.isEmpty()) {
                        start = number;
                    }
                    String tag = line.substring(0, 4).strip();
                    last = fields.computeIfAbsent(tag, t -> new ArrayList<>());
                    last.add(line.length() > 6 ? line.substring(6).strip() : "");
                }
            }
            if (!fields.isEmpty()) {
                action.accept(new MedlineRecord(start, fields));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new se.atmp2030.workbook.collect.DamagedInputException(file, "bytes that are not UTF-8 after line "
                    + number + " (PubMed saves UTF-8): the file was damaged; save it from PubMed again");
        }
    }
}
