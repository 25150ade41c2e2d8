package se.atmp2030.workbook.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowStoreTest {
    private static final List<Column> COLUMNS = List.of(new Column("t", ColumnType.TEXT, ""),
            new Column("i", ColumnType.INTEGER, ""), new Column("d", ColumnType.DECIMAL, ""),
            new Column("day", ColumnType.DATE, ""), new Column("b", ColumnType.BOOLEAN, ""));

    @Test
    void rowsBeyondTheMemoryShareComeBackFromDiskInOrderWithTheirTypes() {
        RowStore store = new RowStore(COLUMNS, 3);
        List<Object[]> written = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Object[] row = {i % 4 == 0 ? null : "Göteborg " + "x".repeat(i * 1000), (long) i, i / 3.0,
                    LocalDate.of(2020, 1, 1).plusDays(i), i % 2 == 0};
            written.add(row);
            store.add(row);
        }
        store.seal();
        assertThat(store.size()).isEqualTo(10);
        for (int pass = 0; pass < 2; pass++) {
            List<Object[]> read = new ArrayList<>();
            store.forEach(read::add);
            assertThat(read).as("pass " + pass).hasSize(10);
            for (int i = 0; i < 10; i++) {
                assertThat(read.get(i)).as("row " + i).containsExactly(written.get(i));
            }
        }
    }
}
