package se.atmp2030.workbook.analyze;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Table;

/**
 * Reads a collected table by column name, for the analyses. Rows dated after the report year are left out here, for
 * every analysis at once: the report year cuts every figure. A row's date is its {@code year} column, or for the
 * datasets whose date is another column, that one ({@link #PERIOD_COLUMNS}); a row without a date stays.
 */
final class Rows {
    /** The column that dates a row, where it is not {@code year}. */
    static final Map<String, String> PERIOD_COLUMNS = Map.of("clinical_trials", "start_year",
            "recommendations", "decision_date", "companies", "founded");

    /** One row; values by column name. */
    record Row(Map<String, Integer> index, Object[] values, String dataset, Rows owner) {
        /**
         * A value that names a member of a breakdown (a product, a country, a company), in one spelling for all its
         * rows: "ZOLGENSMA" and "Zolgensma " are the product first written "Zolgensma"; the other spellings are noted.
         */
        String member(String column) {
            return owner.canonical(dataset, column, text(column));
        }

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
    private final int reportYear;
    private final Map<String, Integer> periodColumn = new java.util.HashMap<>();
    private final Map<String, Long> cut = new java.util.TreeMap<>();
    /** Column positions per table, looked up once: rows are read by name on every access, for every record. */
    private final Map<String, Map<String, Integer>> indexes = new java.util.HashMap<>();

    Rows(List<Dataset> datasets) {
        this(datasets, Integer.MAX_VALUE);
    }

    /** The datasets' rows up to the end of the report year. */
    Rows(List<Dataset> datasets, int reportYear) {
        this.tables = datasets.stream().collect(java.util.stream.Collectors.toMap(Dataset::name, Dataset::table));
        this.reportYear = reportYear;
        tables.forEach((name, table) -> {
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                index.put(table.columns().get(i).name(), i);
            }
            indexes.put(name, index);
            Integer column = index.get(PERIOD_COLUMNS.getOrDefault(name, "year"));
            if (column != null && reportYear != Integer.MAX_VALUE) {
                periodColumn.put(name, column);
                long after = table.stream().filter(values -> after(values[column])).count();
                if (after > 0) {
                    cut.put(name, after);
                }
            }
        });
    }

    /**
     * The rows left out per dataset, dated after the report year; each becomes a notice: {@code 12 rows of
     * cart_infusions}.
     */
    Map<String, Long> cut() {
        return java.util.Collections.unmodifiableMap(cut);
    }

    private boolean after(Object date) {
        if (date instanceof Long year) {
            return year > reportYear;
        }
        if (date instanceof java.time.LocalDate day) {
            return day.getYear() > reportYear;
        }
        return false;
    }

    /** The first spelling of each member, by dataset and column, and the others seen: {@code zolgensma -> Zolgensma}. */
    private final Map<String, Map<String, String>> spellings = new java.util.HashMap<>();
    private final Map<String, java.util.SortedSet<String>> collisions = new java.util.TreeMap<>();

    synchronized String canonical(String dataset, String column, String value) {
        if (value == null) {
            return null;
        }
        String tidy = value.replaceAll("[\\s\\u00A0\\u200B-\\u200D\\u2060\\uFEFF]+", " ").strip();
        String key = tidy.toLowerCase(java.util.Locale.ROOT);
        Map<String, String> known = spellings.computeIfAbsent(dataset + "." + column, k -> new java.util.HashMap<>());
        String first = known.putIfAbsent(key, tidy);
        if (first != null && !first.equals(value)) {
            collisions.computeIfAbsent(dataset + "." + column + "\u0000" + first, k -> new java.util.TreeSet<>()).add(value);
            return first;
        }
        return first == null ? tidy : first;
    }

    /** The members written in more than one way, as notices: counted as one, under their first spelling. */
    List<Notice> spellingNotices() {
        List<Notice> notices = new java.util.ArrayList<>();
        collisions.forEach((where, others) -> {
            String[] parts = where.split("\u0000");
            String dataset = parts[0].substring(0, parts[0].indexOf('.'));
            String column = parts[0].substring(parts[0].indexOf('.') + 1);
            notices.add(new Notice("one member, several spellings", dataset + ", " + column, "\"" + parts[1] + "\" is also "
                    + "written " + others.stream().map(o -> "\"" + o.replace("\uFEFF", "<BOM>") + "\"")
                    .collect(java.util.stream.Collectors.joining(", ")) + ": counted as one, under \"" + parts[1]
                    + "\"; write it one way in the file", dataset));
        });
        return notices;
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
        Integer column = periodColumn.get(dataset);
        Stream<Object[]> rows = column == null || !cut.containsKey(dataset) ? table.stream()
                : table.stream().filter(values -> !after(values[column]));
        return rows.map(values -> new Row(index, values, dataset, this));
    }

    Stream<Row> of(String dataset, Predicate<Row> filter) {
        return of(dataset).filter(filter);
    }
}
