package se.atmp2030.workbook.collect;

import java.time.LocalDate;

/** The type of a table column; each maps to one Java class for its cell values, and to one Excel cell type. */
public enum ColumnType {
    TEXT(String.class),
    INTEGER(Long.class),
    DECIMAL(Double.class),
    DATE(LocalDate.class),
    BOOLEAN(Boolean.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The class every non-null value of a column of this type has. */
    public Class<?> javaType() {
        return javaType;
    }
}
