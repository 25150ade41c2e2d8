package se.atmp2030.workbook.fill;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A chart of the template tied to the table filled at an anchor: found from where its first series points before the
 * fill, re-pointed after it to the table's real extent, with one series per value column for a wide table and the
 * template's columns otherwise, and its cached points refreshed so that viewers that do not recalculate draw it right.
 */
final class ChartBinding {
    private final XSSFChart chart;
    private final XDDFChartData data;
    private final TemplateFiller.Anchor anchor;
    private final List<Integer> columns = new ArrayList<>();

    private ChartBinding(XSSFChart chart, XDDFChartData data, TemplateFiller.Anchor anchor) {
        this.chart = chart;
        this.data = data;
        this.anchor = anchor;
    }

    /** Binds a chart's data to the anchor its series point under, or returns an error message. */
    static Object bind(XSSFChart chart, XDDFChartData data, List<TemplateFiller.Anchor> anchors) {
        if (data.getSeriesCount() == 0) {
            return "has no series (expected series pointing under a ${table:...} anchor)";
        }
        ChartBinding binding = null;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String ref = data.getSeries(i).getValuesData().getDataRangeReference();
            TemplateFiller.Anchor anchor = ref == null ? null : find(ref, anchors);
            if (anchor == null) {
                return "series " + (i + 1) + " points at " + ref + ", where no table is filled (expected cells in the rows "
                        + "just under a ${table:...} anchor)";
            }
            if (binding == null) {
                binding = new ChartBinding(chart, data, anchor);
            } else if (binding.anchor != anchor) {
                return "its series point under two different anchors (expected one table per chart)";
            }
            binding.columns.add(new AreaReference(ref, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell().getCol()
                    - anchor.col);
        }
        return binding;
    }

    private static TemplateFiller.Anchor find(String ref, List<TemplateFiller.Anchor> anchors) {
        CellReference first = new AreaReference(ref, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell();
        for (TemplateFiller.Anchor a : anchors) {
            if (a.sheet.getSheetName().equals(first.getSheetName()) && first.getRow() >= a.row && first.getRow() <= a.row + 1
                    && first.getCol() >= a.col && first.getCol() < a.col + 64) {
                return a;
            }
        }
        return null;
    }

    TemplateFiller.Anchor anchor() {
        return anchor;
    }

    String title() {
        return chart.getTitleText() == null ? "(untitled)" : chart.getTitleText().getString();
    }

    /** Points the chart at the filled grid. */
    void repoint() {
        Grid grid = anchor.grid;
        XSSFSheet sheet = anchor.sheet;
        int first = anchor.row + 1;
        int last = anchor.row + Math.max(1, grid.rows().size());
        List<Integer> wanted = new ArrayList<>();
        if (grid.wide()) {
            for (int c = 1; c < grid.columns(); c++) {
                wanted.add(c);
            }
        } else {
            columns.stream().filter(c -> c < grid.columns()).forEach(wanted::add);
        }
        CellRangeAddress catRange = new CellRangeAddress(first, last, anchor.col, anchor.col);
        XDDFDataSource<?> categories = GridSource.YEAR.equals(grid.formats().get(0))
                ? XDDFDataSourcesFactory.fromNumericCellRange(sheet, catRange)
                : XDDFDataSourcesFactory.fromStringCellRange(sheet, catRange);
        for (int i = 0; i < wanted.size(); i++) {
            int column = anchor.col + wanted.get(i);
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(first, last, column, column));
            XDDFChartData.Series series = i < data.getSeriesCount() ? data.getSeries(i) : data.addSeries(categories, values);
            series.replaceData(categories, values);
            series.setTitle(grid.header().get(wanted.get(i)), new CellReference(sheet.getSheetName(), anchor.row, column, true, true));
        }
        while (data.getSeriesCount() > wanted.size()) {
            data.removeSeries(data.getSeriesCount() - 1);
        }
        clearReferences();
        chart.plot(data);
        literalNamesGiveWay();
        colourWhatHasNoColour();
        // An empty cell of a filled table is a value the data does not have (no actual value for the forecast year),
        // never a zero, which is written as 0: a gap in the line, not a drop. Set even where the template says "zero",
        // as LibreOffice saves a chart that had no setting.
        if (!chart.getCTChart().isSetDispBlanksAs()) {
            chart.getCTChart().addNewDispBlanksAs();
        }
        chart.getCTChart().getDispBlanksAs().setVal(org.openxmlformats.schemas.drawingml.x2006.chart.STDispBlanksAs.GAP);
    }

