package se.atmp2030.workbook.fill;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.xssf.usermodel.XSSFPivotCacheRecords;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Table;

/** A pivot with its records, and the same pivot over a table too large to keep records for. */
class PivotWriterTest {
    @ParameterizedTest(name = "records limit {0}")
    @ValueSource(ints = {1000, 2})
    void cellsAlwaysShowTheNumbersAndRecordsAreKeptUpToTheLimit(int limit) throws Exception {
        Table table = Table.builder("demo")
                .column("id", ColumnType.TEXT, "")
                .column("year", ColumnType.INTEGER, "")
                .column("phase", ColumnType.TEXT, "")
                .column("title", ColumnType.TEXT, "")
                .add("a", 2023L, "Phase 1", null)
                .add("b", 2023L, "Phase 2", "t")
                .add("c", 2024L, null, "t")
                .add(null, 2024L, "Phase 1", "u")
                .build();
        XSSFWorkbook workbook = new XSSFWorkbook();
        XSSFSheet sheet = workbook.createSheet("Pivots");
        var spec = (PivotWriter.Spec) PivotWriter.parse("demo rows=year cols=phase count=id", java.util.Map.of("demo", table));
        new PivotWriter(workbook, new Styles(workbook), limit).write(sheet, 0, 0, spec, table);

        var pivot = workbook.getPivotTables().get(0);
        var cache = pivot.getPivotCacheDefinition().getCTPivotCacheDefinition();
        int records = 0;
        for (var part : pivot.getPivotCacheDefinition().getRelations()) {
            if (part instanceof XSSFPivotCacheRecords r) {
                records = r.getCtPivotCacheRecords().sizeOfRArray();
            }
        }
        assertThat(records).isEqualTo(limit >= 4 ? 4 : 0);
        assertThat(cache.getSaveData()).isEqualTo(limit >= 4);
        assertThat(cache.getRefreshOnLoad()).isTrue();
        assertThat(cache.getCacheFields().getCacheFieldArray(1).getSharedItems().sizeOfNArray()).as("the row field's items")
                .isEqualTo(2);
        // Rows 2023 and 2024; columns Phase 1, Phase 2, (blank); count of id leaves out the empty id.
        assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("2023");
        assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(2);
        assertThat(sheet.getRow(3).getCell(4).getNumericCellValue()).isEqualTo(1);
        assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Grand Total");
        assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(3);
    }
}
