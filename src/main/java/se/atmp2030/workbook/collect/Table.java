package se.atmp2030.workbook.collect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tidy dataset: one row per record, one typed column per variable. Rows are arrays in column order whose values are
 * {@code null} (empty) or of the column type's {@link ColumnType#javaType()}.
 *
 * <pre>{@code
 * Table.Builder trials = Table.builder("clinical_trials")
 *         .column("nct_id", ColumnType.TEXT, "ClinicalTrials.gov identifier")
 *         .column("start_year", ColumnType.INTEGER, "Year the study started");
 * trials.add("NCT01234567", 2023L);
 * Table table = trials.build();
 * }</pre>
 */
public final class Table {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final List<Column> columns;
    private final RowStore rows;

    private Table(String name, List<Column> columns, RowStore rows) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The dataset name, snake_case; the workbook's table is {@code tbl_<name>}. */
    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    /**
     * The rows in order, read one at a time (large tables are kept mostly on disk); each array must not be changed.
     * Iterate as often as needed.
     */
    public Iterable<Object[]> rows() {
        return rows;
    }

    /** The rows as a stream, in order. */
    public java.util.stream.Stream<Object[]> stream() {
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false);
    }

    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }

    /** Builds a table column by column, then row by row; every row is checked against the columns' types. */
    public static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final Set<String> names = new LinkedHashSet<>();
        private RowStore rows;

        private Builder(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("table name " + name + " is not snake_case (expected [a-z][a-z0-9_]*)");
            }
            this.name = name;
        }

        public Builder column(String column, ColumnType type, String description) {
            if (rows != null) {
                throw new IllegalStateException("columns must be declared before the first row");
            }
            if (!names.add(column)) {
                throw new IllegalArgumentException("table " + name + " declares column " + column + " twice");
            }
            columns.add(new Column(column, type, description));
            return this;
        }

        /** Adds a row; values in column order, {@code null} for an empty cell. Integers may be given as any whole number type. */
        public Builder add(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": row has " + values.length + " values for "
                        + columns.size() + " columns");
            }
            Object[] row = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                row[i] = coerce(columns.get(i), values[i]);
            }
            store().add(row);
            return this;
        }

        public int rowCount() {
            return rows == null ? 0 : rows.size();
        }

        public Table build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException("table " + name + " has no columns");
            }
            RowStore store = store();
            store.seal();
            return new Table(name, columns, store);
        }

        private RowStore store() {
            if (rows == null) {
                rows = new RowStore(columns);
            }
            return rows;
        }

        private Object coerce(Column column, Object value) {
            if (value == null) {
                return null;
            }
            if (column.type() == ColumnType.INTEGER && (value instanceof Integer || value instanceof Short)) {
                return ((Number) value).longValue();
            }
            if (column.type() == ColumnType.DECIMAL && value instanceof Number number && !(value instanceof Double)) {
                return number.doubleValue();
            }
            if (column.type() == ColumnType.TEXT && value instanceof String text && text.isBlank()) {
                return null;
            }
            if (!column.type().javaType().isInstance(value)) {
                throw new IllegalArgumentException("table " + name + ", column " + column.name() + ": "
                        + value.getClass().getSimpleName() + " value " + value + " where " + column.type() + " was expected");
            }
            if (value instanceof Double d && !Double.isFinite(d)) {
                throw new IllegalArgumentException("table " + name + ", column " + column.name() + ": " + d
                        + " is not a finite number");
            }
            return value;
        }
    }
}
