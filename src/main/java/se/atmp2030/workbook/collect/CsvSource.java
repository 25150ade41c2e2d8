package se.atmp2030.workbook.collect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a delimited file with a header row through commons-csv, record by record (never the whole file at once), and
 * finds columns by header name, not position: registries let users pick and reorder columns. Header names are compared
 * without regard to case, spaces and punctuation, so {@code Organisation number} matches {@code organisation_number}.
 *
 * <pre>{@code
 * CsvSource csv = CsvSource.open(path, "inputs/cart/cart-infusions.csv", CsvDialect.detect(path), problems);
 * if (csv.requireColumns("Year", "Product")) {
 *     csv.forEach(record -> { Long year = record.required("Year", Values::integer); ... });
 * }
 * }</pre>
 */
public final class CsvSource {
    private final Path path;
    private final String file;
    private final CsvDialect dialect;
    private final Problems problems;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    /** Characters removed from values: byte order marks inside the file, and control characters a cell cannot hold. */
    private final Values.Cleaning cleaning = new Values.Cleaning();
    /** Whether the file could not be read as a table at all (its problem is reported): no column is then missing. */
    private boolean broken;

    private CsvSource(Path path, String file, CsvDialect dialect, Problems problems, List<String> header) {
        this.path = path;
        this.file = file;
        this.dialect = dialect;
        this.problems = problems;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(Values.fold(header.get(i)), i);
        }
    }

    /** Opens the file and reads its header row; an empty file is reported and gives a source with no columns. */
    public static CsvSource open(Path path, String file, CsvDialect dialect, Problems problems) throws IOException {
        try (CSVParser parser = parser(path, dialect)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord first = records.next();
                if (!isBlank(first)) {
                    List<String> header = new ArrayList<>();
                    first.forEach(name -> header.add(Values.clean(name, null).strip()));
                    if (!uniqueHeader(header, file, problems)) {
                        return broken(path, file, dialect, problems);
                    }
                    return new CsvSource(path, file, dialect, problems, header);
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                problems.add(file, firstInvalidUtf8Line(path), null, notUtf8(AS_CSV_UTF8));
                return broken(path, file, dialect, problems);
            }
            String message = String.valueOf(e.getCause().getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                problems.add(file, 1, null, "the header row opens a quote that is never closed (expected a closing \" in "
                        + "the header)");
                return broken(path, file, dialect, problems);
            }
            if (message.contains("encapsulated token")) {
                // commons-csv's reading of a malformed header: a character after a closing quote
                problems.add(file, 1, null, "the header row has a quoted name with more text after its closing quote "
                        + "(expected \"name\" alone between delimiters)");
                return broken(path, file, dialect, problems);
            }
            throw e.getCause();
        } catch (IllegalStateException e) {
            problems.add(file, 1, null, "the header row opens a quote that is never closed (expected a closing \" in the "
                    + "header)");
            return broken(path, file, dialect, problems);
        }
        problems.add(file, 0, null, "the file is empty (expected a header row and records)");
        return broken(path, file, dialect, problems);
    }

    public String file() {
        return file;
    }

    private static CsvSource broken(Path path, String file, CsvDialect dialect, Problems problems) {
        CsvSource source = new CsvSource(path, file, dialect, problems, List.of());
        source.broken = true;
        return source;
    }

    /**
     * The line of the first byte sequence that is not UTF-8: the decoder reads ahead in blocks, so where it stopped
     * says little; the bytes say exactly.
     */
    static long firstInvalidUtf8Line(Path path) throws IOException {
        long line = 1;
        try (InputStream in = new java.io.BufferedInputStream(ZipGuard.open(path), 1 << 16)) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    line++;
                    continue;
                }
                if (b < 0x80) {
                    continue;
                }
                int more = CsvDialect.utf8Continuations(b);
                if (more < 0) {
                    return line;
                }
                for (int i = 0; i < more; i++) {
                    int c = in.read();
                    if (c < 0x80 || c > 0xBF) {
                        return line;
                    }
                }
            }
        }
        return line;
    }

    /** Two columns of one name: which would a value come from? Reported, naming both. */
    private static boolean uniqueHeader(List<String> header, String file, Problems problems) {
        Map<String, Integer> seen = new HashMap<>();
        boolean unique = true;
        for (int i = 0; i < header.size(); i++) {
            String name = Values.fold(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                unique = false;
                problems.add(file, 1, null, "columns " + (first + 1) + " and " + (i + 1) + " are both called \""
                        + Problem.shorten(header.get(i)) + "\" (expected each column once: rename or delete one)");
            }
        }
        return unique;
    }

    private static final String AS_CSV_UTF8 = "from Excel as \"CSV UTF-8\"";

    /** @param saveAs how to save the file right: {@code from Excel as "CSV UTF-8"} */
    static String notUtf8(String saveAs) {
        return "bytes that are not UTF-8 (the rest of the file is UTF-8): the file was damaged, or joined from files "
                + "saved differently; save it again " + saveAs;
    }

    public CsvDialect dialect() {
        return dialect;
    }

    /** The header as written in the file. */
    public List<String> header() {
        return List.copyOf(header);
    }

    /** Whether the header has a column of this name (or one of its other spellings). */
    public boolean has(String... names) {
        return indexOf(names) >= 0;
    }

    /** Reports each required column the header lacks, naming what it has; returns whether all are there. */
    public boolean requireColumns(String... names) {
        if (broken) {
            return false;
        }
        boolean all = true;
        for (String name : names) {
            if (!has(name)) {
                all = false;
                problems.add(file, 1, null, "missing column \"" + name + "\" (the header has: " + String.join(", ", header) + ")");
            }
        }
        return all;
    }

    /** The header names that are year numbers ({@code 2018}, {@code 2019}, ...), for tables kept wide with a column per year. */
    public List<String> yearColumns() {
        return header.stream().filter(name -> name.matches("(19|20)\\d\\d")).toList();
    }

    /** Calls {@code action} for each non-blank record, with its first line number. */
    public void forEach(Consumer<Record> action) throws IOException {
        if (header.isEmpty()) {
            return;
        }
        long startLine = 1;
        try (CSVParser parser = parser(path, dialect)) {
            Iterator<CSVRecord> records = parser.iterator();
            boolean headerSkipped = false;
            while (true) {
                // The iterator reads a record only in hasNext(), so the count of line ends before it is where the next
                // record starts. Empty lines are kept as records (and skipped here) so that this count stays right.
                startLine = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord csv = records.next();
                long span = parser.getCurrentLineNumber() + 1 - startLine;
                if (span > MAX_RECORD_LINES) {
                    // A quote opened and closed only far below: everything between is one value. Said once, and the
                    // rest of the file is not read, since which lines are records is no longer known.
                    problems.add(file, startLine, null, "a quote opened on this line is closed only on line "
                            + (startLine + span - 1) + ": " + span + " lines read as one value (expected a quote around a "
                            + "value to close on the same line, or a few lines below for a text with line breaks)");
                    return;
                }
                if (isBlank(csv)) {
                    continue;
                }
                if (!headerSkipped) {
                    headerSkipped = true;
                    continue;
                }
                action.accept(new Record(csv, startLine));
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                problems.add(file, firstInvalidUtf8Line(path), null, notUtf8(AS_CSV_UTF8));
                return;
            }
            String message = String.valueOf(e.getCause().getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                problems.add(file, startLine, null, "a quote opened in the record that starts on this line is never "
                        + "closed (expected a closing \" before the end of the file)");
                return;
            }
            if (message.startsWith("(startline") || message.startsWith("(line")) {
                // commons-csv's own reading of a malformed record (a character after a closing quote, ...)
                problems.add(file, startLine, null, "the record that starts on this line cannot be read as "
                        + dialect.describe() + " (" + Problem.shorten(message.replaceFirst("^\\([^)]*\\)\\s*", ""))
                        + ")");
                return;
            }
            throw e.getCause();
        } catch (IllegalStateException e) {
            // commons-csv reports a quote never closed (the end of the file inside a quoted value) this way
            problems.add(file, startLine, null, "a quote opened in the record that starts on this line is never closed "
                    + "(expected a closing \" before the end of the file)");
        }
        cleaning.report(file, problems);
    }

    /** More lines than this in one record mean a quote that swallowed the lines after it. */
    static final int MAX_RECORD_LINES = 1000;

    /** The column of the first name found, trying each name and then the aliases of each ({@link HeaderAliases}). */
    private int indexOf(String... names) {
        for (String name : names) {
            Integer i = index.get(Values.fold(name));
            if (i != null) {
                return i;
            }
        }
        for (String name : names) {
            for (String alias : HeaderAliases.of(name)) {
                Integer i = index.get(Values.fold(alias));
                if (i != null) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static CSVParser parser(Path path, CsvDialect dialect) throws IOException {
        InputStream in = ZipGuard.open(path);
        if (dialect.bom() && in.skip(3) != 3) {
            in.close();
            throw new IOException(path + ": cannot skip the byte order mark");
        }
        Reader reader = new BufferedReader(new InputStreamReader(in, dialect.decoder()), 1 << 16);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(dialect.delimiter())
                .setIgnoreEmptyLines(false)
                .setAllowMissingColumnNames(true)
                .get();
        return CSVParser.builder().setReader(reader).setFormat(format).get();
    }

    /** One record of the file; fields are found by header name. */
    public final class Record extends InputRecord {
        private final CSVRecord csv;

        private Record(CSVRecord csv, long line) {
            super(problems, file, line);
            this.csv = csv;
        }

        @Override
        protected String raw(String field) {
            int i = indexOf(field);
            if (i < 0 || i >= csv.size()) {
                return null;
            }
            String value = Values.clean(csv.get(i), cleaning.at(line())).strip();
            return value.isEmpty() ? null : value;
        }


        /** A number in the file's own convention: with {@code ;} files Swedish Excel writes a decimal comma. */
        public Double decimal(String field, boolean required) {
            Parser<Double> parser = dialect.decimalComma() ? Values::decimal : Values::decimalWithPoint;
            return required ? required(field, parser) : optional(field, parser);
        }
    }
}