    /**
     * Empties each series' categories and values before they are written again. POI's plot adds a numeric reference
     * beside a string one a template already has (LibreOffice saves the categories of a one-row table as a
     * {@code c:strRef}), which is invalid and makes the axis show only the first category; a reference is replaced,
     * never added.
     */
    private void clearReferences() {
        try (org.apache.xmlbeans.XmlCursor cursor = chart.getCTChartSpace().newCursor()) {
            cursor.selectPath("declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' "
                    + ".//c:ser/c:cat | .//c:ser/c:val | .//c:ser/c:xVal | .//c:ser/c:yVal");
            List<org.apache.xmlbeans.XmlObject> sources = new ArrayList<>();
            while (cursor.toNextSelection()) {
                sources.add(cursor.getObject());
            }
            for (org.apache.xmlbeans.XmlObject source : sources) {
                try (org.apache.xmlbeans.XmlCursor children = source.newCursor()) {
                    if (children.toFirstChild()) {
                        while (children.removeXml()) {
                            // removeXml moves to the next sibling; stops when none is left
                        }
                    }
                }
            }
        }
    }

    /** Colours for series and slices that the template leaves to the application. */
    private static final String[] PALETTE = {"1F6F8B", "E07B39", "5AA469", "8E6BB8", "D4A72C", "3B8BD0", "C44E52",
            "7F7F7F", "2E9C9C", "B5651D"};

    /**
     * Gives a colour to every series (or slice) without one. Excel would pick colours from the chart style, but
     * LibreOffice draws such series without any fill, so a chart looks empty there. Colours the analysts chose stay.
     */
    private void colourWhatHasNoColour() {
        boolean slices = data instanceof org.apache.poi.xddf.usermodel.chart.XDDFDoughnutChartData
                || data instanceof org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
        boolean lines = data instanceof org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            XDDFChartData.Series series = data.getSeries(i);
            if (slices) {
                int points = series.getCategoryData().getPointCount();
                for (int p = 0; p < points; p++) {
                    var point = series.getDataPoint(p);
                    if (point.getShapeProperties() == null || point.getShapeProperties().getFillProperties() == null
                            || invisible(point.getShapeProperties())) {
                        point.setFillProperties(solid(PALETTE[p % PALETTE.length]));
                    }
                }
                continue;
            }
            var shape = series.getShapeProperties();
            String colour = PALETTE[i % PALETTE.length];
            if (lines && (shape == null || shape.getLineProperties() == null || noLine(shape))) {
                var line = new org.apache.poi.xddf.usermodel.XDDFLineProperties(solid(colour));
                line.setWidth(2.25);
                series.setLineProperties(line);
            } else if (!lines && (shape == null || shape.getFillProperties() == null || invisible(shape))) {
                series.setFillProperties(solid(colour));
                if (shape != null && shape.getLineProperties() != null
                        && shape.getLineProperties().getFillProperties() instanceof org.apache.poi.xddf.usermodel.XDDFNoFillProperties) {
                    series.setLineProperties(null);
                }
            }
        }
    }

    /**
     * Whether a series is drawn with neither fill nor line: how LibreOffice saves a series whose colour was left to the
     * application ({@code <a:noFill/>} and a line without fill), not a choice anyone makes for data they want shown.
     */
    private static boolean invisible(org.apache.poi.xddf.usermodel.XDDFShapeProperties shape) {
        return shape.getFillProperties() instanceof org.apache.poi.xddf.usermodel.XDDFNoFillProperties
                && (shape.getLineProperties() == null || shape.getLineProperties().getFillProperties() == null
                || noLine(shape));
    }

    /** Whether a series' line is drawn without fill: an invisible line, in a line chart an invisible series. */
    private static boolean noLine(org.apache.poi.xddf.usermodel.XDDFShapeProperties shape) {
        return shape.getLineProperties() != null
                && shape.getLineProperties().getFillProperties() instanceof org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
    }

    private static org.apache.poi.xddf.usermodel.XDDFSolidFillProperties solid(String hex) {
        return new org.apache.poi.xddf.usermodel.XDDFSolidFillProperties(
                org.apache.poi.xddf.usermodel.XDDFColor.from(java.util.HexFormat.of().parseHex(hex)));
    }

    /**
     * A series name is either a cell reference or a literal, never both; POI's setTitle adds the reference beside a
     * literal the template had, which is invalid and makes LibreOffice drop the series. The literal goes.
     */
    private void literalNamesGiveWay() {
        try (org.apache.xmlbeans.XmlCursor cursor = chart.getCTChartSpace().newCursor()) {
            cursor.selectPath("declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' .//c:ser/c:tx");
            List<org.apache.xmlbeans.XmlObject> names = new ArrayList<>();
            while (cursor.toNextSelection()) {
                names.add(cursor.getObject());
            }
            for (org.apache.xmlbeans.XmlObject tx : names) {
                if (tx instanceof org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx name && name.isSetStrRef() && name.isSetV()) {
                    name.unsetV();
                }
            }
        }
    }
}
