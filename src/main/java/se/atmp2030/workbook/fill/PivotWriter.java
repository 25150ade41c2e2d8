package se.atmp2030.workbook.fill;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFPivotCacheRecords;
import org.apache.poi.xssf.usermodel.XSSFPivotTable;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCacheField;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDataField;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTI;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTItems;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPivotCacheDefinition;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPivotCacheRecords;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPivotField;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPivotFields;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPivotTableDefinition;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRecord;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSharedItems;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STAxis;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STDataConsolidateFunction;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STItemType;
import se.atmp2030.workbook.collect.Column;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Table;

/**
 * A pivot table over a data table that shows its numbers everywhere: POI's own pivot API writes an empty cache and no
 * cells, so LibreOffice and previewers show a blank. This writes the cache definition with every field's items, the
 * cache records from the data, the complete pivot definition (fields, items, row and column items, location) and the
 * pivot's cells with their values, and sets refresh-on-open so that Excel recomputes it from the sheet.
 *
 * <p>A template asks for one with an anchor cell such as
 * {@code ${pivot:clinical_trials rows=start_year cols=phase count=nct_id}} or {@code ... sum=ec_contribution}, and may
 * keep only the rows where a yes/no column is TRUE: {@code where=atmp_developer} (a page field above the pivot, set to
 * TRUE, as Excel's report filter shows it), so that the pivot's total is that of those rows.
 */
final class PivotWriter {
    /**
     * What to pivot: a dataset, the row field, the column field, the data field with count or sum, and optionally a
     * yes/no column that filters the rows (a page field set to TRUE: {@code where=atmp_developer}), or {@code null}.
     */
    record Spec(String dataset, String rows, String cols, String function, String field, String where) {
        String caption() {
            return ("sum".equals(function) ? "Sum of " : "Count of ") + field;
        }
    }

