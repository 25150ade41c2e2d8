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
                    first.forEach(name -> header.add(name.strip()));
                    return new CsvSource(path, file, dialect, problems, header);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        problems.add(file, 0, null, "the file is empty (expected a header row and records)");
        return new CsvSource(path, file, dialect, problems, List.of());
    }

    public String file() {
        return file;
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
        try (CSVParser parser = parser(path, dialect)) {
            Iterator<CSVRecord> records = parser.iterator();
            boolean headerSkipped = false;
            while (true) {
                // The iterator reads a record only in hasNext(), so the count of line ends before it is where the next
                // record starts. Empty lines are kept as records (and skipped here) so that this count stays right.
                long startLine = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord csv = records.next();
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
            throw e.getCause();
        } catch (IllegalStateException e) {
            // commons-csv reports a broken quote (EOF inside a quoted field) this way
            problems.add(file, 0, null, "the file cannot be read as " + dialect.describe() + ": " + e.getMessage());
        }
    }

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
        InputStream in = Files.newInputStream(path);
        if (dialect.bom() && in.skip(3) != 3) {
            in.close();
            throw new IOException(path + ": cannot skip the byte order mark");
        }
        Reader reader = new BufferedReader(new InputStreamReader(in, dialect.charset()), 1 << 16);
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
            String value = csv.get(i).strip();
            return value.isEmpty() ? null : value;
        }


        /** A number in the file's own convention: with {@code ;} files Swedish Excel writes a decimal comma. */
        public Double decimal(String field, boolean required) {
            Parser<Double> parser = dialect.decimalComma() ? Values::decimal : Values::decimalWithPoint;
            return required ? required(field, parser) : optional(field, parser);
        }
    }
}
