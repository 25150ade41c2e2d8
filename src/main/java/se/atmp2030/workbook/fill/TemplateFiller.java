package se.atmp2030.workbook.fill;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.atmp2030.workbook.analyze.InsightFormat;
import se.atmp2030.workbook.analyze.Wordings;
import se.atmp2030.workbook.analyze.Insights;
import se.atmp2030.workbook.analyze.Kpi;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.Table;

/**
 * Fills the report template: tables and pivot tables at their anchors (rows are inserted and what stands below moves
 * down with its formulas, merged cells, names and charts), placeholders in cells alone or inside text, and charts
 * re-pointed to the filled tables. Everything wrong with the template is reported at once, before anything is filled.
 *
 * <p>Placeholders: {@code ${kpi.<key>}} or {@code ${kpi.<key>:<format>}} (formats as in key-insights.txt, or an Excel
 * number format such as {@code 0%}); {@code ${insight.<n>}}; {@code ${report.title}}, {@code ${report.year}},
 * {@code ${report.data_as_of}}, {@code ${report.built_at}}, {@code ${report.version}}. Anchors: see {@link GridSource}
 * and {@link PivotWriter}.
 */
final class TemplateFiller {
    private static final Pattern ANCHOR = Pattern.compile("\\s*\\$\\{(table|pivot):([^}]+)}\\s*");
    private static final List<String> REPORT_FIELDS = List.of("report.title", "report.year", "report.data_as_of",
            "report.built_at", "report.version");

    /** A cell of the template where a table or pivot is filled. */
    static final class Anchor {
        final XSSFSheet sheet;
        int row;
        final int col;
        final String kind;
        final String spec;
        Grid grid;
        PivotWriter.Spec pivot;

        Anchor(XSSFSheet sheet, int row, int col, String kind, String spec) {
            this.sheet = sheet;
            this.row = row;
            this.col = col;
            this.kind = kind;
            this.spec = spec;
        }

        String where() {
            return sheet.getSheetName() + "!" + new CellReference(row, col).formatAsString();
        }
    }

    private final XSSFWorkbook workbook;
    private final Styles styles;
    private final TemplateModel model;
    private final String templateName;
    private final Problems problems;
    private final Map<String, Kpi> kpis = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, CellStyle> formatStyles = new HashMap<>();
    private final List<Anchor> anchors = new ArrayList<>();
    private final List<ChartBinding> charts = new ArrayList<>();
    private final BuildRecord record;
    private final Set<Formulas.Place> computed = new java.util.HashSet<>();

    TemplateFiller(XSSFWorkbook workbook, Styles styles, TemplateModel model, String templateName, Problems problems) {
        this(workbook, styles, model, templateName, problems, new BuildRecord());
    }

    /** @param record where to note every cell, chart title and series name filled, for the next build to compare */
    TemplateFiller(XSSFWorkbook workbook, Styles styles, TemplateModel model, String templateName, Problems problems,
                   BuildRecord record) {
        this.record = record;
        this.workbook = workbook;
        this.styles = styles;
        this.model = model;
        this.templateName = templateName;
        this.problems = problems;
        model.analysis().kpis().forEach(k -> kpis.put(k.key(), k));
        for (Dataset d : model.datasets()) {
            tables.put(d.name(), d.table());
        }
    }

    /** The formula cells the build wrote and computed itself: the live totals of its tables. */
    Set<Formulas.Place> computed() {
        return Set.copyOf(computed);
    }

    /** Checks the whole template, then fills it if all is well; returns whether it was filled. */
    boolean fill() {
        int mark = problems.mark();
        findAnchors();
        bindCharts();
        checkPlaceholders();
        if (!problems.since(mark).isEmpty()) {
            return false;
        }
        fillAnchors();
        replacePlaceholders();
        charts.forEach(ChartBinding::repoint);
        recordCharts();
        return true;
    }

