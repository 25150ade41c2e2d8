package se.atmp2030.workbook.fill;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import se.atmp2030.workbook.collect.Column;
import se.atmp2030.workbook.collect.ColumnType;

/**
 * The few cell styles the workbook uses, made once per workbook and shared by every cell: Excel allows about 64,000
 * styles, and a style per cell is the usual way to run out.
 */
final class Styles {
    private final Map<ColumnType, CellStyle> byType = new EnumMap<>(ColumnType.class);
    private final CellStyle header;
    private final CellStyle link;
    private final CellStyle year;
    private final CellStyle percent;
    private final CellStyle euro;
    private final CellStyle title;
    private final CellStyle wrapped;
    private final CellStyle centredTop;
    private final CellStyle plainInteger;
    private final CellStyle footnote;

    Styles(Workbook workbook) {
        short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(dateFormat);
        byType.put(ColumnType.DATE, date);
        CellStyle integer = workbook.createCellStyle();
        integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        byType.put(ColumnType.INTEGER, integer);
        CellStyle decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        byType.put(ColumnType.DECIMAL, decimal);

        // Booleans show TRUE and FALSE in Excel whatever the format; LibreOffice, printing a narrow column, shows 1 and 0
        // unless the format says otherwise.
        CellStyle bool = workbook.createCellStyle();
        bool.setDataFormat(workbook.createDataFormat().getFormat("\"TRUE\";\"TRUE\";\"FALSE\""));
        byType.put(ColumnType.BOOLEAN, bool);
        plainInteger = byType.get(ColumnType.INTEGER);

        year = workbook.createCellStyle();
        year.setDataFormat(workbook.createDataFormat().getFormat("0"));

        footnote = workbook.createCellStyle();
        Font small = workbook.createFont();
        small.setItalic(true);
        small.setFontHeightInPoints((short) 9);
        ((XSSFFont) small).setColor(rgb(0x59, 0x59, 0x59));
        footnote.setFont(small);

        percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        euro = workbook.createCellStyle();
        euro.setDataFormat(workbook.createDataFormat().getFormat("#,##0 \"EUR\""));

        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        // A fill of its own, not only the table style's: LibreOffice and previewers do not all draw table styles. An RGB
        // colour, not a palette index: LibreOffice writes a palette of its own, and an index then means another colour.
        ((XSSFCellStyle) header).setFillForegroundColor(rgb(0x99, 0xCC, 0xFF));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setVerticalAlignment(VerticalAlignment.TOP);

        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = workbook.createCellStyle();
        title.setFont(big);

        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);

        centredTop = workbook.createCellStyle();
        centredTop.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        centredTop.setVerticalAlignment(VerticalAlignment.TOP);

        Font blue = workbook.createFont();
        blue.setUnderline(Font.U_SINGLE);
        ((XSSFFont) blue).setColor(rgb(0x05, 0x63, 0xC1));
        link = workbook.createCellStyle();
        link.setFont(blue);
        link.setVerticalAlignment(VerticalAlignment.TOP);
        link.setFillPattern(FillPatternType.NO_FILL);
    }

    private static XSSFColor rgb(int red, int green, int blue) {
        return new XSSFColor(new byte[] {(byte) 0xFF, (byte) red, (byte) green, (byte) blue}, null);
    }

    /** The style of a data cell of this column; {@code null} (the default style) for text and booleans. */
    CellStyle of(Column column) {
        return column.holdsYears() ? year : column.holdsPercentages() ? percent : byType.get(column.type());
    }

    /**
     * The style of a value in this unit where a column beside it names the unit (the KPIs and Changes sheets): the
     * same as {@link #ofUnit} but without "EUR" in the number.
     */
    CellStyle ofUnitBesideIt(String unit) {
        return "EUR".equals(unit) ? plainInteger : ofUnit(unit);
    }

    /** The style of a value in this unit (a KPI's): percentages, euros, or plain numbers. */
    CellStyle ofUnit(String unit) {
        if (unit == null) {
            return byType.get(ColumnType.DECIMAL);
        }
        return switch (unit) {
            case "percent" -> percent;
            case "EUR" -> euro;
            case "ratio", "per million inhabitants", "per million per year" -> byType.get(ColumnType.DECIMAL);
            default -> byType.get(ColumnType.INTEGER);
        };
    }

    CellStyle title() {
        return title;
    }

    CellStyle wrapped() {
        return wrapped;
    }

    CellStyle centredTop() {
        return centredTop;
    }

    CellStyle header() {
        return header;
    }

    /** A footnote under a table: small, italic, grey. */
    CellStyle footnote() {
        return footnote;
    }

    CellStyle link() {
        return link;
    }
}