    private static final int MAX_ITEM_TEXT = 255;
    /** Tables above this many rows get a pivot cache without records. */
    static final int RECORDS_LIMIT = Integer.getInteger("atmp.pivot.recordsLimit", 200_000);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PivotWriter.class);

    private final XSSFWorkbook workbook;
    private final Styles styles;
    private final int recordsLimit;
    private int scratchCount;

    PivotWriter(XSSFWorkbook workbook, Styles styles) {
        this(workbook, styles, RECORDS_LIMIT);
    }

    /** @param recordsLimit tables with more rows than this get a pivot cache without records */
    PivotWriter(XSSFWorkbook workbook, Styles styles, int recordsLimit) {
        this.workbook = workbook;
        this.styles = styles;
        this.recordsLimit = recordsLimit;
    }

    /** Parses {@code clinical_trials rows=start_year cols=phase count=nct_id}; returns a Spec or an error message. */
    static Object parse(String text, Map<String, Table> tables) {
        String[] words = text.trim().split("\\s+");
        Map<String, String> args = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq < 0) {
                return "\"" + words[i] + "\" is not key=value (expected rows=, cols=, count= or sum=, where=)";
            }
            args.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        Table table = tables.get(words[0]);
        if (table == null) {
            return "no dataset \"" + words[0] + "\" (expected one of " + String.join(", ", tables.keySet()) + ")";
        }
        String function = args.containsKey("sum") ? "sum" : "count";
        Spec spec = new Spec(words[0], args.get("rows"), args.get("cols"), function, args.get(function), args.get("where"));
        if (spec.where() != null && table.columns().stream().noneMatch(c -> c.name().equals(spec.where())
                && c.type() == ColumnType.BOOLEAN)) {
            return "dataset " + spec.dataset() + " has no yes/no column \"" + spec.where() + "\" to filter on (where=)";
        }
        for (String column : new String[] {spec.rows(), spec.cols(), spec.field()}) {
            if (column == null) {
                return "expected rows=<column> cols=<column> and count=<column> or sum=<column>";
            }
            if (table.columns().stream().noneMatch(c -> c.name().equals(column))) {
                return "dataset " + spec.dataset() + " has no column \"" + column + "\"";
            }
        }
        return spec;
    }

    /** The rows the pivot's cells take on the sheet (with a filter, two more: the filter and a blank row). */
    static int height(Spec spec, Table table) {
        int rowField = table.columnIndex(spec.rows());
        int filter = spec.where() == null ? -1 : table.columnIndex(spec.where());
        java.util.Set<Object> shown = new java.util.HashSet<>();
        for (Object[] values : table.rows()) {
            if (filter < 0 || Boolean.TRUE.equals(values[filter])) {
                shown.add(key(values[rowField]));
            }
        }
        return 3 + shown.size() + (filter < 0 ? 0 : 2);
    }

    /** Writes the pivot with its top-left cell at (row, col) of {@code sheet}; the data sheet is named after the dataset. */
    void write(XSSFSheet sheet, int row, int col, Spec spec, Table table) {
        List<Column> columns = table.columns();
        int filterField = spec.where() == null ? -1 : table.columnIndex(spec.where());
        int lastField = Math.max(Math.max(table.columnIndex(spec.rows()), filterField), Math.max(table.columnIndex(spec.cols()),
                table.columnIndex(spec.field())));
        List<Column> fields = columns.subList(0, lastField + 1);
        int rowField = table.columnIndex(spec.rows());
        int colField = table.columnIndex(spec.cols());
        int dataField = table.columnIndex(spec.field());

        // Shared items of every field, in sorted order; records refer to them by index. A very large table keeps no
        // records (they would not fit in memory as XML objects): only the axis fields get items, and Excel rebuilds the
        // cache from the sheet when the file opens; the cells below still show the numbers.
        boolean saveRecords = table.rowCount() <= recordsLimit;
        List<List<Object>> items = new ArrayList<>();
        List<Map<Object, Integer>> index = new ArrayList<>();
        boolean[] wanted = new boolean[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            wanted[f] = saveRecords || f == rowField || f == colField || f == filterField;
        }
        List<List<Object>> distinct = distinct(table, wanted);
        for (int f = 0; f < fields.size(); f++) {
            List<Object> values = distinct.get(f);
            items.add(values);
            Map<Object, Integer> positions = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                positions.put(key(values.get(i)), i);
            }
            index.add(positions);
        }

        // A filter takes the rows above the pivot: its name and TRUE, then a blank row, as Excel lays out a page field.
        int filterRow = row;
        if (filterField >= 0) {
            row += 2;
        }
        XSSFPivotTable pivot = createPivotParts(sheet, row, col, fields);
        CTPivotCacheDefinition cache = pivot.getPivotCacheDefinition().getCTPivotCacheDefinition();
        cache.getCacheSource().getWorksheetSource().setSheet(WorkbookWriter.dataSheetName(spec.dataset()));
        cache.getCacheSource().getWorksheetSource().setRef(new AreaReference(new CellReference(0, 0),
                new CellReference(Math.max(1, table.rowCount()), fields.size() - 1), SpreadsheetVersion.EXCEL2007)
                .formatAsString());
        cache.setRefreshOnLoad(true);
        for (int f = 0; f < fields.size(); f++) {
            fillSharedItems(cache.getCacheFields().getCacheFieldArray(f), fields.get(f), items.get(f));
        }
        CTPivotCacheRecords records = records(pivot);
        if (saveRecords) {
            cache.setRecordCount(table.rowCount());
            records.setCount(table.rowCount());
            for (Object[] values : table.rows()) {
                CTRecord record = records.addNewR();
                for (int f = 0; f < fields.size(); f++) {
                    record.addNewX().setV(index.get(f).get(key(values[f])));
                }
            }
        } else {
            cache.setSaveData(false);
            cache.setRecordCount(0);
            records.setCount(0);
            LOG.info("pivot over {}: {} rows are too many to keep in the pivot cache; Excel rebuilds it when the file "
                    + "opens, and the pivot's cells show the numbers meanwhile", spec.dataset(), table.rowCount());
        }

        // The aggregated cells, as Excel lays out a compact pivot with one row and one column field; with a filter, only
        // the rows it keeps, and only the row and column items that have some of them.
        Map<Integer, Map<Integer, Double>> byItem = new TreeMap<>();
        java.util.SortedSet<Integer> shownRows = new java.util.TreeSet<>();
        java.util.SortedSet<Integer> shownCols = new java.util.TreeSet<>();
        for (Object[] values : table.rows()) {
            if (filterField >= 0 && !Boolean.TRUE.equals(values[filterField])) {
                continue;
            }
            int r = index.get(rowField).get(key(values[rowField]));
            int c = index.get(colField).get(key(values[colField]));
            shownRows.add(r);
            shownCols.add(c);
            if ("count".equals(spec.function()) && values[dataField] == null) {
                continue;
            }
            double amount = "count".equals(spec.function()) ? 1 : values[dataField] == null ? 0
                    : ((Number) values[dataField]).doubleValue();
            byItem.computeIfAbsent(r, k -> new TreeMap<>()).merge(c, amount, Double::sum);
        }
        if (filterField < 0) {
            for (int i = 0; i < items.get(rowField).size(); i++) {
                shownRows.add(i);
            }
            for (int i = 0; i < items.get(colField).size(); i++) {
                shownCols.add(i);
            }
        }
        List<Integer> rowIndexes = List.copyOf(shownRows);
        List<Integer> colIndexes = List.copyOf(shownCols);
        List<Object> rowItems = rowIndexes.stream().map(i -> items.get(rowField).get(i)).toList();
        List<Object> colItems = colIndexes.stream().map(i -> items.get(colField).get(i)).toList();
        Map<Integer, Map<Integer, Double>> cells = new TreeMap<>();
        byItem.forEach((r, line) -> line.forEach((c, v) -> cells.computeIfAbsent(rowIndexes.indexOf(r), k -> new TreeMap<>())
                .put(colIndexes.indexOf(c), v)));
        int lastCol = col + colItems.size() + 1;
        int lastRow = row + 2 + rowItems.size();
        CTPivotTableDefinition def = pivot.getCTPivotTableDefinition();
        definition(def, spec, fields.size(), rowField, colField, dataField, items.get(rowField).size(), rowIndexes,
                items.get(colField).size(), colIndexes, new AreaReference(new CellReference(row, col),
                        new CellReference(lastRow, lastCol), SpreadsheetVersion.EXCEL2007).formatAsString());
        if (filterField >= 0) {
            filter(def, filterField, items.get(filterField));
            set(sheet, filterRow, col, spec.where(), styles.header());
            set(sheet, filterRow, col + 1, "TRUE", null);
        }
        render(sheet, row, col, spec, rowItems, colItems, cells, fields.get(dataField));
    }

    private XSSFPivotTable createPivotParts(XSSFSheet sheet, int row, int col, List<Column> fields) {
        // POI's createPivotTable sets up the parts and relationships, reading the field names from a sheet; the data
        // sheet is streamed and cannot be read back, so a scratch sheet holds the header row and is removed after.
        XSSFSheet scratch = workbook.createSheet("pivot-source-" + (++scratchCount));
        Row header = scratch.createRow(0);
        for (int f = 0; f < fields.size(); f++) {
            header.createCell(f).setCellValue(fields.get(f).name());
        }
        AreaReference source = new AreaReference(new CellReference(scratch.getSheetName(), 0, 0, true, true),
                new CellReference(scratch.getSheetName(), 1, fields.size() - 1, true, true), SpreadsheetVersion.EXCEL2007);
        XSSFPivotTable pivot = sheet.createPivotTable(source, new CellReference(row, col), scratch);
        workbook.removeSheetAt(workbook.getSheetIndex(scratch));
        return pivot;
    }

    private static CTPivotCacheRecords records(XSSFPivotTable pivot) {
        for (POIXMLDocumentPart part : pivot.getPivotCacheDefinition().getRelations()) {
            if (part instanceof XSSFPivotCacheRecords records) {
                return records.getCtPivotCacheRecords();
            }
        }
        throw new IllegalStateException("POI created no pivot cache records part");
    }

    private static void fillSharedItems(CTCacheField field, Column column, List<Object> values) {
        CTSharedItems shared = field.getSharedItems();
        boolean blank = values.contains(null);
        List<Object> present = values.stream().filter(Objects::nonNull).toList();
        switch (column.type()) {
            case INTEGER, DECIMAL -> {
                shared.setContainsSemiMixedTypes(blank);
                shared.setContainsString(false);
                shared.setContainsNumber(true);
                shared.setContainsInteger(column.type() == ColumnType.INTEGER);
                if (!present.isEmpty()) {
                    shared.setMinValue(((Number) present.get(0)).doubleValue());
                    shared.setMaxValue(((Number) present.get(present.size() - 1)).doubleValue());
                }
            }
            case DATE -> {
                shared.setContainsSemiMixedTypes(blank);
                shared.setContainsNonDate(false);
                shared.setContainsDate(true);
                shared.setContainsString(false);
            }
            default -> { }
        }
        if (blank) {
            shared.setContainsBlank(true);
        }
        for (Object value : values) {
            if (value == null) {
                shared.addNewM();
            } else if (value instanceof String text) {
                shared.addNewS().setV(text.length() > MAX_ITEM_TEXT ? text.substring(0, MAX_ITEM_TEXT) : text);
            } else if (value instanceof Number number) {
                shared.addNewN().setV(number.doubleValue());
            } else if (value instanceof Boolean bool) {
                shared.addNewB().setV(bool);
            } else if (value instanceof LocalDate date) {
                shared.addNewD().setV(java.util.GregorianCalendar.from(date.atStartOfDay(java.time.ZoneOffset.UTC)));
            }
        }
        shared.setCount(values.size());
    }

    /**
     * The filter as a page field set to TRUE: its pivot field on the page axis with its items (the others hidden), and
     * the location's page rows.
     */
    private static void filter(CTPivotTableDefinition def, int filterField, List<Object> values) {
        CTPivotField field = def.getPivotFields().getPivotFieldArray(filterField);
        field.setAxis(STAxis.AXIS_PAGE);
        field.setMultipleItemSelectionAllowed(false);
        CTItems items = field.addNewItems();
        int selected = -1;
        for (int i = 0; i < values.size(); i++) {
            var item = items.addNewItem();
            item.setX(i);
            if (Boolean.TRUE.equals(values.get(i))) {
                selected = i;
            } else {
                item.setH(true);
            }
        }
        items.addNewItem().setT(STItemType.DEFAULT);
        items.setCount(values.size() + 1);
        var page = def.addNewPageFields().addNewPageField();
        page.setFld(filterField);
        if (selected >= 0) {
            page.setItem(selected);
        }
        page.setHier(-1);
        def.getPageFields().setCount(1);
        def.getLocation().setRowPageCount(1);
        def.getLocation().setColPageCount(1);
    }

    private static void definition(CTPivotTableDefinition def, Spec spec, int fieldCount, int rowField, int colField,
                                   int dataField, int rowItemCount, List<Integer> rowShown, int colItemCount,
                                   List<Integer> colShown, String location) {
        def.setDataCaption("Values");
        def.setOutline(true);
        def.setOutlineData(true);
        def.getLocation().setRef(location);
        def.getLocation().setFirstHeaderRow(1);
        def.getLocation().setFirstDataRow(2);
        def.getLocation().setFirstDataCol(1);
        CTPivotFields pivotFields = def.getPivotFields();
        while (pivotFields.sizeOfPivotFieldArray() > 0) {
            pivotFields.removePivotField(0);
        }
        for (int f = 0; f < fieldCount; f++) {
            CTPivotField field = pivotFields.addNewPivotField();
            field.setShowAll(false);
            if (f == rowField || f == colField) {
                field.setAxis(f == rowField ? STAxis.AXIS_ROW : STAxis.AXIS_COL);
                CTItems items = field.addNewItems();
                int count = f == rowField ? rowItemCount : colItemCount;
                for (int i = 0; i < count; i++) {
                    items.addNewItem().setX(i);
                }
                items.addNewItem().setT(STItemType.DEFAULT);
                items.setCount(count + 1);
            }
            if (f == dataField) {
                field.setDataField(true);
            }
        }
        pivotFields.setCount(fieldCount);
        def.addNewRowFields().addNewField().setX(rowField);
        def.getRowFields().setCount(1);
        def.addNewRowItems();
        for (int i : rowShown) {
            axisItems(def.getRowItems().addNewI(), i);
        }
        CTI grandRow = def.getRowItems().addNewI();
        grandRow.setT(STItemType.GRAND);
        grandRow.addNewX();
        def.getRowItems().setCount(rowShown.size() + 1);
        def.addNewColFields().addNewField().setX(colField);
        def.getColFields().setCount(1);
        def.addNewColItems();
        for (int i : colShown) {
            axisItems(def.getColItems().addNewI(), i);
        }
        CTI grandCol = def.getColItems().addNewI();
        grandCol.setT(STItemType.GRAND);
        grandCol.addNewX();
        def.getColItems().setCount(colShown.size() + 1);
        CTDataField data = def.addNewDataFields().addNewDataField();
        data.setName(spec.caption());
        data.setFld(dataField);
        data.setSubtotal("sum".equals(spec.function()) ? STDataConsolidateFunction.SUM : STDataConsolidateFunction.COUNT);
        data.setBaseField(0);
        data.setBaseItem(0);
        def.getDataFields().setCount(1);
    }

    private static void axisItems(CTI item, int index) {
        if (index == 0) {
            item.addNewX();
        } else {
            item.addNewX().setV(index);
        }
    }

    private void render(XSSFSheet sheet, int row, int col, Spec spec, List<Object> rowItems, List<Object> colItems,
                        Map<Integer, Map<Integer, Double>> cells, Column data) {
        CellStyle number = styles.ofUnit("sum".equals(spec.function()) && data.type() == ColumnType.DECIMAL ? "EUR" : "count");
        set(sheet, row, col, spec.caption(), styles.header());
        set(sheet, row, col + 1, "Column Labels", styles.header());
        set(sheet, row + 1, col, "Row Labels", styles.header());
        for (int c = 0; c < colItems.size(); c++) {
            set(sheet, row + 1, col + 1 + c, label(colItems.get(c)), styles.header());
        }
        set(sheet, row + 1, col + 1 + colItems.size(), "Grand Total", styles.header());
        double[] colTotals = new double[colItems.size()];
        double grand = 0;
        for (int r = 0; r < rowItems.size(); r++) {
            set(sheet, row + 2 + r, col, label(rowItems.get(r)), null);
            double rowTotal = 0;
            Map<Integer, Double> line = cells.getOrDefault(r, Map.of());
            for (int c = 0; c < colItems.size(); c++) {
                Double v = line.get(c);
                if (v != null) {
                    set(sheet, row + 2 + r, col + 1 + c, v, number);
                    rowTotal += v;
                    colTotals[c] += v;
                }
            }
            set(sheet, row + 2 + r, col + 1 + colItems.size(), rowTotal, number);
            grand += rowTotal;
        }
        int last = row + 2 + rowItems.size();
        set(sheet, last, col, "Grand Total", styles.header());
        for (int c = 0; c < colItems.size(); c++) {
            set(sheet, last, col + 1 + c, colTotals[c], number);
        }
        set(sheet, last, col + 1 + colItems.size(), grand, number);
        for (int c = col + 1; c <= col + 1 + colItems.size(); c++) {
            widen(sheet, c, "sum".equals(spec.function()) ? 16 : 13);
        }
    }

    /** Widens a column to at least this many characters; never narrows what the template set. */
    static void widen(XSSFSheet sheet, int column, int chars) {
        if (sheet.getColumnWidth(column) < chars * 256) {
            sheet.setColumnWidth(column, chars * 256);
        }
    }

    private static void set(XSSFSheet sheet, int r, int c, Object value, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        if (value instanceof Double d) {
            cell.setCellValue(d);
        } else {
            cell.setCellValue((String) value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static String label(Object item) {
        if (item == null) {
            return "(blank)";
        }
        if (item instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        if (item instanceof Long l) {
            return String.valueOf(l);
        }
        return item.toString();
    }

    /**
     * The distinct values of each wanted column (the first {@code wanted.length} columns), sorted, with an empty value
     * last; an unwanted column gets an empty list. One pass over the table, however many columns: a large table is
     * read back from disk.
     */
    static List<List<Object>> distinct(Table table, boolean[] wanted) {
        List<Map<Object, Object>> seen = new ArrayList<>();
        boolean[] blank = new boolean[wanted.length];
        for (int f = 0; f < wanted.length; f++) {
            seen.add(new LinkedHashMap<>());
        }
        for (Object[] row : table.rows()) {
            for (int f = 0; f < wanted.length; f++) {
                if (!wanted[f]) {
                    continue;
                }
                if (row[f] == null) {
                    blank[f] = true;
                } else {
                    seen.get(f).putIfAbsent(key(row[f]), row[f]);
                }
            }
        }
        List<List<Object>> result = new ArrayList<>();
        for (int f = 0; f < wanted.length; f++) {
            List<Object> values = new ArrayList<>(seen.get(f).values());
            values.sort(PivotWriter::compare);
            if (blank[f]) {
                values.add(null);
            }
            result.add(values);
        }
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // the values of one column are all of the column's one Comparable type
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    /** Long and Double of the same number are one item; text is compared as written. */
    private static Object key(Object value) {
        return value instanceof Long l ? (Object) l.doubleValue() : value;
    }
}