    private void recordCharts() {
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            XSSFSheet sheet = workbook.getSheetAt(s);
            if (sheet.getDrawingPatriarch() == null) {
                continue;
            }
            List<XSSFChart> list = sheet.getDrawingPatriarch().getCharts();
            for (int c = 0; c < list.size(); c++) {
                String key = sheet.getSheetName() + "#" + c;
                record.add("chart", key, list.get(c).getTitleText() == null ? "" : list.get(c).getTitleText().getString());
                List<String> names = EditCarrier.seriesNames(list.get(c));
                for (int i = 0; i < names.size(); i++) {
                    record.add("series", key + "#" + i, names.get(i));
                }
            }
        }
    }

    private void recordCell(XSSFCell cell) {
        record.add("cell", new CellReference(cell.getSheet().getSheetName(), cell.getRowIndex(), cell.getColumnIndex(),
                false, false).formatAsString(), BuildRecord.cellText(cell));
    }

    // ---- checking ----------------------------------------------------------------------------------------------------

    private void findAnchors() {
        GridSource grids = new GridSource(model.analysis());
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            XSSFSheet sheet = workbook.getSheetAt(s);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.STRING) {
                        continue;
                    }
                    Matcher m = ANCHOR.matcher(cell.getStringCellValue());
                    if (!m.matches()) {
                        continue;
                    }
                    Anchor anchor = new Anchor(sheet, cell.getRowIndex(), cell.getColumnIndex(), m.group(1), m.group(2).trim());
                    Object resolved = anchor.kind.equals("table") ? grids.grid(anchor.spec) : PivotWriter.parse(anchor.spec, tables);
                    if (resolved instanceof String error) {
                        problem(anchor.where(), cell.getStringCellValue().trim() + ": " + error);
                        continue;
                    }
                    if (resolved instanceof Grid grid) {
                        anchor.grid = grid;
                    } else {
                        anchor.pivot = (PivotWriter.Spec) resolved;
                    }
                    anchors.add(anchor);
                }
            }
        }
    }

    private void bindCharts() {
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            XSSFSheet sheet = workbook.getSheetAt(s);
            XSSFDrawing drawing = sheet.getDrawingPatriarch();
            if (drawing == null) {
                continue;
            }
            for (XSSFChart chart : drawing.getCharts()) {
                for (XDDFChartData data : chart.getChartSeries()) {
                    Object bound = ChartBinding.bind(chart, data, anchors.stream().filter(a -> a.grid != null).toList());
                    if (bound instanceof String error) {
                        String title = chart.getTitleText() == null ? "(untitled)" : chart.getTitleText().getString();
                        problem(sheet.getSheetName(), "chart \"" + title + "\": " + error);
                    } else {
                        charts.add((ChartBinding) bound);
                    }
                }
            }
        }
    }

    private void checkPlaceholders() {
        forEachPlaceholderFormula((cell, formula) -> {
            Matcher m = Insights.PLACEHOLDER.matcher(formula);
            while (m.find()) {
                String error = check(m.group(1).trim(), m.group(2) == null ? null : m.group(2).trim());
                if (error != null) {
                    problem(cell.getSheet().getSheetName() + "!" + cell.getAddress().formatAsString(),
                            "placeholder " + m.group() + " in a formula: " + error);
                }
            }
        });
        forEachPlaceholderCell((cell, text) -> {
            String where = cell.getSheet().getSheetName() + "!" + cell.getAddress().formatAsString();
            if (Wordings.hasAlternatives(text)) {
                try {
                    for (String key : Wordings.conditionKpis(text)) {
                        if (!kpis.containsKey(key)) {
                            problem(where, "condition on kpi." + key + ": unknown KPI \"" + key + "\" (nearest: "
                                    + String.join(", ", Insights.nearest(key, kpis.keySet(), 3)) + ")");
                        }
                    }
                } catch (IllegalArgumentException e) {
                    problem(where, e.getMessage());
                }
            }
            Matcher m = Insights.PLACEHOLDER.matcher(text);
            while (m.find()) {
                String error = check(m.group(1).trim(), m.group(2) == null ? null : m.group(2).trim());
                if (error != null) {
                    problem(cell.getSheet().getSheetName() + "!" + cell.getAddress().formatAsString(),
                            "placeholder " + m.group() + ": " + error);
                }
            }
        });
    }

    private String check(String name, String format) {
        if (name.startsWith("kpi.")) {
            if (!kpis.containsKey(name.substring(4))) {
                return "unknown KPI \"" + name.substring(4) + "\" (nearest: "
                        + String.join(", ", Insights.nearest(name.substring(4), kpis.keySet(), 3)) + ")";
            }
            return InsightFormat.isKnown(format) ? null : "unknown format \"" + format + "\" (expected "
                    + String.join(", ", InsightFormat.NAMES) + " or a number format such as 0.0%)";
        }
        if (name.startsWith("insight.")) {
            String n = name.substring(8);
            int lines = model.analysis().sentenceLines();
            return n.matches("\\d+") && Integer.parseInt(n) >= 1 && Integer.parseInt(n) <= lines
                    ? null : "no insight " + n + " (key-insights.txt has " + lines + " sentences)";
        }
        if (REPORT_FIELDS.contains(name)) {
            return null;
        }
        Set<String> known = new TreeSet<>(REPORT_FIELDS);
        kpis.keySet().forEach(k -> known.add("kpi." + k));
        return "unknown name \"" + name + "\" (nearest: " + String.join(", ", Insights.nearest(name, known, 3)) + ")";
    }

    // ---- filling -----------------------------------------------------------------------------------------------------

    private void fillAnchors() {
        Map<XSSFSheet, List<Anchor>> bySheet = new LinkedHashMap<>();
        anchors.forEach(a -> bySheet.computeIfAbsent(a.sheet, s -> new ArrayList<>()).add(a));
        PivotWriter pivots = new PivotWriter(workbook, styles);
        bySheet.forEach((sheet, list) -> {
            list.sort(Comparator.comparingInt((Anchor a) -> a.row).thenComparingInt(a -> a.col));
            int i = 0;
            while (i < list.size()) {
                int row = list.get(i).row;
                List<Anchor> sameRow = list.stream().filter(a -> a.row == row).toList();
                int height = sameRow.stream().mapToInt(this::height).max().orElse(1);
                SheetRows.insertBelow(sheet, row, height - 1);
                for (Anchor later : list) {
                    if (later.row > row) {
                        later.row += height - 1;
                    }
                }
                for (Anchor a : sameRow) {
                    if (a.grid != null) {
                        writeGrid(a);
                    } else {
                        sheet.getRow(a.row).getCell(a.col).setBlank();
                        pivots.write(sheet, a.row, a.col, a.pivot, tables.get(a.pivot.dataset()));
                    }
                }
                i += sameRow.size();
            }
        });
    }

    private int height(Anchor a) {
        return a.grid != null ? a.grid.height() : PivotWriter.height(a.pivot, tables.get(a.pivot.dataset()));
    }

    private void writeGrid(Anchor a) {
        Grid grid = a.grid;
        CellStyle anchorStyle = cell(a.sheet, a.row, a.col).getCellStyle();
        for (int c = 0; c < grid.columns(); c++) {
            XSSFCell cell = cell(a.sheet, a.row, a.col + c);
            cell.setCellValue(grid.header().get(c));
            cell.setCellStyle(headerStyle(cell.getCellStyle(), anchorStyle));
            PivotWriter.widen(a.sheet, a.col + c, Math.min(40, grid.header().get(c).length() + 3));
        }
        for (int r = 0; r < grid.rows().size(); r++) {
            List<Object> values = grid.rows().get(r);
            for (int c = 0; c < values.size(); c++) {
                XSSFCell cell = cell(a.sheet, a.row + 1 + r, a.col + c);
                Object v = values.get(c);
                if (v instanceof Double d) {
                    cell.setCellValue(d);
                    // A year whose values are lower bounds reads 2024* (still the number 2024), as the footnote explains.
                    boolean mark = c == 0 && grid.marked().contains(r) && GridSource.YEAR.equals(grid.formats().get(0));
                    cell.setCellStyle(formatStyle(mark ? MARKED_YEAR : grid.formats().get(c)));
                    recordCell(cell);
                } else if (v instanceof String text) {
                    cell.setCellValue(text);
                    if (text.length() > 40) {
                        wrap(cell, text);
                    }
                } else {
                    cell.setBlank();
                }
            }
        }
        if (!grid.totalColumns().isEmpty()) {
            int totalRow = a.row + 1 + grid.rows().size();
            XSSFCell label = cell(a.sheet, totalRow, a.col);
            label.setCellValue("Total");
            label.setCellStyle(styles.header());
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (int c : grid.totalColumns()) {
                String column = CellReference.convertNumToColString(a.col + c);
                XSSFCell cell = cell(a.sheet, totalRow, a.col + c);
                // A live total the analysts can extend, with its value cached so that every viewer shows it.
                cell.setCellFormula("SUM(" + column + (a.row + 2) + ":" + column + (a.row + 1 + grid.rows().size()) + ")");
                cell.setCellStyle(formatStyle(grid.formats().get(c)));
                evaluator.evaluateFormulaCell(cell);
                computed.add(new Formulas.Place(a.sheet.getSheetName(), totalRow, a.col + c));
            }
        }
        if (grid.footnote() != null) {
            XSSFCell note = cell(a.sheet, a.row + grid.height() - 1, a.col);
            note.setCellValue(grid.footnote());
            note.setCellStyle(styles.footnote());
        }
    }

    /** The year format of a row of lower bounds: 2024 reads 2024*. */
    static final String MARKED_YEAR = "0\"*\"";

    /**
     * The header's style: the analyst's styling of the anchor's row where there is one (the cell's own, else the anchor
     * cell's), else the generated header style.
     */
    private CellStyle headerStyle(CellStyle own, CellStyle anchor) {
        if (styled(own)) {
            return own;
        }
        return styled(anchor) ? anchor : styles.header();
    }

    /**
     * Whether a cell was styled by hand: a fill, a border, or a font other than the workbook's default. A style index
     * alone tells nothing: LibreOffice gives cells styles of their own that look like the default.
     */
    private boolean styled(CellStyle style) {
        if (style == null || style.getIndex() == 0) {
            return false;
        }
        org.apache.poi.ss.usermodel.Font font = workbook.getFontAt(style.getFontIndex());
        org.apache.poi.ss.usermodel.Font normal = workbook.getFontAt(workbook.getCellStyleAt(0).getFontIndex());
        boolean fontChanged = font.getBold() != normal.getBold() || font.getItalic() != normal.getItalic()
                || font.getFontHeight() != normal.getFontHeight() || !font.getFontName().equals(normal.getFontName())
                || !java.util.Objects.equals(((org.apache.poi.xssf.usermodel.XSSFFont) font).getXSSFColor(),
                ((org.apache.poi.xssf.usermodel.XSSFFont) normal).getXSSFColor());
        return fontChanged || style.getFillPattern() != org.apache.poi.ss.usermodel.FillPatternType.NO_FILL
                || style.getBorderBottom() != org.apache.poi.ss.usermodel.BorderStyle.NONE
                || style.getBorderTop() != org.apache.poi.ss.usermodel.BorderStyle.NONE;
    }

    /** Wraps long text and sets the row's height from the column's width: rows are not measured on a headless machine. */
    private void wrap(XSSFCell cell, String text) {
        cell.setCellStyle(styles.wrapped());
        // A column's width counts the digit 0; running text averages narrower, about 1.1 times as many characters.
        double perLine = Math.max(10, cell.getSheet().getColumnWidth(cell.getColumnIndex()) / 256.0 * 1.1);
        float height = (float) Math.ceil(text.length() / perLine) * 15f + 3f;
        if (cell.getRow().getHeightInPoints() < height) {
            cell.getRow().setHeightInPoints(height);
        }
    }

    private void replacePlaceholders() {
        forEachPlaceholderFormula(this::replaceInFormula);
        forEachPlaceholderCell((cell, text) -> {
            Matcher whole = Insights.PLACEHOLDER.matcher(text.trim());
            if (whole.matches()) {
                setValue(cell, whole.group(1).trim(), whole.group(2) == null ? null : whole.group(2).trim());
                recordCell(cell);
                return;
            }
            if (Wordings.hasAlternatives(text)) {
                // A narrative with wordings for other data: the first whose conditions hold and whose numbers exist.
                Wordings.Choice choice = Wordings.choose(text, kpis, this::text);
                if (choice.text() != null) {
                    cell.setCellValue(choice.text());
                    recordCell(cell);
                    return;
                }
                List<Wordings.Alternative> all = Wordings.parse(text);
                text = all.get(all.size() - 1).text();
            }
            Matcher m = Insights.PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(text(m.group(1).trim(),
                        m.group(2) == null ? null : m.group(2).trim())));
            }
            m.appendTail(out);
            cell.setCellValue(out.toString());
            recordCell(cell);
        });
    }

    /** A cell that is one placeholder gets a typed value: a KPI stays a number, formatted as its unit or as asked. */
    private void setValue(XSSFCell cell, String name, String format) {
        if (name.startsWith("kpi.")) {
            Kpi kpi = kpis.get(name.substring(4));
            boolean numberFormat = format != null && !InsightFormat.isWording(format);
            if (kpi.number() != null && (format == null || numberFormat)) {
                cell.setCellValue(kpi.number());
                cell.setCellStyle(withFormat(cell.getCellStyle(), numberFormat ? format : unitFormat(kpi.unit())));
                return;
            }
        } else if (name.equals("report.year")) {
            cell.setCellValue(model.info().year());
            return;
        }
        cell.setCellValue(text(name, format));
    }

    private String text(String name, String format) {
        if (name.startsWith("kpi.")) {
            return InsightFormat.apply(kpis.get(name.substring(4)), format);
        }
        if (name.startsWith("insight.")) {
            // A sentence left out for want of data (a notice says so) leaves its place empty.
            Insights.Insight insight = model.analysis().insight(Integer.parseInt(name.substring(8)));
            return insight == null ? "" : insight.text();
        }
        return switch (name) {
            case "report.title" -> model.info().title();
            case "report.year" -> String.valueOf(model.info().year());
            case "report.data_as_of" -> model.dataAsOf() == null ? "not stated" : model.dataAsOf().toString();
            case "report.built_at" -> model.info().builtAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            case "report.version" -> model.info().toolVersion();
            default -> throw new IllegalStateException("unchecked placeholder " + name);
        };
    }

    /** The KPI keys that the template's placeholders name, so that the analysis knows which members it must give. */
    static Set<String> kpiKeys(XSSFWorkbook workbook) {
        Set<String> keys = new TreeSet<>();
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            for (Row row : workbook.getSheetAt(s)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains("${")) {
                        Matcher m = Insights.PLACEHOLDER.matcher(cell.getStringCellValue());
                        while (m.find()) {
                            if (m.group(1).strip().startsWith("kpi.")) {
                                keys.add(m.group(1).strip().substring(4));
                            }
                        }
                        try {
                            keys.addAll(Wordings.conditionKpis(cell.getStringCellValue()));
                        } catch (IllegalArgumentException e) {
                            // reported with the cell when the placeholders are checked
                        }
                    }
                }
            }
        }
        return keys;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private interface PlaceholderCell {
        void accept(XSSFCell cell, String text);
    }

    private void forEachPlaceholderCell(PlaceholderCell action) {
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            for (Row row : workbook.getSheetAt(s)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains("${")
                            && !ANCHOR.matcher(cell.getStringCellValue()).matches()) {
                        action.accept((XSSFCell) cell, cell.getStringCellValue());
                    }
                }
            }
        }
    }

    /** Formula cells whose formula holds a placeholder: {@code ="Built "&"${report.built_at}"}. */
    private void forEachPlaceholderFormula(PlaceholderCell action) {
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            for (Row row : workbook.getSheetAt(s)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        String formula = Formulas.text((XSSFCell) cell);
                        if (formula.contains("${")) {
                            action.accept((XSSFCell) cell, formula);
                        }
                    }
                }
            }
        }
    }

    /**
     * Puts the values into a formula's placeholders: inside a string literal as text (quotes doubled), elsewhere a
     * number as a number and text as a string literal. The cell's cached result, computed when the template was saved
     * from the placeholder itself, is dropped; the finished workbook computes it anew.
     */
    private void replaceInFormula(XSSFCell cell, String formula) {
        Matcher m = Insights.PLACEHOLDER.matcher(formula);
        StringBuilder out = new StringBuilder();
        int quotes = 0;
        int last = 0;
        while (m.find()) {
            for (int i = last; i < m.start(); i++) {
                quotes += formula.charAt(i) == '"' ? 1 : 0;
            }
            last = m.start();
            String name = m.group(1).trim();
            String format = m.group(2) == null ? null : m.group(2).trim();
            String value;
            Kpi kpi = name.startsWith("kpi.") ? kpis.get(name.substring(4)) : null;
            if (quotes % 2 == 1) {
                value = text(name, format).replace("\"", "\"\"");
            } else if (kpi != null && kpi.number() != null && format == null) {
                value = new java.math.BigDecimal(kpi.number()).stripTrailingZeros().toPlainString();
            } else {
                value = "\"" + text(name, format).replace("\"", "\"\"") + "\"";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        cell.getCTCell().getF().setStringValue(out.toString());
        if (cell.getCTCell().isSetV()) {
            cell.getCTCell().unsetV();
        }
        recordCell(cell);
    }

    private static String unitFormat(String unit) {
        return switch (unit) {
            case "percent" -> "0%";
            case "EUR" -> "#,##0 \"EUR\"";
            case "ratio" -> "0.0";
            case "per million inhabitants", "per million per year" -> "0.00";
            default -> "#,##0";
        };
    }

    private CellStyle formatStyle(String format) {
        if (format == null || format.isEmpty()) {
            return null;
        }
        return formatStyles.computeIfAbsent("grid|" + format, k -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            // Top-aligned like wrapped text beside it; years and numbering centred, as labels rather than amounts.
            style.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            if (GridSource.YEAR.equals(format) || MARKED_YEAR.equals(format)) {
                style.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
            }
            return style;
        });
    }

    /** The template's own style with another number format; made once per style and format. */
    private CellStyle withFormat(CellStyle base, String format) {
        return formatStyles.computeIfAbsent(base.getIndex() + "|" + format, k -> {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(base);
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        });
    }

    private static XSSFCell cell(XSSFSheet sheet, int r, int c) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return (XSSFCell) (row.getCell(c) == null ? row.createCell(c) : row.getCell(c));
    }

    private void problem(String where, String message) {
        problems.add(new Problem(templateName, 0, where, message));
    }
}
