package se.atmp2030.workbook.collect;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named, typed column of a {@link Table}. Names are snake_case so that they are stable keys for structured references
 * ({@code tbl_clinical_trials[start_year]}) and pivot fields.
 */
public record Column(String name, ColumnType type, String description) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public Column {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name " + name + " is not snake_case (expected [a-z][a-z0-9_]*)");
        }
    }

    /** Whether the column holds fractions shown as percentages ({@code yoy_pct}, {@code cagr}): 0.25 shows as 25.0%. */
    public boolean holdsPercentages() {
        return type == ColumnType.DECIMAL && (name.endsWith("_pct") || name.equals("cagr"));
    }

    /** Whether the column holds years ({@code year}, {@code start_year}, {@code founded}): shown as 2024, never 2,024. */
    public boolean holdsYears() {
        return type == ColumnType.INTEGER && (name.equals("year") || name.endsWith("_year") || name.equals("founded"));
    }
}
