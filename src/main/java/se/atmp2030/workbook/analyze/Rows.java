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
    record Row(Map<String, Integer> index, Object[] values) {
        Object get(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no column " + column + " (columns: " + index.keySet() + ")");
            }
            return values[i];
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
    /** Column positions per table, looked up once: rows are read by name on every access, for every record. */
    private final Map<String, Map<String, Integer>> indexes = new java.util.HashMap<>();

    Rows(List<Dataset> datasets) {
        this.tables = datasets.stream().collect(java.util.stream.Collectors.toMap(Dataset::name, Dataset::table));
        tables.forEach((name, table) -> {
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                index.put(table.columns().get(i).name(), i);
            }
            indexes.put(name, index);
        });
    }

    boolean has(String dataset) {
        return tables.containsKey(dataset);
    }

    Stream<Row> of(String dataset) {
        Table table = tables.get(dataset);
        if (table == null) {
            return Stream.empty();
        }
        Map<String, Integer> index = indexes.get(dataset);
        return table.stream().map(values -> new Row(index, values));
    }

    Stream<Row> of(String dataset, Predicate<Row> filter) {
        return of(dataset).filter(filter);
    }
}
