package se.atmp2030.workbook.analyze;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Table;

/** Reads a collected table by column name, for the analyses. */
final class Rows {
    /** One row; values by column name. */
    record Row(Table table, Object[] values) {
        Object get(String column) {
            return values[table.columnIndex(column)];
        }

        String text(String column) {
            return (String) get(column);
        }

        Integer year(String column) {
            Long year = (Long) get(column);
            return year == null ? null : year.intValue();
        }

        double number(String column) {
            Object value = get(column);
            return value == null ? 0 : ((Number) value).doubleValue();
        }

        boolean is(String column) {
            return Boolean.TRUE.equals(get(column));
        }
    }

    private final Map<String, Table> tables;

    Rows(List<Dataset> datasets) {
        this.tables = datasets.stream().collect(java.util.stream.Collectors.toMap(Dataset::name, Dataset::table));
    }

    boolean has(String dataset) {
        return tables.containsKey(dataset);
    }

    Stream<Row> of(String dataset) {
        Table table = tables.get(dataset);
        if (table == null) {
            return Stream.empty();
        }
        return table.stream().map(values -> new Row(table, values));
    }

    Stream<Row> of(String dataset, Predicate<Row> filter) {
        return of(dataset).filter(filter);
    }
}
