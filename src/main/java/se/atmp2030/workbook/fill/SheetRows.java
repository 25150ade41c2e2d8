package se.atmp2030.workbook.fill;

import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Makes room in a template sheet: rows below a point move down, and the charts and pictures anchored there move too. */
final class SheetRows {
    private SheetRows() {
    }

    /**
     * Moves everything below {@code row} down by {@code count} rows. POI's shiftRows keeps formulas, merged cells,
     * defined names and hyperlinks right but leaves drawings where they were, so their anchors are moved here.
     */
    static void insertBelow(XSSFSheet sheet, int row, int count) {
        if (count <= 0) {
            return;
        }
        if (sheet.getLastRowNum() > row) {
            sheet.shiftRows(row + 1, sheet.getLastRowNum(), count, true, false);
        }
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing == null) {
            return;
        }
        for (XSSFShape shape : drawing.getShapes()) {
            if (shape.getAnchor() instanceof XSSFClientAnchor anchor && anchor.getRow1() > row) {
                anchor.setRow1(anchor.getRow1() + count);
                anchor.setRow2(anchor.getRow2() + count);
            }
        }
    }
}
