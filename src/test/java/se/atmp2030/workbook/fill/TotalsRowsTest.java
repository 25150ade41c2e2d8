package se.atmp2030.workbook.fill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STTotalsRowFunction;
import se.atmp2030.workbook.collect.ColumnType;

class TotalsRowsTest {
    @Test
    void readsExcelsTotalsRowFunctionsLabelsAndCustomFormulas() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("data_x");
            String[] header = {"year", "centre", "infusions", "share"};
            for (int r = 0; r < 5; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < header.length; c++) {
                    if (r == 0) {
                        row.createCell(c).setCellValue(header[c]);
                    } else if (r < 4) {
                        row.createCell(c).setCellValue(r);
                    }
                }
            }
            // As Excel writes it: the function on the column, SUBTOTAL in the cell; a label; a custom formula.
            sheet.getRow(4).createCell(0).setCellValue("Total");
            sheet.getRow(4).createCell(2).setCellFormula("SUBTOTAL(109,C2:C4)");
            sheet.getRow(4).createCell(3).setCellFormula("MAX(D2:D4)-MIN(D2:D4)");
            XSSFTable table = sheet.createTable(new AreaReference(new CellReference(0, 0), new CellReference(4, 3),
                    org.apache.poi.ss.SpreadsheetVersion.EXCEL2007));
            table.setName("tbl_x");
            table.getCTTable().setTotalsRowCount(1);
            List<CTTableColumn> columns = table.getCTTable().getTableColumns().getTableColumnList();
            columns.get(0).setTotalsRowLabel("Total");
            columns.get(1).setTotalsRowFunction(STTotalsRowFunction.COUNT);
            columns.get(2).setTotalsRowFunction(STTotalsRowFunction.SUM);
            columns.get(3).setTotalsRowFunction(STTotalsRowFunction.CUSTOM);
            columns.get(3).addNewTotalsRowFormula().setStringValue("MAX(tbl_x[share])-MIN(tbl_x[share])");

            Map<String, TotalsRows.Total> read = TotalsRows.read(workbook).get("tbl_x");
            assertThat(read).containsEntry("year", TotalsRows.Total.label("Total"))
                    .containsEntry("centre", TotalsRows.Total.function(103))
                    .containsEntry("infusions", TotalsRows.Total.function(109))
                    .containsEntry("share", TotalsRows.Total.custom("MAX(tbl_x[share])-MIN(tbl_x[share])"));
        }
    }

    @Test
    void readsLibreOfficesTotalsRowFromTheCellsAlone() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("data_x");
            sheet.createRow(0).createCell(0).setCellValue("centre");
            sheet.getRow(0).createCell(1).setCellValue("infusions");
            sheet.createRow(1).createCell(1).setCellValue(4);
            sheet.createRow(2).createCell(0).setCellValue("Summa");
            sheet.getRow(2).createCell(1).setCellFormula("SUBTOTAL(9,B2:B2)");
            XSSFTable table = sheet.createTable(new AreaReference("A1:B3", org.apache.poi.ss.SpreadsheetVersion.EXCEL2007));
            table.setName("tbl_x");
            table.getCTTable().setTotalsRowCount(1);
            assertThat(TotalsRows.read(workbook).get("tbl_x")).containsExactly(
                    Map.entry("centre", TotalsRows.Total.label("Summa")), Map.entry("infusions", TotalsRows.Total.function(9)));
            assertThat(TotalsRows.function(9)).as("SUBTOTAL(9) counts hidden rows: not one of the menu's")
                    .isEqualTo(STTotalsRowFunction.CUSTOM);
            assertThat(TotalsRows.function(101)).isEqualTo(STTotalsRowFunction.AVERAGE);
        }
    }

    @Test
    void computesWhatSubtotalGivesOnFallingFlatSingleAndEmptyColumns() {
        double[] values = {10, 5, 3};
        TotalsRows.Accumulator falling = accumulate(ColumnType.INTEGER, 10L, 5L, null, 3L);
        double mean = (10 + 5 + 3) / 3.0;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        assertThat(falling.result(109)).isEqualTo(18);
        assertThat(falling.result(101)).isCloseTo(mean, within(1e-12));
        assertThat(falling.result(102)).isEqualTo(3);
        assertThat(falling.result(103)).isEqualTo(3);
        assertThat(falling.result(104)).isEqualTo(10);
        assertThat(falling.result(105)).isEqualTo(3);
        assertThat(falling.result(106)).isEqualTo(150);
        assertThat(falling.result(107)).isCloseTo(Math.sqrt(squares / 2), within(1e-12));
        assertThat(falling.result(108)).isCloseTo(Math.sqrt(squares / 3), within(1e-12));
        assertThat(falling.result(110)).isCloseTo(squares / 2, within(1e-12));
        assertThat(falling.result(111)).isCloseTo(squares / 3, within(1e-12));

        TotalsRows.Accumulator flat = accumulate(ColumnType.DECIMAL, 2.5, 2.5, 2.5);
        assertThat(flat.result(107)).isZero();
        assertThat(flat.result(9)).isEqualTo(7.5);

        TotalsRows.Accumulator single = accumulate(ColumnType.INTEGER, 7L);
        assertThat(single.result(107)).as("STDEV of one value is #DIV/0! in Excel").isNull();
        assertThat(single.result(101)).isEqualTo(7);

        TotalsRows.Accumulator empty = accumulate(ColumnType.INTEGER);
        assertThat(empty.result(109)).isZero();
        assertThat(empty.result(101)).as("AVERAGE of nothing is #DIV/0!").isNull();
        assertThat(empty.result(104)).isZero();

        TotalsRows.Accumulator text = accumulate(ColumnType.TEXT, "Karolinska", "Sahlgrenska", null);
        assertThat(text.result(103)).isEqualTo(2);
        assertThat(text.result(102)).isZero();

        TotalsRows.Accumulator dates = accumulate(ColumnType.DATE, LocalDate.of(1900, 3, 1), LocalDate.of(1900, 3, 3));
        assertThat(dates.result(104)).as("Excel's serial of 1900-03-03").isEqualTo(63);
    }

    private static TotalsRows.Accumulator accumulate(ColumnType type, Object... values) {
        TotalsRows.Accumulator accumulator = new TotalsRows.Accumulator(type);
        for (Object v : values) {
            accumulator.add(v);
        }
        return accumulator;
    }
}
