package se.atmp2030.workbook.collect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the CSV files analysts keep in Excel into a typed table, from a declaration of its fields. Whatever Excel wrote
 * is accepted: UTF-8 with or without BOM or Windows-1252, {@code ,} or {@code ;}, decimal point or comma. Columns are
 * found by header name, extra columns are ignored and missing required ones are named.
 *
 * <pre>{@code
 * Table table = AnalystCsv.read(context, reading, "patients_treated", files, "analyst CSV", List.of(
 *         Field.text("Product", "product", true, "Medicinal product"),
 *         Field.of("Year", "year", ColumnType.INTEGER, true, Values::year, "Year of treatment")), null);
 * }</pre>
 */
public final class AnalystCsv {
    /**
     * One column of the analyst's file.
     *
     * @param header  the header as analysts write it; matched without regard to case, spaces and punctuation
     * @param aliases other headers accepted for the same column
     * @param parser  turns the text into a value of {@code type}'s Java class; {@code null} for TEXT and DECIMAL, which
     *                use plain text and the file's decimal convention
     */
    public record Field(String header, List<String> aliases, String column, ColumnType type, boolean required,
                        InputRecord.Parser<?> parser, String description) {
        public static Field text(String header, String column, boolean required, String description) {
            return new Field(header, List.of(), column, ColumnType.TEXT, required, null, description);
        }

        public static Field decimal(String header, String column, boolean required, String description) {
            return new Field(header, List.of(), column, ColumnType.DECIMAL, required, null, description);
        }

        public static Field of(String header, String column, ColumnType type, boolean required,
                               InputRecord.Parser<?> parser, String description) {
            return new Field(header, List.of(), column, type, required, parser, description);
        }

        public Field alias(String... more) {
            List<String> all = new ArrayList<>(aliases);
            all.addAll(Arrays.asList(more));
            return new Field(header, all, column, type, required, parser, description);
        }

        String[] names() {
            String[] names = new String[aliases.size() + 1];
            names[0] = header;
            for (int i = 0; i < aliases.size(); i++) {
                names[i + 1] = aliases.get(i);
            }
            return names;
        }
    }

    /** A check across the fields of one record (e.g. a decision date required only for decided assessments). */
    @FunctionalInterface
    public interface RecordCheck {
        void check(CsvSource.Record record, Object[] values);
    }

    private AnalystCsv() {
    }

    /** The empty table these fields make, with their columns. */
    public static Table.Builder tableFor(String name, List<Field> fields) {
        Table.Builder table = Table.builder(name);
        for (Field field : fields) {
            table.column(field.column(), field.type(), field.description());
        }
        return table;
    }

    /** Reads every file into one table; a record with a bad value is reported and left out. */
    public static Table read(CollectContext context, Reading reading, String name, List<Path> files, String format,
                             List<Field> fields, RecordCheck check) throws IOException {
        return read(context, reading, name, files, format, fields, check, List.of());
    }

    /**
     * Reads every file into one table, as above; with a {@code key} (the columns that identify a record), a record
     * whose key was seen before is counted once when it is the same (with a note) and is a problem when its other
     * values differ: which of the two is right is for the analysts to say. Text in a key is compared without regard to
     * case and spacing ("Zolgensma" and "ZOLGENSMA" are one product).
     */
    public static Table read(CollectContext context, Reading reading, String name, List<Path> files, String format,
                             List<Field> fields, RecordCheck check, List<String> key) throws IOException {
        Table.Builder table = tableFor(name, fields);
        int[] keyColumns = key.stream().mapToInt(k -> {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).column().equals(k)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no field " + k + " for the key of " + name);
        }).toArray();
        java.util.Map<List<Object>, Seen> seen = new java.util.HashMap<>();
        long[] repeated = {0};
        for (Path path : files) {
            reading.file(context.sourceFile(path, format));
            CsvSource csv = CsvSource.open(path, context.display(path), CsvDialect.detect(path), context.problems());
            if (!requireColumns(csv, fields)) {
                continue;
            }
            csv.forEach(record -> {
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < fields.size(); i++) {
                    values[i] = value(csv, record, fields.get(i));
                }
                if (check != null && record.ok()) {
                    check.check(record, values);
                }
                if (record.ok() && keyColumns.length > 0) {
                    List<Object> id = new ArrayList<>();
                    for (int k : keyColumns) {
                        id.add(values[k] instanceof String text ? Values.fold(text) : values[k]);
                    }
                    Seen before = seen.putIfAbsent(id, new Seen(values.clone(), record.file(), record.line()));
                    if (before != null) {
                        String other = differs(fields, before.values(), values);
                        if (other == null) {
                            repeated[0]++;
                            reading.record(true);
                            return; // the same record again: counted once
                        }
                        record.fail(fields.get(keyColumns[0]).header(), "the same " + describe(fields, keyColumns, values)
                                + " as on line " + before.line() + (before.file().equals(record.file()) ? ""
                                : " of " + before.file()) + ", with another " + other + ": which is right? (expected "
                                + "each once)");
                    }
                }
                reading.record(record.ok());
                if (record.ok()) {
                    table.add(values);
                    asOfYear(fields, values, reading);
                }
            });
        }
        if (repeated[0] > 0) {
            reading.note(repeated[0] + (repeated[0] == 1 ? " record" : " records") + " listed twice with the same "
                    + "content counted once");
        }
        return table.build();
    }

    private record Seen(Object[] values, String file, long line) {
    }

    /**
     * A row of a year shows that the data was taken in that year at the earliest: a sheet with rows of 2025 was not
     * brought up to date in 2024, whatever report.properties says (the analysis then warns and uses the later day).
     */
    private static void asOfYear(List<Field> fields, Object[] values, Reading reading) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).column().equals("year") && values[i] instanceof Long year) {
                reading.rowOfYear(year.intValue());
            }
        }
    }

    /** The first field whose value differs, as {@code Patients (2 against 3)}, or null when all are the same. */
    private static String differs(List<Field> fields, Object[] a, Object[] b) {
        for (int i = 0; i < fields.size(); i++) {
            if (!java.util.Objects.equals(a[i], b[i]) && !(a[i] instanceof String x && b[i] instanceof String y
                    && Values.fold(x).equals(Values.fold(y)))) {
                return fields.get(i).header() + " (" + Problem.shorten(String.valueOf(a[i])) + " against "
                        + Problem.shorten(String.valueOf(b[i])) + ")";
            }
        }
        return null;
    }

    private static String describe(List<Field> fields, int[] keyColumns, Object[] values) {
        List<String> parts = new ArrayList<>();
        for (int k : keyColumns) {
            parts.add(fields.get(k).header() + " " + Problem.shorten(String.valueOf(values[k])));
        }
        return String.join(", ", parts);
    }

    /** Reports every required field whose column is missing; returns whether all are present. */
    public static boolean requireColumns(CsvSource csv, List<Field> fields) {
        boolean all = true;
        for (Field field : fields) {
            if (field.required() && !csv.has(field.names())) {
                all = false;
                csv.requireColumns(field.header());
            }
        }
        return all;
    }

    /** The field's value in this record, under whichever of its headers the file uses. */
    public static Object value(CsvSource csv, CsvSource.Record record, Field field) {
        String header = field.header();
        for (String name : field.names()) {
            if (csv.has(name)) {
                header = name;
                break;
            }
        }
        if (field.type() == ColumnType.DECIMAL && field.parser() == null) {
            return record.decimal(header, field.required());
        }
        InputRecord.Parser<?> parser = field.parser() != null ? field.parser() : raw -> raw;
        return field.required() ? record.required(header, parser) : record.optional(header, parser);
    }
}
