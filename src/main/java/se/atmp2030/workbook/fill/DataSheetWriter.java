package se.atmp2030.workbook.fill;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STTotalsRowFunction;
import se.atmp2030.workbook.collect.Column;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Table;

/**
 * Writes a {@link Table} as a data sheet: one header row, one row per record, typed cells, and an Excel Table
 * ({@code tbl_<name>}) over it with filter buttons, so that it is ready for pivots and structured references. Rows are
 * streamed (SXSSF): only a window of them is in memory at a time.
 */
final class DataSheetWriter {
    /** Excel's limit on the characters of one cell. */
    static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int WIDTH_SAMPLE_ROWS = 500;
    /** Rows a sheet holds: Excel's limit, 1,048,576; {@code -Datmp.sheet.maxRows=N} lowers it (for tests). */
    static final int MAX_ROWS = Integer.getInteger("atmp.sheet.maxRows", SpreadsheetVersion.EXCEL2007.getMaxRows());
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataSheetWriter.class);

    private final SXSSFWorkbook workbook;
    private final Styles styles;
    private final String footer;
    private Map<String, Map<String, TotalsRows.Total>> totals = Map.of();
    private final List<Formulas.Place> customTotals = new ArrayList<>();
    /** Per table, the texts cut to a cell's 32,767 characters: how many, and the first one's sheet row. */
    private final Map<String, long[]> cut = new java.util.LinkedHashMap<>();
    private String writing;

    /** @param footer the report title, printed at the foot of every page with the page number */
    DataSheetWriter(SXSSFWorkbook workbook, Styles styles, String footer) {
        this.workbook = workbook;
        this.styles = styles;
        this.footer = footer;
    }

    /**
     * The totals rows the analysts gave tables of the earlier workbook (by lower-case table name): the same tables get
     * them again, over their new rows.
     */
    void keepTotals(Map<String, Map<String, TotalsRows.Total>> totalsRows) {
        this.totals = totalsRows;
    }

    /**
     * The notes on texts longer than a cell holds, per table written: "2 values longer than 32,767 characters cut
     * (first on row 14 of data_publications)".
     */
    Map<String, String> cutNotes() {
        Map<String, String> notes = new java.util.LinkedHashMap<>();
        cut.forEach((table, c) -> notes.put(table, c[0] + (c[0] == 1 ? " value" : " values") + " longer than "
                + String.format(java.util.Locale.ENGLISH, "%,d", MAX_CELL_TEXT) + " characters (what a cell holds) cut, "
                + "ending in …; the first on row " + c[1] + " of its data sheet"));
        return notes;
    }

    /** The totals cells holding a formula of the analyst's own, which the build cannot compute as it writes them. */
    List<Formulas.Place> customTotals() {
        return List.copyOf(customTotals);
    }

    /**
     * A style for one cell chosen from its row: a number in its own unit's format, where the table mixes units.
     * {@code null} keeps the column's style.
     */
    @FunctionalInterface
    interface RowStyles {
        CellStyle style(Object[] row, int column);

        /**
         * Text longer than a column shows wraps in its cell, so that notes read on screen, in a preview and on paper
         * rather than running on past the page edge (which makes a fit-to-width printout unreadably small). For the
         * sheets read as a report (KPIs, Series, Trends, Sources, Build report); the data sheets, made to be pivoted and
         * hundreds of pages long, keep one line per row.
         */
        static RowStyles wrapLongText(CellStyle wrapped) {
            return (row, column) -> row[column] instanceof String text && text.length() > ColumnWidths.MAX_CHARS
                    ? wrapped : null;
        }
    }

    /** Writes the table to a new sheet of this name, from A1, and returns the Excel table made over it. */
    XSSFTable write(String sheetName, Table table, String tableName) {
        return write(sheetName, table, tableName, null, null);
    }

    XSSFTable write(String sheetName, Table table, String tableName, String title) {
        return write(sheetName, table, tableName, title, null);
    }

    /**
     * Writes the table to a new sheet; with a title, the title stands in A1 and the table starts on row 3. A table
     * longer than a sheet holds continues on {@code <name> (2)}, {@code <name> (3)}, ... with tables
     * {@code <tableName>_2}, ...; the first sheet's Excel table is returned.
     */
    XSSFTable write(String sheetName, Table table, String tableName, String title, RowStyles rowStyles) {
        writing = table.name();
        Iterator<Object[]> rows = table.rows().iterator();
        int top = title == null ? 0 : 2;
        int perSheet = MAX_ROWS - 1 - top;
        XSSFTable first = null;
        int part = 1;
        int written = 0;
        do {
            String name = part == 1 ? sheetName : sheetName + " (" + part + ")";
            int count = Math.min(perSheet, table.rowCount() - written);
            // A table split over sheets keeps no totals row: each part's would be a part's total.
            Map<String, TotalsRows.Total> totalsRow = part == 1 && count == table.rowCount() && count < perSheet
                    ? totals.get(tableName.toLowerCase(java.util.Locale.ROOT)) : null;
            if (totalsRow == null && part == 1 && totals.containsKey(tableName.toLowerCase(java.util.Locale.ROOT))) {
                LOG.warn("{}: no totals row, the table continues on further sheets", tableName);
            }
            XSSFTable excel = writePart(name, table.columns(), rows, count, part == 1 ? tableName : tableName + "_" + part,
                    title, rowStyles, totalsRow);
            if (part > 1) {
                LOG.info("{}: rows {} to {} continue on sheet '{}' (a sheet holds {} rows)", table.name(), written + 1,
                        written + count, name, MAX_ROWS);
            }
            first = first == null ? excel : first;
            written += count;
            part++;
        } while (written < table.rowCount());
        return first;
    }

    private XSSFTable writePart(String sheetName, List<Column> columns, Iterator<Object[]> rows, int count, String tableName,
                                String title, RowStyles rowStyles, Map<String, TotalsRows.Total> totalsRow) {
        SXSSFSheet sheet = workbook.createSheet(sheetName);
        int top = 0;
        if (title != null) {
            Cell cell = sheet.createRow(0).createCell(0);
            cell.setCellValue(title);
            cell.setCellStyle(styles.title());
            top = 2;
        }
        ColumnWidths widths = new ColumnWidths(columns.size());
        Row header = sheet.createRow(top);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).name());
            cell.setCellStyle(styles.header());
            widths.measure(c, columns.get(c).name(), true);
        }
        CellStyle[] styleOf = new CellStyle[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            styleOf[c] = styles.of(columns.get(c));
        }
        TotalsRows.Accumulator[] sums = new TotalsRows.Accumulator[columns.size()];
        for (int c = 0; totalsRow != null && c < columns.size(); c++) {
            TotalsRows.Total total = totalsRow.get(columns.get(c).name());
            if (total != null && total.code() > 0) {
                sums[c] = new TotalsRows.Accumulator(columns.get(c).type());
            }
        }
        int r = top + 1;
        for (int i = 0; i < count && rows.hasNext(); i++) {
            Object[] values = rows.next();
            for (int c = 0; c < values.length; c++) {
                if (sums[c] != null) {
                    sums[c].add(values[c]);
                }
            }
            se.atmp2030.workbook.collect.Progress.rowWritten();
            Row row = sheet.createRow(r);
            boolean tall = false;
            for (int c = 0; c < values.length; c++) {
                if (values[c] != null) {
                    Cell cell = row.createCell(c);
                    if (set(cell, columns.get(c).type(), values[c])) {
                        int sheetRow = r + 1;
                        cut.computeIfAbsent(writing, k -> new long[] {0, sheetRow})[0]++;
                    }
                    CellStyle style = rowStyles == null ? null : rowStyles.style(values, c);
                    if (style != null || styleOf[c] != null) {
                        cell.setCellStyle(style != null ? style : styleOf[c]);
                    }
                    if (style != null && style.getWrapText() && values[c] instanceof String text) {
                        // Spreadsheet programs do not all fit a row to wrapped text on opening: the height is given.
                        int lines = (int) Math.ceil(text.length() / (double) ColumnWidths.MAX_CHARS);
                        row.setHeightInPoints(Math.max(row.getHeightInPoints(), Math.min(409f,
                                lines * sheet.getDefaultRowHeightInPoints())));
                        tall = true;
                    }
                    if (r - top <= WIDTH_SAMPLE_ROWS) {
                        widths.measure(c, ColumnWidths.display(columns.get(c).type(), values[c]), false);
                    }
                }
            }
            if (tall) {
                // A row made tall for a wrapped note reads from its top, every cell of it, not from the bottom.
                for (Cell cell : row) {
                    if (!cell.getCellStyle().getWrapText()) {
                        cell.setCellStyle(topAligned(cell.getCellStyle()));
                    }
                }
            }
            r++;
        }
        if (totalsRow != null) {
            totalsRow(sheet, Math.max(r, top + 2), columns, tableName, totalsRow, sums, styleOf);
        }
        widths.apply(sheet);
        sheet.createFreezePane(0, top + 1);
        printSetup(sheet, columns.size(), top);
        return excelTable(sheet, columns, top, count, tableName, totalsRow);
    }

    /** The totals row under the table: labels, SUBTOTALs over whole columns with their results, the analyst's formulas. */
    private void totalsRow(SXSSFSheet sheet, int r, List<Column> columns, String tableName,
                           Map<String, TotalsRows.Total> totalsRow, TotalsRows.Accumulator[] sums, CellStyle[] styleOf) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < columns.size(); c++) {
            TotalsRows.Total total = totalsRow.get(columns.get(c).name());
            if (total == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (total.label() != null) {
                cell.setCellValue(total.label());
                continue;
            }
            if (total.code() > 0) {
                cell.setCellFormula("SUBTOTAL(" + total.code() + "," + tableName + "[" + escape(columns.get(c).name()) + "])");
                Double result = sums[c].result(total.code());
                if (result != null) {
                    cell.setCellValue(result);
                } else {
                    customTotals.add(new Formulas.Place(sheet.getSheetName(), r, c));
                }
            } else {
                cell.setCellFormula(total.formula());
                customTotals.add(new Formulas.Place(sheet.getSheetName(), r, c));
            }
            // A count is a whole number whatever it counts; other results read like the column's values.
            CellStyle style = total.code() % 100 == 2 || total.code() % 100 == 3
                    ? styles.of(new Column("count", ColumnType.INTEGER, ""))
                    : columns.get(c).type() == ColumnType.BOOLEAN || columns.get(c).type() == ColumnType.TEXT ? null
                    : styleOf[c];
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** A column name inside a structured reference: {@code [}, {@code ]}, {@code #} and {@code '} are escaped with '. */
    private final Map<Integer, CellStyle> topAligned = new java.util.HashMap<>();

    /** The style with its text at the top of the cell, made once per style. */
    private CellStyle topAligned(CellStyle style) {
        return topAligned.computeIfAbsent(style.getIndex() & 0xFFFF, i -> {
            CellStyle top = workbook.createCellStyle();
            top.cloneStyleFrom(style);
            top.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            return top;
        });
    }

    private static String escape(String column) {
        return column.replaceAll("(['\\[\\]#])", "'$1");
    }

    /** So that a PDF export or a printout reads well: fit to the page width, header row on every page, numbered pages. */
    private void printSetup(SXSSFSheet sheet, int columns, int headerRow) {
        sheet.getPrintSetup().setLandscape(columns > 6);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.getFooter().setLeft(footer.replace("&", "&&"));
        sheet.getFooter().setCenter(sheet.getSheetName().replace("&", "&&"));
        sheet.getFooter().setRight("Page &P of &N");
    }

    /** Writes the value; returns whether a text was cut to what a cell holds. */
    private static boolean set(Cell cell, ColumnType type, Object value) {
        switch (type) {
            case INTEGER -> cell.setCellValue(((Long) value).doubleValue());
            case DECIMAL -> cell.setCellValue((Double) value);
            case DATE -> cell.setCellValue((LocalDate) value);
            case BOOLEAN -> cell.setCellValue((Boolean) value);
            case TEXT -> {
                String text = (String) value;
                cell.setCellValue(text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT - 1) + "…" : text);
                return text.length() > MAX_CELL_TEXT;
            }
        }
        return false;
    }

    private XSSFTable excelTable(SXSSFSheet sheet, List<Column> columns, int top, int rows, String tableName,
                                 Map<String, TotalsRows.Total> totalsRow) {
        // The table part lives on the XSSF sheet behind the stream; its column names are set here because POI's
        // updateHeaders() reads header cells from the XSSF sheet, which SXSSF leaves empty.
        XSSFSheet xssf = workbook.getXSSFWorkbook().getSheet(sheet.getSheetName());
        // A table needs at least one data row: an empty dataset keeps one blank row under its header.
        int lastRow = top + Math.max(rows, 1);
        AreaReference area = new AreaReference(new CellReference(top, 0),
                new CellReference(lastRow, columns.size() - 1), SpreadsheetVersion.EXCEL2007);
        AreaReference whole = totalsRow == null ? area : new AreaReference(new CellReference(top, 0),
                new CellReference(lastRow + 1, columns.size() - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable excel = xssf.createTable(whole);
        excel.setName(tableName);
        excel.setDisplayName(tableName);
        CTTable ct = excel.getCTTable();
        List<CTTableColumn> ctColumns = ct.getTableColumns().getTableColumnList();
        for (int c = 0; c < columns.size(); c++) {
            ctColumns.get(c).setName(columns.get(c).name());
            TotalsRows.Total total = totalsRow == null ? null : totalsRow.get(columns.get(c).name());
            if (total == null) {
                continue;
            }
            if (total.label() != null) {
                ctColumns.get(c).setTotalsRowLabel(total.label());
            } else if (total.code() > 0 && TotalsRows.function(total.code()) != STTotalsRowFunction.CUSTOM) {
                ctColumns.get(c).setTotalsRowFunction(TotalsRows.function(total.code()));
            } else {
                ctColumns.get(c).setTotalsRowFunction(STTotalsRowFunction.CUSTOM);
                ctColumns.get(c).addNewTotalsRowFormula().setStringValue(total.code() > 0
                        ? "SUBTOTAL(" + total.code() + "," + tableName + "[" + escape(columns.get(c).name()) + "])"
                        : total.formula());
            }
        }
        if (totalsRow != null) {
            ct.setTotalsRowCount(1);
        }
        // The filter buttons cover the header and the rows, never the totals row.
        ct.addNewAutoFilter().setRef(area.formatAsString());
        CTTableStyleInfo style = ct.addNewTableStyleInfo();
        style.setName("TableStyleMedium2");
        style.setShowRowStripes(true);
        style.setShowColumnStripes(false);
        style.setShowFirstColumn(false);
        style.setShowLastColumn(false);
        return excel;
    }
}
