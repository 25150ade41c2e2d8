package se.atmp2030.workbook.fill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx;

/**
 * Carries the analysts' manual edits from the previous workbook into the new one, in the places the template marks as
 * theirs: cells named {@code edit_...} (commentary), the Notes sheet, chart titles and series names changed by hand,
 * and every sheet they added. What cannot be placed, and every number the build wrote that was overwritten by hand, is
 * listed for the Build report sheet: nothing is dropped silently.
 */
final class EditCarrier {
    /** Something of the previous workbook that the new one does not hold, with where it was and what it said. */
    record Left(String what, String where, String content, String note) {
    }

    /** How many edits of each kind were carried over. */
    record Carried(int commentary, int notes, int charts, int sheets) {
        /** {@code 2 commentary cells, the Notes sheet, 1 chart title or series name}, or {@code none found}. */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (commentary > 0) {
                parts.add(commentary + (commentary == 1 ? " commentary cell" : " commentary cells"));
            }
            if (notes > 0) {
                parts.add("the Notes sheet");
            }
            if (charts > 0) {
                parts.add(charts + (charts == 1 ? " chart title or series name" : " chart titles or series names"));
            }
            if (sheets > 0) {
                parts.add(sheets + (sheets == 1 ? " sheet you added" : " sheets you added"));
            }
            return parts.isEmpty() ? "none found" : String.join(", ", parts);
        }
    }

    static final String EDIT_PREFIX = "edit_";
    private static final String CHART_SERIES_TEXT =
            "declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' .//c:ser/c:tx";

    private final XSSFWorkbook previous;
    private final BuildRecord record;
    private final List<Left> left = new ArrayList<>();
    private final Map<Integer, CellStyle> styles = new HashMap<>();
    private final List<Formulas.Place> formulas = new ArrayList<>();
    private final List<String> formulaTexts = new ArrayList<>();

    EditCarrier(XSSFWorkbook previous, String name) {
        this.previous = previous;
        this.record = BuildRecord.readFrom(previous);
        if (previous.getSheet(BuildRecord.SHEET) == null) {
            left.add(new Left("not a build of this tool", name, null, "the workbook has no record of a build (_build): "
                    + "its sheets the template does not have are kept as sheets you added, its commentary cells and "
                    + "Notes where the template has them; numbers typed over generated cells cannot be told"));
        }
    }

    BuildRecord previousRecord() {
        return record;
    }

    List<Left> left() {
        return List.copyOf(left);
    }

    /** Carrying stopped at something unexpected in the earlier workbook: said on the Build report. */
    void stopped(RuntimeException e) {
        left.add(new Left("edits not all kept", null, null, "the earlier workbook holds something this build could not "
                + "read (" + se.atmp2030.workbook.collect.Problem.shorten(String.valueOf(e.getMessage())) + "); the edits "
                + "before it were kept, the others are in the backup copy"));
    }

    /**
     * Carries the edits into {@code target}, the filled template (before the generated sheets are added).
     *
     * @param generated names of the sheets the build generates; those are never carried over
     */
    Carried carryInto(XSSFWorkbook target, Set<String> generated) {
        int commentary = commentary(target);
        int notes = notes(target);
        int charts = charts(target);
        int sheets = addedSheets(target, generated);
        overwritten();
        return new Carried(commentary, notes, charts, sheets);
    }

    private int commentary(XSSFWorkbook target) {
        int carried = 0;
        for (Name name : previous.getAllNames()) {
            if (!name.getNameName().toLowerCase(java.util.Locale.ROOT).startsWith(EDIT_PREFIX) || name.isFunctionName()) {
                continue;
            }
            Cell from = cellOf(previous, name.getRefersToFormula());
            if (from == null || BuildRecord.cellText(from).isBlank()) {
                continue;
            }
            Name there = target.getName(name.getNameName());
            Cell to = there == null ? null : cellOf(target, there.getRefersToFormula());
            if (to == null) {
                left.add(new Left("commentary", name.getRefersToFormula(), BuildRecord.cellText(from),
                        "the template has no cell named " + name.getNameName() + " any more; copy it where it belongs"));
                continue;
            }
            if (!BuildRecord.cellText(from).equals(BuildRecord.cellText(to))) {
                copyValue(from, to);
                carried++;
            }
        }
        return carried;
    }

    private int notes(XSSFWorkbook target) {
        XSSFSheet from = previous.getSheet("Notes");
        XSSFSheet to = target.getSheet("Notes");
        if (from == null) {
            return 0;
        }
        if (to == null) {
            left.add(new Left("Notes sheet", "Notes", "(the whole sheet)", "the template has no Notes sheet any more"));
            return 0;
        }
        if (text(from).equals(text(to))) {
            return 0; // nobody wrote in the Notes sheet: the template's stays as it is
        }
        for (int r = to.getLastRowNum(); r >= 0; r--) {
            if (to.getRow(r) != null) {
                to.removeRow(to.getRow(r));
            }
        }
        while (to.getNumMergedRegions() > 0) {
            to.removeMergedRegion(0);
        }
        copyCells(from, to, target);
        return 1;
    }

    private int charts(XSSFWorkbook target) {
        Map<String, String> titles = record.of("chart");
        Map<String, String> names = record.of("series");
        int carried = 0;
        for (int s = 0; s < target.getNumberOfSheets(); s++) {
            XSSFSheet sheet = target.getSheetAt(s);
            XSSFSheet old = previous.getSheet(sheet.getSheetName());
            if (sheet.getDrawingPatriarch() == null || old == null || old.getDrawingPatriarch() == null) {
                continue;
            }
            List<XSSFChart> now = sheet.getDrawingPatriarch().getCharts();
            List<XSSFChart> before = old.getDrawingPatriarch().getCharts();
            for (int c = 0; c < Math.min(now.size(), before.size()); c++) {
                String key = sheet.getSheetName() + "#" + c;
                String oldTitle = title(before.get(c));
                if (titles.containsKey(key) && oldTitle != null && !oldTitle.equals(titles.get(key))) {
                    now.get(c).setTitleText(oldTitle);
                    carried++;
                }
                List<String> oldNames = seriesNames(before.get(c));
                List<CTSerTx> newNames = seriesTexts(now.get(c));
                for (int i = 0; i < Math.min(oldNames.size(), newNames.size()); i++) {
                    String built = names.get(key + "#" + i);
                    if (built != null && !built.equals(oldNames.get(i))) {
                        CTSerTx tx = newNames.get(i);
                        if (tx.isSetStrRef()) {
                            tx.unsetStrRef();
                        }
                        tx.setV(oldNames.get(i));
                        carried++;
                    }
                }
            }
        }
        return carried;
    }

    private int addedSheets(XSSFWorkbook target, Set<String> generated) {
        Set<String> template = record.of("sheet").keySet();
        int carried = 0;
        for (int s = 0; s < previous.getNumberOfSheets(); s++) {
            XSSFSheet sheet = previous.getSheetAt(s);
            String name = sheet.getSheetName();
            boolean known = template.isEmpty() ? target.getSheet(name) != null : template.contains(name);
            if (known || generated.contains(name) || name.equals(BuildRecord.SHEET) || name.startsWith("data_")) {
                continue;
            }
            if (target.getSheet(name) != null) {
                left.add(new Left("sheet", name, "(the whole sheet)", "the template now has a sheet of that name; rename yours"));
                continue;
            }
            XSSFSheet copy = target.createSheet(name);
            copyCells(sheet, copy, target);
            pageSetup(sheet, copy);
            if (sheet.getDrawingPatriarch() != null && !sheet.getDrawingPatriarch().getShapes().isEmpty()) {
                left.add(new Left("charts and pictures", name, sheet.getDrawingPatriarch().getShapes().size() + " shapes",
                        "the sheet's cells were carried over, its charts and pictures were not; copy them from the backup"));
            }
            carried++;
        }
        return carried;
    }

    /** A number or text the build wrote that someone changed by hand: reported, since the new build writes it anew. */
    private void overwritten() {
        record.of("cell").forEach((address, built) -> {
            Cell cell = cellOf(previous, address);
            String now = cell == null ? "" : BuildRecord.cellText(cell);
            if (!now.equals(built)) {
                left.add(new Left("overwritten", address, now, "the build had written " + (built.isEmpty() ? "nothing" : built)
                        + " here; this build writes the value from the new data. Put your own figures in a sheet of your own"));
            }
        });
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    /** A sheet's cell contents in order, to tell whether two sheets say the same. */
    private static List<String> text(XSSFSheet sheet) {
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String content = BuildRecord.cellText(cell);
                if (!content.isEmpty()) {
                    cells.add(cell.getAddress() + "=" + content);
                }
            }
        }
        return cells;
    }

    private static String title(XSSFChart chart) {
        return chart.getTitleText() == null ? null : chart.getTitleText().getString();
    }

    static List<CTSerTx> seriesTexts(XSSFChart chart) {
        List<CTSerTx> texts = new ArrayList<>();
        try (XmlCursor cursor = chart.getCTChartSpace().newCursor()) {
            cursor.selectPath(CHART_SERIES_TEXT);
            while (cursor.toNextSelection()) {
                XmlObject object = cursor.getObject();
                if (object instanceof CTSerTx tx) {
                    texts.add(tx);
                }
            }
        }
        return texts;
    }

    static List<String> seriesNames(XSSFChart chart) {
        List<String> names = new ArrayList<>();
        for (CTSerTx tx : seriesTexts(chart)) {
            if (tx.isSetStrRef() && tx.getStrRef().isSetStrCache() && tx.getStrRef().getStrCache().sizeOfPtArray() > 0) {
                names.add(tx.getStrRef().getStrCache().getPtArray(0).getV());
            } else {
                names.add(tx.isSetV() ? tx.getV() : "");
            }
        }
        return names;
    }

    static Cell cellOf(XSSFWorkbook workbook, String reference) {
        try {
            CellReference ref = new AreaReference(reference, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell();
            XSSFSheet sheet = ref.getSheetName() == null ? null : workbook.getSheet(ref.getSheetName());
            if (sheet == null) {
                return null;
            }
            Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
            return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
        } catch (RuntimeException e) {
            return null; // a reference that does not read (a name's #REF!, a damaged record) has nothing to carry
        }
    }

    private void copyValue(Cell from, Cell to) {
        switch (from.getCellType()) {
            case NUMERIC -> to.setCellValue(from.getNumericCellValue());
            case BOOLEAN -> to.setCellValue(from.getBooleanCellValue());
            case FORMULA -> copyFormula((XSSFCell) from, (XSSFCell) to);
            case ERROR -> to.setCellErrorValue(from.getErrorCellValue());
            default -> to.setCellValue(from.getStringCellValue());
        }
    }

    /** A formula as written, to be given its new value once the workbook is complete. */
    private void copyFormula(XSSFCell from, XSSFCell to) {
        String where = new CellReference(from.getSheet().getSheetName(), from.getRowIndex(), from.getColumnIndex(),
                false, false).formatAsString();
        String formula;
        try {
            formula = Formulas.text(from);
        } catch (RuntimeException e) {
            // A shared formula POI cannot work out for this cell: its last result is kept as a value, and said.
            left.add(new Left("formula", where, from.getCTCell().isSetV() ? from.getCTCell().getV() : "",
                    "the formula could not be read (" + e.getMessage() + "); its last result is kept as a value"));
            if (from.getCachedFormulaResultType() == CellType.NUMERIC) {
                to.setCellValue(from.getNumericCellValue());
            } else if (from.getCachedFormulaResultType() == CellType.STRING) {
                to.setCellValue(from.getStringCellValue());
            }
            return;
        }
        Formulas.copy(from, to, formula);
        formulas.add(new Formulas.Place(to.getSheet().getSheetName(), to.getRowIndex(), to.getColumnIndex()));
        formulaTexts.add(formula);
    }

    /** The formulas carried over, with where they now are. */
    List<Formulas.Place> formulas() {
        return List.copyOf(formulas);
    }

    /**
     * Lists each carried formula that names a sheet, table or name the new workbook does not have: it is kept as
     * written (it may work again once the name is back) and cannot be computed here.
     */
    void checkFormulas(java.util.Collection<String> names, java.util.Collection<String> tables,
                       java.util.Collection<String> withTotals, java.util.Collection<String> sheets) {
        for (int i = 0; i < formulas.size(); i++) {
            Set<String> missing = Formulas.unresolved(formulaTexts.get(i), names, tables, withTotals, sheets);
            if (!missing.isEmpty()) {
                left.add(new Left("formula", formulas.get(i).address(), "=" + formulaTexts.get(i), "kept as written, but "
                        + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not in the new workbook "
                        + "(the template or the data no longer have it); it shows an error until you change the formula"));
            }
        }
    }

    /**
     * A sheet the analysts added prints as they set it up; one they never set up prints like the generated sheets:
     * fitted to the page width, with the sheet's name and numbered pages in the footer.
     */
    private static void pageSetup(XSSFSheet from, XSSFSheet to) {
        var source = from.getCTWorksheet();
        var target = to.getCTWorksheet();
        boolean setUp = source.isSetHeaderFooter() || source.isSetSheetPr() && source.getSheetPr().isSetPageSetUpPr()
                && source.getSheetPr().getPageSetUpPr().getFitToPage();
        if (source.isSetPageMargins()) {
            target.setPageMargins(source.getPageMargins());
        }
        if (source.isSetPrintOptions()) {
            target.setPrintOptions(source.getPrintOptions());
        }
        if (source.isSetPageSetup()) {
            target.setPageSetup(source.getPageSetup());
            if (target.getPageSetup().isSetId()) {
                target.getPageSetup().unsetId(); // the printer's settings part stays with the earlier workbook
            }
        }
        if (source.isSetHeaderFooter()) {
            target.setHeaderFooter(source.getHeaderFooter());
        }
        if (setUp) {
            to.setFitToPage(from.getFitToPage());
            return;
        }
        to.setFitToPage(true);
        to.getPrintSetup().setFitWidth((short) 1);
        to.getPrintSetup().setFitHeight((short) 0);
        to.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        to.getFooter().setCenter(to.getSheetName().replace("&", "&&"));
        to.getFooter().setRight("Page &P of &N");
    }

    /** Copies values, formulas, styles, merged cells and column widths from one sheet to another workbook's sheet. */
    private void copyCells(XSSFSheet from, XSSFSheet to, XSSFWorkbook target) {
        for (Row row : from) {
            Row copy = to.createRow(row.getRowNum());
            if (row.isFormatted() || row.getHeight() != from.getDefaultRowHeight()) {
                copy.setHeight(row.getHeight());
            }
            for (Cell cell : row) {
                Cell c = copy.createCell(cell.getColumnIndex());
                if (cell.getCellType() != CellType.BLANK) {
                    copyValue(cell, c);
                }
                c.setCellStyle(style(cell.getCellStyle(), target));
            }
        }
        for (CellRangeAddress merged : from.getMergedRegions()) {
            to.addMergedRegion(merged);
        }
        for (int c = 0; c <= 50; c++) {
            if (from.getColumnWidth(c) != from.getDefaultColumnWidth() * 256) {
                to.setColumnWidth(c, from.getColumnWidth(c));
            }
        }
    }

    private CellStyle style(CellStyle from, XSSFWorkbook target) {
        return styles.computeIfAbsent((int) from.getIndex(), i -> {
            CellStyle style = target.createCellStyle();
            style.cloneStyleFrom(from);
            return style;
        });
    }
}
