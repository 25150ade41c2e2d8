package se.atmp2030.workbook.fill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCellFormula;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellFormulaType;

/**
 * The analysts' own formulas: copied as they are written, never parsed on the way (POI's parser refuses a name or a
 * table that does not exist yet, and the KPI names and tables are made later in a build), checked for names the new
 * workbook no longer has, and given their values once the whole workbook exists, so that viewers that do not
 * recalculate show numbers, not blanks or stale ones.
 */
final class Formulas {
    /** A formula cell to give its value to once the workbook is written: sheet and position. */
    record Place(String sheet, int row, int column) {
        String address() {
            return new CellReference(sheet, row, column, false, false).formatAsString();
        }
    }

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"]|\"\")*\"");
    private static final Pattern QUOTED_SHEET = Pattern.compile("'((?:[^']|'')+)'!");
    private static final Pattern SHEET = Pattern.compile("(?<![\\w.'\\]])([A-Za-z_][\\w.]*)!");
    private static final Pattern TABLE = Pattern.compile("(?<![\\w.])([A-Za-z_\\\\][\\w.]*)\\[");
    private static final Pattern TOTALS = Pattern.compile("(?<![\\w.])([A-Za-z_\\\\][\\w.]*)\\[\\s*(?:\\[\\s*)?#Totals",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?<![\\w.!$\\[])([A-Za-z_\\\\][\\w.]*)(?![\\w.(!\\[])");
    private static final Pattern CELL = Pattern.compile("\\$?[A-Za-z]{1,3}\\$?\\d+|[A-Za-z]{1,3}|\\d+");
    private static final Set<String> WORDS = Set.of("TRUE", "FALSE");

    private Formulas() {
    }

    /** The formula of a cell as written in the file; a shared formula's dependent cells are worked out by POI. */
    static String text(XSSFCell cell) {
        CTCellFormula f = cell.getCTCell().getF();
        if (f != null && f.getT() == STCellFormulaType.SHARED && f.getStringValue().isEmpty()) {
            return cell.getCellFormula();
        }
        return f == null ? cell.getCellFormula() : f.getStringValue();
    }

    /**
     * Writes a formula into a cell as text, with the cached result the earlier workbook had (until the new one is
     * computed), without parsing it.
     */
    static void copy(XSSFCell from, XSSFCell to, String formula) {
        CTCell target = to.getCTCell();
        CTCell source = from.getCTCell();
        CTCellFormula f = target.isSetF() ? target.getF() : target.addNewF();
        f.setStringValue(formula);
        if (source.isSetV()) {
            target.setV(source.getV());
        } else if (target.isSetV()) {
            target.unsetV();
        }
        if (source.isSetT() && source.getT() != org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.INLINE_STR) {
            target.setT(source.getT());
        } else if (target.isSetT()) {
            target.unsetT();
        }
        if (target.isSetIs()) {
            target.unsetIs();
        }
    }

    /**
     * The names, tables and sheets a formula refers to that the workbook does not have: a formula on a name the new
     * template dropped cannot be computed there, and is listed rather than dropped.
     */
    static Set<String> unresolved(String formula, Collection<String> names, Collection<String> tables,
                                  Collection<String> withTotals, Collection<String> sheets) {
        Set<String> lowerNames = lower(names);
        Set<String> lowerTotals = lower(withTotals);
        Set<String> lowerTables = lower(tables);
        Set<String> lowerSheets = lower(sheets);
        String text = STRING_LITERAL.matcher(formula).replaceAll("\"\"");
        Set<String> missing = new LinkedHashSet<>();
        Matcher quoted = QUOTED_SHEET.matcher(text);
        while (quoted.find()) {
            if (!lowerSheets.contains(quoted.group(1).replace("''", "'").toLowerCase(Locale.ROOT))) {
                missing.add("sheet '" + quoted.group(1) + "'");
            }
        }
        text = QUOTED_SHEET.matcher(text).replaceAll("");
        Matcher sheet = SHEET.matcher(text);
        while (sheet.find()) {
            if (!lowerSheets.contains(sheet.group(1).toLowerCase(Locale.ROOT))) {
                missing.add("sheet " + sheet.group(1));
            }
        }
        text = SHEET.matcher(text).replaceAll("");
        Matcher table = TABLE.matcher(text);
        while (table.find()) {
            if (!lowerTables.contains(table.group(1).toLowerCase(Locale.ROOT))) {
                missing.add("table " + table.group(1));
            }
        }
        Matcher totals = TOTALS.matcher(text);
        while (totals.find()) {
            String name = totals.group(1).toLowerCase(Locale.ROOT);
            if (lowerTables.contains(name) && !lowerTotals.contains(name)) {
                missing.add("a totals row in table " + totals.group(1));
            }
        }
        // What stands inside [...] is a column of a table, not a name; the table's own name is checked above.
        text = TABLE.matcher(text).replaceAll("[");
        text = text.replaceAll("\\[[^\\]]*(\\[[^\\]]*\\][^\\]]*)*\\]", "");
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            String word = name.group(1);
            if (CELL.matcher(word).matches() || WORDS.contains(word.toUpperCase(Locale.ROOT))) {
                continue;
            }
            if (!lowerNames.contains(word.toLowerCase(Locale.ROOT)) && !lowerTables.contains(word.toLowerCase(Locale.ROOT))) {
                missing.add("name " + word);
            }
        }
        return missing;
    }

    private static Set<String> lower(Collection<String> values) {
        Set<String> lower = new TreeSet<>();
        values.forEach(v -> lower.add(v.toLowerCase(Locale.ROOT)));
        return lower;
    }

    /**
     * Computes the formulas of a written workbook and writes it again with their results cached. A formula POI cannot
     * compute (a function it does not know, a name that does not resolve) keeps no cached result, which LibreOffice then
     * computes when it opens the file; Excel recalculates everything on load either way, as the workbook asks.
     *
     * @return the places whose formula could not be computed here
     */
    static List<Place> cacheResults(Path written, List<Place> places, OutputStream out) throws IOException {
        List<Place> failed = new ArrayList<>();
        try (InputStream in = Files.newInputStream(written); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (Place place : places) {
                XSSFSheet sheet = workbook.getSheet(place.sheet());
                XSSFRow row = sheet == null ? null : sheet.getRow(place.row());
                XSSFCell cell = row == null ? null : row.getCell(place.column());
                if (cell == null || cell.getCellType() != CellType.FORMULA) {
                    continue;
                }
                try {
                    evaluator.evaluateFormulaCell(cell);
                } catch (RuntimeException e) {
                    // Not computable here: no stale result is left for a viewer to show.
                    if (cell.getCTCell().isSetV()) {
                        cell.getCTCell().unsetV();
                    }
                    if (cell.getCTCell().isSetT()) {
                        cell.getCTCell().unsetT();
                    }
                    failed.add(place);
                }
            }
            workbook.setForceFormulaRecalculation(true);
            workbook.write(out);
        }
        return failed;
    }
}
