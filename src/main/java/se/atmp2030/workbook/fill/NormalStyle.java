package se.atmp2030.workbook.fill;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCellStyle;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCellStyles;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTStylesheet;

/**
 * Gives a workbook the built-in "Normal" cell style, on the workbook's default font, where it has none (POI writes no
 * {@code <cellStyles>}). Without it openpyxl and pandas warn on every load, and LibreOffice takes its own default font
 * (Liberation Sans or DejaVu Sans 10) for Normal: the fonts change and column widths, which count the default font's
 * digit, grow by about a quarter at every save.
 */
public final class NormalStyle {
    private NormalStyle() {
    }

    /** Adds the "Normal" style (built-in id 0, on the first cell style format, which uses font 0) if missing. */
    public static void ensure(XSSFWorkbook workbook) {
        CTStylesheet sheet = workbook.getStylesSource().getCTStylesheet();
        CTCellStyles styles = sheet.isSetCellStyles() ? sheet.getCellStyles() : sheet.addNewCellStyles();
        for (CTCellStyle style : styles.getCellStyleArray()) {
            if (style.isSetBuiltinId() && style.getBuiltinId() == 0) {
                return;
            }
        }
        CTCellStyle normal = styles.insertNewCellStyle(0);
        normal.setName("Normal");
        normal.setXfId(0);
        normal.setBuiltinId(0);
        styles.setCount(styles.sizeOfCellStyleArray());
    }
}
