package se.atmp2030.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;

/**
 * Checks of a built workbook's charts as a reader of the file sees them: each series' categories and values hold one
 * reference each, spanning exactly the rows of the table it stands beside (found by reading the sheet down from the
 * reference's first row to the first empty cell), with caches that hold the sheet's values; and, in the PDF
 * LibreOffice renders, each series that has visible values is drawn in its colour on its sheet's page.
 */
public final class ChartChecks {
    private static final String C = "declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart'; "
            + "declare namespace a='http://schemas.openxmlformats.org/drawingml/2006/main'; ";

    /** A series as the file has it: its sheet, chart title, colour (RRGGBB or null) and its values. */
    public record SeriesSeen(String sheet, String chart, String name, String colour, List<Double> values) {
    }

    private ChartChecks() {
    }

    /** Checks every series of every chart; returns them for the rendering check. */
    public static List<SeriesSeen> referencesAndCaches(XSSFWorkbook book) {
        List<SeriesSeen> all = new ArrayList<>();
        for (int s = 0; s < book.getNumberOfSheets(); s++) {
            XSSFSheet sheet = book.getSheetAt(s);
            if (sheet.getDrawingPatriarch() == null) {
                continue;
            }
            for (XSSFChart chart : sheet.getDrawingPatriarch().getCharts()) {
                String title = chart.getTitleText() == null ? "(untitled)" : chart.getTitleText().getString();
                List<XmlObject> series = select(chart.getCTChartSpace(), ".//c:ser");
                assertThat(series).as(sheet.getSheetName() + ": chart " + title + " has series").isNotEmpty();
                for (int i = 0; i < series.size(); i++) {
                    String where = sheet.getSheetName() + ": chart \"" + title + "\", series " + (i + 1);
                    XmlObject ser = series.get(i);
                    List<XmlObject> cat = children(ser, "c:cat");
                    List<XmlObject> val = children(ser, "c:val");
                    assertThat(cat).as(where + ": one category reference, never two").hasSize(1);
                    assertThat(val).as(where + ": one value reference").hasSize(1);
                    String catRef = text(cat.get(0), "./c:f");
                    String valRef = text(val.get(0), "./c:f");
                    int rows = tableRows(book, catRef);
                    assertThat(rows).as(where + ": the table beside it has rows").isPositive();
                    AreaReference cats = new AreaReference(catRef, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
                    AreaReference vals = new AreaReference(valRef, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
                    assertThat(cats.getLastCell().getRow() - cats.getFirstCell().getRow() + 1)
                            .as(where + ": categories " + catRef + " span the table's rows").isEqualTo(rows);
                    assertThat(vals.getFirstCell().getRow()).as(where + ": values start where the categories do")
                            .isEqualTo(cats.getFirstCell().getRow());
                    assertThat(vals.getLastCell().getRow()).as(where + ": values " + valRef + " end with the table")
                            .isEqualTo(cats.getLastCell().getRow());
                    List<Double> cached = numbers(select(val.get(0), ".//c:pt/c:v"));
                    List<Double> onSheet = cellValues(book, vals);
                    assertThat(select(val.get(0), ".//c:ptCount").get(0).newCursor().getAttributeText(
                            new javax.xml.namespace.QName("val"))).as(where + ": cached point count")
                            .isEqualTo(String.valueOf(rows));
                    assertThat(cached).as(where + ": cached values are the sheet's").isEqualTo(onSheet.stream()
                            .filter(java.util.Objects::nonNull).toList());
                    all.add(new SeriesSeen(sheet.getSheetName(), title, text(ser, "./c:tx//c:v"), colour(ser), onSheet));
                }
            }
        }
        return all;
    }

    /**
     * Renders each sheet with charts from the PDF LibreOffice made and checks that each series with values above a
     * twentieth of its chart's largest is drawn in its colour on that sheet's page.
     */
    public static void drawn(Path pdf, String pdfText, List<SeriesSeen> series, Path dir) throws IOException,
            InterruptedException {
        String[] pages = pdfText.split("\f");
        for (SeriesSeen s : series) {
            double largest = series.stream().filter(o -> o.sheet().equals(s.sheet()) && o.chart().equals(s.chart()))
                    .flatMap(o -> o.values().stream()).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue)
                    .max().orElse(0);
            double own = s.values().stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max()
                    .orElse(0);
            if (s.colour() == null || own < largest / 20 || own <= 0) {
                continue;
            }
            int page = -1;
            for (int p = 0; p < pages.length; p++) {
                if (pages[p].contains(s.chart().substring(0, Math.min(20, s.chart().length())))
                        && pages[p].contains(s.sheet())) {
                    page = p + 1;
                    break;
                }
            }
            assertThat(page).as("the page of " + s.sheet() + " with chart " + s.chart()).isPositive();
            BufferedImage image = page(pdf, page, dir);
            assertThat(pixels(image, Integer.parseInt(s.colour(), 16))).as(s.sheet() + ": series " + s.name() + " of \""
                    + s.chart() + "\" is drawn in #" + s.colour()).isGreaterThan(20);
        }
    }

    /** The names of a chart's series as a reader sees them: a literal, or the cached text of the referenced cell. */
    public static List<String> seriesNames(XSSFChart chart) {
        List<String> names = new ArrayList<>();
        for (XmlObject ser : select(chart.getCTChartSpace(), ".//c:ser")) {
            String literal = text(ser, "./c:tx/c:v");
            names.add(literal != null ? literal : text(ser, "./c:tx/c:strRef/c:strCache/c:pt/c:v"));
        }
        return names;
    }

    private static BufferedImage page(Path pdf, int page, Path dir) throws IOException, InterruptedException {
        Path prefix = dir.resolve("chart-page-" + page);
        Path png = dir.resolve("chart-page-" + page + ".png");
        if (!Files.exists(png)) {
            Process p = new ProcessBuilder("pdftoppm", "-r", "100", "-f", String.valueOf(page), "-l", String.valueOf(page),
                    "-singlefile", "-png", pdf.toString(), prefix.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        return ImageIO.read(png.toFile());
    }

    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) < 12 && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) < 12
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) < 12) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The rows of the table a reference starts in: down from its first row to the first empty cell. */
    private static int tableRows(XSSFWorkbook book, String reference) {
        CellReference first = new AreaReference(reference, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell();
        XSSFSheet sheet = book.getSheet(first.getSheetName());
        int rows = 0;
        for (int r = first.getRow(); ; r++) {
            XSSFRow row = sheet.getRow(r);
            Cell cell = row == null ? null : row.getCell(first.getCol());
            if (cell == null || cell.getCellType() == CellType.BLANK
                    || cell.getCellType() == CellType.STRING && (cell.getStringCellValue().equals("Total")
                    || cell.getStringCellValue().startsWith("* "))) {
                return rows;
            }
            rows++;
        }
    }

    private static List<Double> cellValues(XSSFWorkbook book, AreaReference area) {
        XSSFSheet sheet = book.getSheet(area.getFirstCell().getSheetName());
        List<Double> values = new ArrayList<>();
        for (int r = area.getFirstCell().getRow(); r <= area.getLastCell().getRow(); r++) {
            XSSFRow row = sheet.getRow(r);
            Cell cell = row == null ? null : row.getCell(area.getFirstCell().getCol());
            boolean number = cell != null && (cell.getCellType() == CellType.NUMERIC
                    || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC);
            values.add(number ? cell.getNumericCellValue() : null);
        }
        return values;
    }

    private static String colour(XmlObject ser) {
        List<XmlObject> fill = select(ser, "./c:spPr/a:solidFill/a:srgbClr");
        if (fill.isEmpty()) {
            fill = select(ser, "./c:spPr/a:ln/a:solidFill/a:srgbClr");
        }
        if (fill.isEmpty()) {
            fill = select(ser, "./c:dPt/c:spPr/a:solidFill/a:srgbClr");
        }
        return fill.isEmpty() ? null : fill.get(0).newCursor().getAttributeText(new javax.xml.namespace.QName("val"));
    }

    private static List<Double> numbers(List<XmlObject> nodes) {
        List<Double> numbers = new ArrayList<>();
        for (XmlObject node : nodes) {
            try (XmlCursor cursor = node.newCursor()) {
                numbers.add(Double.valueOf(cursor.getTextValue()));
            }
        }
        return numbers;
    }

    private static String text(XmlObject node, String path) {
        List<XmlObject> found = select(node, path);
        if (found.isEmpty()) {
            return null;
        }
        try (XmlCursor cursor = found.get(0).newCursor()) {
            return cursor.getTextValue();
        }
    }

    /** The data sources a series' element holds (XMLBeans' own paths know no {@code *}). */
    private static List<XmlObject> children(XmlObject ser, String element) {
        List<XmlObject> found = new ArrayList<>();
        for (String kind : List.of("c:numRef", "c:strRef", "c:numLit", "c:strLit", "c:multiLvlStrRef")) {
            found.addAll(select(ser, "./" + element + "/" + kind));
        }
        return found;
    }

    private static List<XmlObject> select(XmlObject node, String path) {
        List<XmlObject> found = new ArrayList<>();
        try (XmlCursor cursor = node.newCursor()) {
            cursor.selectPath(C + path);
            while (cursor.toNextSelection()) {
                found.add(cursor.getObject());
            }
        }
        return found;
    }
}
